/**
 * Bad input never throws synchronously: invalid params reject with InvalidParamsError (code 2, naming
 * the api and the param) before the host is called; input the checks cannot see (huge strings, cyclic
 * data) reaches the host, and its refusal or its throw becomes a HostError.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  call,
  createMy,
  getStorage,
  HostError,
  InvalidParamsError,
  navigateToMiniProgram,
  request,
  setClipboard,
  setStorage,
  showToast,
} from '../../src/index.js';
import { CALLABLE, requiredOf, requiredParams, specOf, VALID, WRONG, wrapperOf } from '../support/apis.js';
import { installFakeBridge, resetState, tick, watchUnhandled } from '../support/fake-bridge.js';

afterEach(resetState);

/** Calls without throwing synchronously; resolves what the Promise settled with. */
async function attempt(fn: () => Promise<unknown>): Promise<{ ok: boolean; value: unknown }> {
  let p!: Promise<unknown>;
  expect(() => {
    p = fn();
  }).not.toThrow();
  expect(p).toBeInstanceOf(Promise);
  return p.then(
    (value) => ({ ok: true, value }),
    (value: unknown) => ({ ok: false, value }),
  );
}

async function expectInvalid(name: string, params: unknown, param: string) {
  const fake = installFakeBridge();
  const r = await attempt(() => wrapperOf(name)(params));
  expect(r.ok).toBe(false);
  expect(r.value).toBeInstanceOf(InvalidParamsError);
  expect(r.value).toMatchObject({ name: 'InvalidParamsError', api: name, param, code: 2, error: 2 });
  expect((r.value as Error).message).toContain(`\`${param}\``);
  expect(fake.calls).toEqual([]);
}

const WITH_REQUIRED = CALLABLE.filter((n) => requiredOf(n).length > 0);

describe('missing required params', () => {
  const cases = WITH_REQUIRED.flatMap((name) => requiredOf(name).map((param) => [name, param] as const));

  it('the table has required params to test', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)('%s without %s', async (name, param) => {
    const params = requiredParams(name);
    delete params[param];
    await expectInvalid(name, params, param);
  });

  it.each(cases)('%s with %s: null', async (name, param) => {
    await expectInvalid(name, { ...requiredParams(name), [param]: null }, param);
  });

  it.each(cases)('%s with %s: undefined', async (name, param) => {
    await expectInvalid(name, { ...requiredParams(name), [param]: undefined }, param);
  });

  it.each(WITH_REQUIRED)('%s() with no params at all, and with null', async (name) => {
    await expectInvalid(name, undefined, requiredOf(name)[0]!);
    await expectInvalid(name, null, requiredOf(name)[0]!);
  });
});

describe('wrong types', () => {
  const cases = CALLABLE.flatMap((name) =>
    specOf(name).flatMap(([param, code]) =>
      WRONG[code.toLowerCase()]!.map((value, i) => [name, param, code, i, value] as const),
    ),
  );

  it.each(cases)('%s.%s (%s) wrong value #%d', async (name, param, _code, _i, value) => {
    await expectInvalid(name, { ...requiredParams(name), [param]: value }, param);
  });

  it('the message says what was expected and what came', async () => {
    installFakeBridge();
    await expect(setClipboard({ text: 5 as never })).rejects.toThrow('`text` must be string, got number');
    await expect(request({ url: 'u', headers: [] as never })).rejects.toThrow('`headers` must be object, got array');
    await expect(setStorage({ key: null as never, data: 1 })).rejects.toThrow('`key` is required');
  });

  it('NaN and Infinity are not numbers for n params', async () => {
    await expectInvalid('setScreenBrightness', { brightness: NaN }, 'brightness');
    await expectInvalid('setScreenBrightness', { brightness: Infinity }, 'brightness');
  });

  it('null for an optional param is accepted (treated as absent by the checks)', async () => {
    const fake = installFakeBridge();
    await expect(showToast({ content: null as never })).resolves.toEqual({});
    expect(fake.calls).toHaveLength(1);
  });

  it('unknown extra params pass through to the host', async () => {
    const fake = installFakeBridge();
    await showToast({ content: 'x', extra: 1 } as never);
    expect(fake.calls[0]!.params).toEqual({ content: 'x', extra: 1 });
  });

  it('each parameter is read once: the host gets the value that was checked', async () => {
    const fake = installFakeBridge();
    let reads = 0;
    const params = {
      get content() {
        reads++;
        return reads === 1 ? 'checked' : 42; // a getter that changes its answer after the check
      },
    };
    await showToast(params as never);
    expect(reads).toBe(1);
    expect(fake.calls[0]!.params).toEqual({ content: 'checked' });
  });

  it('a required parameter that only an inherited getter has is missing (it would not reach the host)', async () => {
    const fake = installFakeBridge();
    class Params {
      get key() {
        return 'k';
      }
    }
    const e = await request(new Params() as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidParamsError);
    expect(e).toMatchObject({ param: 'url' });
    const f = await getStorage(new Params() as never).catch((x: unknown) => x);
    expect(f).toMatchObject({ name: 'InvalidParamsError', param: 'key' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('params that are not an object', () => {
  it.each(CALLABLE)('%s', async (name) => {
    for (const bad of ['text', 42, true, ['a', 'b'], () => {}, Symbol('s')]) {
      await expectInvalid(name, bad, 'params');
    }
  });

  it('says what it got', async () => {
    installFakeBridge();
    await expect(getStorage('key' as never)).rejects.toThrow('`params` must be object, got string');
    await expect(getStorage([] as never)).rejects.toThrow('`params` must be object, got array');
  });
});

describe('non-function callbacks', () => {
  it.each([
    ['success', 'yes'],
    ['fail', 1],
    ['complete', {}],
    ['success', true],
    ['fail', 'no'],
    ['complete', 'done'],
  ] as const)('%s: %j → InvalidParamsError, no unhandled rejection', async (key, value) => {
    const w = watchUnhandled();
    try {
      await expectInvalid('getStorage', { key: 'k', [key]: value }, key);
      await tick(10);
      expect(w.seen).toEqual([]);
    } finally {
      w.stop();
    }
  });

  it('a valid callback next to an invalid one still hears about the failure', async () => {
    installFakeBridge();
    const complete = vi.fn();
    await getStorage({ key: 'k', success: 'x' as never, complete }).catch(() => {});
    await tick();
    expect(complete).toHaveBeenCalledTimes(1);
    expect(complete.mock.calls[0]![0]).toBeInstanceOf(InvalidParamsError);
  });
});

describe('input the checks cannot see', () => {
  const huge = 'x'.repeat(5 * 1024 * 1024);

  it('a huge string reaches the host as it is; the host refusing it is a HostError', async () => {
    const limit = 200 * 1024;
    const fake = installFakeBridge({
      handlers: {
        setStorage: (p) => (String(p['data']).length > limit ? { error: 2, errorMessage: 'too large' } : {}),
        setClipboard: (p) => (String(p['text']).length > limit ? { error: 3, errorMessage: 'too large' } : {}),
      },
    });
    const r1 = await attempt(() => setStorage({ key: 'k', data: huge }));
    expect(r1.value).toBeInstanceOf(HostError);
    expect(r1.value).toMatchObject({ code: 2, errorMessage: 'too large' });
    const r2 = await attempt(() => setClipboard({ text: huge }));
    expect(r2.value).toMatchObject({ name: 'HostError', code: 3 });
    expect((fake.calls[0]!.params['data'] as string).length).toBe(huge.length);
    // a huge key is no different
    const r3 = await attempt(() => getStorage({ key: huge }));
    expect(r3.ok).toBe(true);
  });

  it('cyclic data: the bridge throws while serialising → HostError code 3, no synchronous throw', async () => {
    const fake = installFakeBridge({ json: true });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    for (const [fn, label] of [
      [() => setStorage({ key: 'k', data: cyclic as never }), 'setStorage'],
      [() => request({ url: 'https://a.iq', data: cyclic }), 'request'],
      [() => navigateToMiniProgram({ appId: 'a', extraData: cyclic }), 'navigateToMiniProgram'],
      [() => call.unknown('custom', { deep: { cyclic } }), 'custom'],
    ] as const) {
      const r = await attempt(fn);
      expect(r.ok, label).toBe(false);
      expect(r.value, label).toBeInstanceOf(HostError);
      expect(r.value).toMatchObject({ api: label, code: 3 });
      expect((r.value as HostError).errorMessage).toMatch(/^host threw: .*circular/i);
    }
    expect(fake.calls).toEqual([]);
  });

  it('BigInt data: likewise a HostError', async () => {
    installFakeBridge({ json: true });
    const r = await attempt(() => setStorage({ key: 'k', data: { n: 10n } as never }));
    expect(r.value).toMatchObject({ name: 'HostError', code: 3 });
  });

  it('a params object with a null prototype is fine', async () => {
    const fake = installFakeBridge();
    const p = Object.assign(Object.create(null) as object, { key: 'k' });
    await expect(getStorage(p as never)).resolves.toEqual({});
    expect(fake.calls[0]!.params).toEqual({ key: 'k' });
  });

  it('every valid type code value is accepted', () => {
    expect(Object.keys(VALID).sort()).toEqual(['a', 'b', 'n', 'o', 's', 'x']);
  });
});

describe('call() and my.call() with bad names', () => {
  it.each(['', undefined, null, 42, {}])('call(%j) rejects with InvalidParamsError naming name', async (name) => {
    const fake = installFakeBridge();
    const r = await attempt(() => call(name as never));
    expect(r.value).toBeInstanceOf(InvalidParamsError);
    expect(r.value).toMatchObject({ api: 'call', param: 'name', code: 2 });
    expect(fake.calls).toEqual([]);
  });

  it('my.call with a bad name rejects the same way and tells its callback', async () => {
    installFakeBridge();
    const cb = vi.fn();
    const r = await attempt(() => createMy().call('', {}, cb));
    expect(r.value).toBeInstanceOf(InvalidParamsError);
    await tick();
    expect(cb).toHaveBeenCalledWith(r.value);
  });

  it('call() with non-object params is refused', async () => {
    const fake = installFakeBridge();
    const r = await attempt(() => call.unknown('custom', 'params' as never));
    expect(r.value).toMatchObject({ name: 'InvalidParamsError', param: 'params' });
    expect(fake.calls).toEqual([]);
  });

  it.each(['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'call(%j) reaches the host under that very name',
    async (name) => {
      const fake = installFakeBridge({ handlers: { '*': { error: 1 } } });
      const r = await attempt(() => call.unknown(name));
      expect(r.value).toMatchObject({ name: 'UnsupportedError', api: name });
      expect(fake.calls.map((c) => c.name)).toEqual([name]);
    },
  );
});
