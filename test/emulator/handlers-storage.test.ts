/** The emulator's storage APIs: persistence, exact round-trips, limits, corruption, per-miniapp isolation. */
import { afterEach, describe, expect, it } from 'vitest';
import { clearStorage, getStorage, removeStorage, setStorage, TABLE } from '../../src/index.js';
import { memoryStorage } from '../../src/emulator/engine.js';
import { storageBytes, storagePrefix } from '../../src/emulator/handlers/storage.js';
import type { StorageBackend } from '../../src/emulator/types.js';
import { rawCall, hostRejection as rejection, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(teardownEmulator);

const MAX_ITEM = 200 * 1024;
const MB10 = 10 * 1024 * 1024;

describe('limits come from the table', () => {
  it('setStorage declares 200×1024 characters an item and 10 MB a miniapp', () => {
    expect(TABLE.setStorage.limits).toEqual({ maxItemChars: MAX_ITEM, maxTotalBytes: MB10 });
  });
});

describe('round-trips', () => {
  it('a string comes back as the same string, an object as an equal object', async () => {
    setupAutoEmulator();
    const values = {
      s: 'Baghdad',
      json: '{"looks":"like json"}',
      num: '42',
      empty: '',
      arabic: 'زينب كريم — 🇮🇶',
      obj: { cityName: 'Basra', adCode: '330100', nested: { list: [1, 'two', null, true] } },
      arr: [1, 2, { a: 'b' }],
      n: 7,
      f: false,
    } as const;
    for (const [key, data] of Object.entries(values)) await expect(setStorage({ key, data })).resolves.toEqual({});
    for (const [key, data] of Object.entries(values)) {
      const res = await getStorage({ key });
      expect(res).toEqual({ data });
      expect(typeof res.data).toBe(typeof data);
    }
  });

  it('a missing key is success with data: null', async () => {
    setupAutoEmulator();
    await expect(getStorage({ key: 'nope' })).resolves.toEqual({ data: null });
  });

  it('setStorage overwrites; removeStorage removes; removing a missing key succeeds', async () => {
    setupAutoEmulator();
    await setStorage({ key: 'k', data: 'one' });
    await setStorage({ key: 'k', data: { two: 2 } });
    expect(await getStorage({ key: 'k' })).toEqual({ data: { two: 2 } });
    await expect(removeStorage({ key: 'k' })).resolves.toEqual({});
    expect(await getStorage({ key: 'k' })).toEqual({ data: null });
    await expect(removeStorage({ key: 'k' })).resolves.toEqual({});
    await expect(removeStorage({ key: 'never-there' })).resolves.toEqual({});
  });

  it('keeps data in the backend under superqi:<appId>:<key> as a typed envelope', async () => {
    const em = setupAutoEmulator({ appId: 'app-one' });
    expect(em.storage).toBe(localStorage);
    await setStorage({ key: 'city', data: 'Erbil' });
    await setStorage({ key: 'obj', data: { a: 1 } });
    expect(JSON.parse(localStorage.getItem('superqi:app-one:city')!)).toEqual({ v: 1, type: 'string', data: 'Erbil' });
    expect(JSON.parse(localStorage.getItem('superqi:app-one:obj')!)).toEqual({ v: 1, type: 'json', data: { a: 1 } });
  });

  it('survives a new emulator on the same backend (a reload)', async () => {
    const storage = memoryStorage();
    setupAutoEmulator({ appId: 'persist', storage });
    await setStorage({ key: 'token', data: { t: 'abc' } });
    setupAutoEmulator({ appId: 'persist', storage });
    expect(await getStorage({ key: 'token' })).toEqual({ data: { t: 'abc' } });
  });

  it('answers the classic aliases with their parameter names', async () => {
    setupAutoEmulator();
    expect(await rawCall(undefined, 'setAPDataStorage', { key: 'alias', value: 'v' })).toEqual({});
    expect(await rawCall(undefined, 'getAPDataStorage', { key: 'alias' })).toEqual({ data: 'v' });
    expect(await rawCall(undefined, 'removeAPDataStorage', { key: 'alias' })).toEqual({});
    expect(await rawCall(undefined, 'getStorage', { key: 'alias' })).toEqual({ data: null });
  });
});

describe('invalid parameters (error 2)', () => {
  it.each([
    ['getStorage', {}],
    ['getStorage', { key: 5 }],
    ['getStorage', { key: '' }],
    ['setStorage', { data: 'x' }],
    ['setStorage', { key: 'k' }],
    ['setStorage', { key: 'k', data: null }],
    ['removeStorage', {}],
  ])('%s %j → 2', async (name, params) => {
    setupAutoEmulator();
    const r = await rawCall(undefined, name, params);
    expect(r['error']).toBe(2);
    expect(typeof r['errorMessage']).toBe('string');
  });
});

describe('the 200×1024-character item limit', () => {
  it('accepts exactly 200×1024 characters and refuses one more, keeping the previous value', async () => {
    setupAutoEmulator();
    const exact = 'x'.repeat(MAX_ITEM);
    await expect(setStorage({ key: 'big', data: exact })).resolves.toEqual({});
    const e = await rejection(setStorage({ key: 'big', data: exact + 'y' }));
    expect(e.code).toBe(2);
    expect(e.errorMessage).toMatch(/204801 characters/);
    expect((await getStorage({ key: 'big' })).data).toBe(exact);
  });

  it('counts an object by its JSON', async () => {
    setupAutoEmulator();
    await setStorage({ key: 'o', data: { keep: true } });
    // {"s":"…"} is 8 characters more than the string
    const data = { s: 'z'.repeat(MAX_ITEM - 7) };
    expect(JSON.stringify(data).length).toBe(MAX_ITEM + 1);
    expect((await rejection(setStorage({ key: 'o', data }))).code).toBe(2);
    expect(await getStorage({ key: 'o' })).toEqual({ data: { keep: true } });
    await expect(setStorage({ key: 'o', data: { s: 'z'.repeat(MAX_ITEM - 8) } })).resolves.toEqual({});
  });
});

describe('the 10 MB miniapp limit', () => {
  it('refuses a write that would pass 10 MB (UTF-16 bytes), keeps the previous value, and frees space on remove', async () => {
    const storage = memoryStorage();
    setupAutoEmulator({ appId: 'full', storage });
    const chunk = 'a'.repeat(MAX_ITEM - 100);
    let n = 0;
    // fill until the next item would not fit
    while (storageBytes(storage, storagePrefix('full')) + 2 * (MAX_ITEM + 40) < MB10) {
      await setStorage({ key: `k${n++}`, data: chunk });
    }
    const used = storageBytes(storage, storagePrefix('full'));
    expect(used).toBeLessThanOrEqual(MB10);
    await setStorage({ key: 'victim', data: 'small' });
    const e = await rejection(setStorage({ key: 'victim', data: chunk + chunk.slice(0, 90) }));
    expect(e.code).toBe(3);
    expect(e.errorMessage).toMatch(/10 MB/);
    expect(await getStorage({ key: 'victim' })).toEqual({ data: 'small' });
    // a new key is refused as well, and not written
    await rejection(setStorage({ key: 'new-one', data: chunk }));
    expect(storage.getItem('superqi:full:new-one')).toBeNull();
    // removing frees the space
    await removeStorage({ key: 'k0' });
    await expect(setStorage({ key: 'new-one', data: chunk })).resolves.toEqual({});
  });

  it('counts per miniapp: another miniapp on the same backend is not charged', async () => {
    const storage = memoryStorage();
    storage.setItem('superqi:other:huge', 'b'.repeat(6 * 1024 * 1024));
    setupAutoEmulator({ appId: 'mine', storage });
    await expect(setStorage({ key: 'k', data: 'c'.repeat(MAX_ITEM) })).resolves.toEqual({});
  });
});

/** A memory backend whose writes go through `write` (to script quota errors and half-writes). */
function scriptedStorage(write: (inner: StorageBackend, key: string, value: string) => void): StorageBackend {
  const inner = memoryStorage();
  return {
    getItem: (k) => inner.getItem(k),
    removeItem: (k) => inner.removeItem(k),
    key: (i) => inner.key(i),
    get length() {
      return inner.length;
    },
    setItem: (k, v) => write(inner, k, v),
  };
}

describe('backend failures', () => {
  it('a QuotaExceededError from the backend is a failure; the previous value stays', async () => {
    let refuse = false;
    const storage = scriptedStorage((inner, k, v) => {
      if (refuse) {
        const e = new Error('The quota has been exceeded.');
        e.name = 'QuotaExceededError';
        throw e;
      }
      inner.setItem(k, v);
    });
    setupAutoEmulator({ storage });
    await setStorage({ key: 'k', data: 'before' });
    refuse = true;
    const e = await rejection(setStorage({ key: 'k', data: 'after' }));
    expect(e.code).toBe(3);
    expect(e.errorMessage).toMatch(/QuotaExceededError/);
    refuse = false;
    expect(await getStorage({ key: 'k' })).toEqual({ data: 'before' });
  });

  it('a backend that writes half and throws is rolled back', async () => {
    let broken = false;
    const storage = scriptedStorage((inner, k, v) => {
      inner.setItem(k, broken ? v.slice(0, 5) : v);
      if (broken) {
        broken = false; // the rollback write succeeds
        throw new Error('disk failure');
      }
    });
    setupAutoEmulator({ storage });
    await setStorage({ key: 'k', data: { ok: 1 } });
    broken = true;
    await rejection(setStorage({ key: 'k', data: { ok: 2 } }));
    expect(await getStorage({ key: 'k' })).toEqual({ data: { ok: 1 } });
    broken = true;
    await rejection(setStorage({ key: 'fresh', data: 'x' }));
    expect(await getStorage({ key: 'fresh' })).toEqual({ data: null });
  });

  it.each([
    ['not JSON', '{not json'],
    ['a bare JSON value', '"just a string"'],
    ['no envelope version', '{"type":"string","data":"x"}'],
    ['a string envelope without a string', '{"v":1,"type":"string","data":5}'],
    ['an unknown type', '{"v":1,"type":"blob","data":"x"}'],
    ['null', 'null'],
  ])('a corrupted entry (%s) is a failure answer (3), not a throw', async (_what, raw) => {
    setupAutoEmulator({ appId: 'corrupt' });
    localStorage.setItem('superqi:corrupt:bad', raw);
    const e = await rejection(getStorage({ key: 'bad' }));
    expect(e.code).toBe(3);
    expect(e.errorMessage).toMatch(/corrupted/);
    // overwriting repairs it
    await setStorage({ key: 'bad', data: 'fixed' });
    expect(await getStorage({ key: 'bad' })).toEqual({ data: 'fixed' });
  });
});

describe('isolation', () => {
  it('two miniapps on the same backend do not see each other; clearStorage clears only its own', async () => {
    const storage = memoryStorage();
    storage.setItem('page-own-key', 'kept');
    setupAutoEmulator({ appId: 'alpha', storage });
    await setStorage({ key: 'shared', data: 'from alpha' });
    await setStorage({ key: 'only-alpha', data: 1 });
    setupAutoEmulator({ appId: 'beta', storage });
    expect(await getStorage({ key: 'shared' })).toEqual({ data: null });
    await setStorage({ key: 'shared', data: 'from beta' });
    await expect(clearStorage()).resolves.toEqual({});
    expect(await getStorage({ key: 'shared' })).toEqual({ data: null });
    setupAutoEmulator({ appId: 'alpha', storage });
    expect(await getStorage({ key: 'shared' })).toEqual({ data: 'from alpha' });
    expect(await getStorage({ key: 'only-alpha' })).toEqual({ data: 1 });
    expect(storage.getItem('page-own-key')).toBe('kept');
  });

  it("an id that is another's prefix with a colon cannot reach the other's keys", async () => {
    const storage = memoryStorage();
    setupAutoEmulator({ appId: 'a:b', storage });
    await setStorage({ key: 'k', data: 'inner' });
    setupAutoEmulator({ appId: 'a', storage });
    await clearStorage();
    expect(await getStorage({ key: 'b:k' })).toEqual({ data: null });
    setupAutoEmulator({ appId: 'a:b', storage });
    expect(await getStorage({ key: 'k' })).toEqual({ data: 'inner' });
  });

  it('clearStorage on the default localStorage keeps the page’s own keys', async () => {
    setupAutoEmulator({ appId: 'clear-me' });
    localStorage.setItem('theme', 'dark');
    await setStorage({ key: 'a', data: 'x' });
    await setStorage({ key: 'b', data: { y: 1 } });
    await clearStorage();
    expect(await getStorage({ key: 'a' })).toEqual({ data: null });
    expect(await getStorage({ key: 'b' })).toEqual({ data: null });
    expect(localStorage.getItem('theme')).toBe('dark');
  });
});
