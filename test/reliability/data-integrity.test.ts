/**
 * Data integrity through the whole stack (wrappers → emulator → storage backend), happy-dom side; the
 * real-browser half (quota, corruption, reload) is test/browser/data.test.ts.
 *
 * - any JSON value stored with setStorage comes back from getStorage as JSON would carry it (property);
 * - prototype-named keys, hostile strings, lone surrogates and deep nesting survive;
 * - a value that reaches the emulator twice in one params object (shared, not cyclic) — see the
 *   KNOWN BUG test below.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getStorage, setStorage } from '../../src/index.js';
import { setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { compactReporter, HOSTILE_STRINGS, nested } from './inputs.js';

afterEach(teardownEmulator);

const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('storage round-trips', () => {
  it('any JSON value (objects, arrays, strings; 150 generated) comes back as JSON carries it', async () => {
    setupAutoEmulator({ appId: 'round-trip' });
    let runs = 0;
    const data = fc.oneof(
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS)), fc.jsonValue({ maxDepth: 4 }), { minKeys: 1, maxKeys: 6 }),
      fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 6 }),
      fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom(...HOSTILE_STRINGS.filter(Boolean)), fc.string({ unit: 'binary', minLength: 1 })),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom(...HOSTILE_STRINGS.filter(Boolean))), data, async (key, value) => {
        runs++;
        await setStorage({ key, data: value as never });
        const { data: back } = await getStorage({ key });
        expect(back).toEqual(asJson(value));
      }),
      { numRuns: 150, reporter: compactReporter },
    );
    expect(runs).toBe(150);
  });

  it('own __proto__ / constructor keys, lone surrogates and 2,000-deep nesting survive exactly', async () => {
    setupAutoEmulator({ appId: 'round-trip' });
    const tricky = JSON.parse('{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}},"toString":"s"}') as Record<string, unknown>;
    await setStorage({ key: 'proto', data: tricky as never });
    const back = (await getStorage({ key: 'proto' })).data as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(back, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyNames(back).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(JSON.stringify(back)).toBe(JSON.stringify(tricky));
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();

    const surrogates = '\uD800 a \uDFFF b \uD83D';
    await setStorage({ key: 'surrogates', data: surrogates });
    expect((await getStorage({ key: 'surrogates' })).data).toBe(surrogates);

    const deep = nested(2000, 'object');
    await setStorage({ key: 'deep', data: deep as never });
    expect((await getStorage({ key: 'deep' })).data).toEqual(deep);
  });

  // A native bridge serialises with JSON, which keeps a shared object twice; only cycles are dropped.
  it('a value referenced twice (not a cycle) is stored twice', async () => {
    setupAutoEmulator({ appId: 'round-trip' });
    const shared = { n: 1 };
    await setStorage({ key: 'dag', data: { a: shared, b: shared } });
    expect((await getStorage({ key: 'dag' })).data).toEqual({ a: { n: 1 }, b: { n: 1 } });
  });
});
