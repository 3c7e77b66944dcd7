/**
 * Bad input, property-based: for every API, generated calls with missing, wrong-typed, null,
 * oversized, deeply nested, cyclic and hostile values (and non-object params, non-function
 * callbacks). Each one returns a Promise without throwing synchronously and settles with a typed
 * error or the documented outcome; no call leaves an unhandled rejection; callbacks run once, never
 * synchronously; nothing pollutes Object.prototype. Four runs share the budget:
 *
 * - the wrappers over a host-like fake bridge that serialises params (strict oracle);
 * - the wrappers over the emulator (auto mode): every failure carries a code the row or the
 *   emulator's handler documents;
 * - the `my` shim (createMy) over the fake bridge;
 * - `AlipayJSBridge.call` on the emulator itself with arbitrary names, params and callback shapes.
 *
 * The total number of generated cases is printed once and must reach 1,000.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createMy, isSuperQiError, on, patchBridge, type SuperQiError } from '../../src/index.js';
import { API_NAMES, TABLE } from '../../src/table/index.js';
import type { TableRow } from '../../src/table/row.js';
import { deadlineStats } from '../../src/core/deadline.js';
import { waitingForHost } from '../../src/core/ready.js';
import { CALLABLE, wrapperOf } from '../support/apis.js';
import { setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { createFakeBridge, installFakeBridge, resetState, tick, watchUnhandled } from '../support/fake-bridge.js';
import { callArbitrary, compactReporter, ERROR_NAMES, expectedFor, HOSTILE_STRINGS, hostileValues, throwingAnswers, type Generated } from './inputs.js';

const RUNS = { fake: 650, emulator: 300, shim: 150, bridge: 150 } as const;
let cases = 0;

const rows = TABLE as unknown as Record<string, TableRow>;
const nativeOf = (api: string) => rows[api]?.native ?? api;
/** Every callable API with the generator of its calls. */
const anyCall = fc.constantFrom(...CALLABLE).chain((api) => callArbitrary(api).map((g) => ({ api, ...g })));

const unhandled = watchUnhandled();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  expect(CALLABLE.length).toBe(API_NAMES.length - 1); // every API but the synchronous canIUse
});
afterEach(() => {
  resetState();
  teardownEmulator();
});
afterAll(() => {
  unhandled.stop();
  console.log(`[reliability] bad-input property cases generated and run: ${cases}`);
});

/** Calls `fn` expecting a Promise, never a synchronous throw. */
function callSafely(fn: () => unknown): Promise<unknown> {
  let p: unknown;
  let thrown: unknown = undefined;
  let threw = false;
  try {
    p = fn();
  } catch (e) {
    threw = true;
    thrown = e;
  }
  expect(threw, `threw synchronously: ${String(thrown)}`).toBe(false);
  expect(p).toBeInstanceOf(Promise);
  return p as Promise<unknown>;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: SuperQiError };
const settle = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: error as SuperQiError }),
  );

/** A callback that records its calls (a plain function, so counterexamples print short). */
function spy(name: string) {
  const calls: unknown[][] = [];
  const fn = Object.assign((...args: unknown[]) => void calls.push(args), { calls });
  Object.defineProperty(fn, 'toString', { value: () => `[${name} callback]` });
  return fn;
}
type Spy = ReturnType<typeof spy>;

/** A copy of the generated params with recording callbacks in the slots the generator chose. */
function withSpies(g: Generated): { params: unknown; spies: Record<'success' | 'fail' | 'complete', Spy> } {
  const spies = { success: spy('success'), fail: spy('fail'), complete: spy('complete') };
  let params = g.params;
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    params = { ...(params as Record<string, unknown>) };
    for (const k of g.spies) (params as Record<string, unknown>)[k] = spies[k];
  }
  return { params, spies };
}

/** The callbacks ran after the Promise settled, once: success xor fail, then complete. */
function expectCallbacks(api: string, g: Generated, spies: Record<'success' | 'fail' | 'complete', Spy>, outcome: Outcome) {
  const given = new Set(g.spies);
  // tradePay resolves 4000/6001/6002 but hands them to `fail`, as closed-SDK pages expect (docs/wrappers.md, "Errors")
  const viaFail = !outcome.ok || (api === 'tradePay' && ['4000', '6001', '6002'].includes((outcome.value as { resultCode?: string }).resultCode ?? ''));
  const mainKey = viaFail ? 'fail' : 'success';
  const otherKey = viaFail ? 'success' : 'fail';
  const payload = outcome.ok ? outcome.value : outcome.error;
  if (given.has(mainKey)) expect(spies[mainKey].calls).toEqual([[payload]]);
  expect(spies[otherKey].calls).toEqual([]);
  if (given.has('complete')) expect(spies.complete.calls).toEqual([[payload]]);
}

const noCallYet = (spies: Record<string, Spy>) => {
  for (const k in spies) expect(spies[k]!.calls, `${k} ran synchronously`).toEqual([]);
};

/** A rejection is one of the library's typed errors, with a code. */
function expectTyped(error: unknown) {
  expect(isSuperQiError(error), `not a typed error: ${String(error)}`).toBe(true);
  expect(ERROR_NAMES).toContain((error as Error).name);
  expect(['number', 'string']).toContain(typeof (error as SuperQiError).code);
  expect((error as SuperQiError).error).toBe((error as SuperQiError).code);
  expect(typeof (error as SuperQiError).errorMessage).toBe('string');
}

describe('the wrappers over a host that serialises params like a native bridge', () => {
  it(`every API, ${RUNS.fake} generated calls: refused before the host exactly when a param is missing or mistyped`, async () => {
    const fake = installFakeBridge({ json: true, handlers: { '*': { echo: 'answered', authCode: 'granted' } } });
    await fc.assert(
      fc.asyncProperty(anyCall, async ({ api, ...g }) => {
        cases++;
        const { params, spies } = withSpies(g);
        const expected = expectedFor(api, params);
        const before = fake.calls.length;
        const p = callSafely(() => wrapperOf(api)(params));
        // nothing runs synchronously: no callback, and a refused call never reached the host
        noCallYet(spies);
        const outcome = await settle(p);
        await Promise.resolve();
        expectCallbacks(api, g, spies, outcome);
        if (expected.kind === 'invalid') {
          expect(outcome.ok).toBe(false);
          const e = (outcome as { error: SuperQiError & { param?: string } }).error;
          expect(e.name).toBe('InvalidParamsError');
          expect(e).toMatchObject({ api, code: 2, error: 2 });
          expect(expected.params).toContain(e.param);
          expect(fake.calls.length).toBe(before);
          return;
        }
        if (!expected.serialisable) {
          // a cycle or a BigInt: the bridge throws while serialising → HostError 3, asynchronously
          expect(outcome.ok).toBe(false);
          expectTyped((outcome as { error: unknown }).error);
          expect((outcome as { error: SuperQiError }).error).toMatchObject({ name: 'HostError', code: 3 });
          expect((outcome as { error: SuperQiError }).error.errorMessage).toMatch(/^host threw: /);
          expect(fake.calls.length).toBe(before); // it threw before taking the call
          return;
        }
        // sent: exactly one host call under the native name, with the very values given
        expect(fake.calls.length).toBe(before + 1);
        const sent = fake.calls[fake.calls.length - 1]!;
        expect(sent.name).toBe(nativeOf(api));
        const given = params as Record<string, unknown> | null | undefined;
        for (const k of Object.keys(given ?? {})) {
          if (k === '__proto__' || k === 'success' || k === 'fail' || k === 'complete') continue;
          expect(sent.params[k]).toBe(given![k]);
        }
        for (const k of ['success', 'fail', 'complete']) expect(sent.params).not.toHaveProperty(k);
        if (!outcome.ok) throw new Error(`${api} rejected a valid call: ${String(outcome.error)}`);
      }),
      { numRuns: RUNS.fake, reporter: compactReporter },
    );
    await tick(5);
    expect(unhandled.seen).toEqual([]);
    expect(deadlineStats().pending).toBe(0);
    expect(waitingForHost()).toBe(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('canIUse (synchronous) never throws on any input and answers a boolean', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom<unknown>(...HOSTILE_STRINGS, ...API_NAMES, undefined, null, 1, {}, [], Symbol('s'), 5n, { toString: false }, Object.create(null)), fc.anything()), (name) => {
        cases++;
        let answer: unknown;
        expect(() => (answer = (wrapperOf('canIUse') as unknown as (n: unknown) => unknown)(name))).not.toThrow();
        expect(typeof answer).toBe('boolean');
        if (typeof name === 'string' && HOSTILE_STRINGS.includes(name)) expect(answer).toBe(false);
      }),
      // objects that cannot become a property key (ToPrimitive throws) are always among the cases
      { numRuns: 100, reporter: compactReporter, examples: [[{ toString: false }], [Object.create(null)], [{ [Symbol.toPrimitive]: () => { throw new Error('no'); } }]] },
    );
  });
});

/**
 * Codes the emulator's handlers answer besides the row's documented `errors`/`cancel` codes and the
 * docs' common 2 (invalid parameter) and 3 (unknown error): each is written down in the handler's own
 * comment, where the API's page gives none (12: the download failed).
 */
const EMULATOR_CODES: Readonly<Record<string, readonly (number | string)[]>> = {
  getImageInfo: [12],
  getFileInfo: [12],
};

describe('the wrappers over the emulator (auto mode)', () => {
  it(`every API, ${RUNS.emulator} generated calls: a result, or a typed error with a documented code`, async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // no real network: relative image paths would go to the test page's origin
    const fetches = vi.fn(async () => {
      throw new TypeError('Failed to fetch (no network in this test)');
    });
    vi.stubGlobal('fetch', fetches);
    const em = setupAutoEmulator({ appId: 'property' });
    const seen: Record<string, Set<string>> = {};
    await fc.assert(
      fc.asyncProperty(anyCall, async ({ api, ...g }) => {
        cases++;
        const { params, spies } = withSpies(g);
        const expected = expectedFor(api, params);
        const before = em.calls.length;
        // a bound on every call: an emulator that hangs fails here with a TimeoutError, never the suite
        const p = callSafely(() => wrapperOf(api)(params, { timeout: 8000 }));
        noCallYet(spies);
        const outcome = await settle(p);
        await Promise.resolve();
        expectCallbacks(api, g, spies, outcome);
        if (expected.kind === 'invalid') {
          expect(outcome).toMatchObject({ ok: false, error: { name: 'InvalidParamsError', api, code: 2 } });
          expect(em.calls.length).toBe(before);
          return;
        }
        expect(em.calls.length).toBe(before + 1);
        if (outcome.ok) return;
        const e = outcome.error;
        expectTyped(e);
        expect(['HostError', 'UserCancelledError', 'UnsupportedError'], `${api}: ${e.name} ${e.message}`).toContain(e.name);
        const row = rows[api]!;
        const documented = [...Object.keys(row.errors ?? {}), ...(row.cancel ?? []), ...(EMULATOR_CODES[api] ?? []), 2, 3].map(String);
        expect(documented, `${api} answered an undocumented code: ${e.message}`).toContain(String(e.code));
        (seen[api] ??= new Set()).add(String(e.code));
      }),
      { numRuns: RUNS.emulator, reporter: compactReporter },
    );
    await tick(5);
    expect(unhandled.seen).toEqual([]);
    expect(deadlineStats().pending).toBe(0);
    // the property exercised refusals by the emulator itself, not only by the library's checks
    expect(Object.keys(seen).length).toBeGreaterThan(5);
  }, 60_000);
});

describe('the my shim over the fake bridge', () => {
  it(`my.<api>(generated) and my.call(name, generated), ${RUNS.shim} calls: Promises only, typed errors only`, async () => {
    installFakeBridge({ json: true, handlers: { '*': {} } });
    const my = createMy() as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await fc.assert(
      fc.asyncProperty(anyCall, fc.boolean(), async ({ api, ...g }, viaCall) => {
        cases++;
        const callback = vi.fn();
        const expected = expectedFor(api, g.params);
        const p = callSafely(() => (viaCall ? my['call']!(api, g.params, callback) : my[api]!(g.params)));
        const outcome = await settle(p);
        await Promise.resolve();
        if (viaCall && typeof g.params !== 'function') {
          expect(callback).toHaveBeenCalledTimes(1);
          expect(callback).toHaveBeenCalledWith(outcome.ok ? outcome.value : outcome.error);
        }
        if (expected.kind === 'invalid' && typeof g.params !== 'function') {
          expect(outcome).toMatchObject({ ok: false, error: { name: 'InvalidParamsError', code: 2 } });
        } else if (!outcome.ok) {
          expectTyped(outcome.error);
        }
      }),
      { numRuns: RUNS.shim, reporter: compactReporter },
    );
    await tick(5);
    expect(unhandled.seen).toEqual([]);
  });
});

describe('AlipayJSBridge.call on the emulator, as a page calls it directly', () => {
  const names = fc.oneof(fc.constantFrom(...API_NAMES), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 12 }));
  const rawParams = fc.oneof(
    callArbitrary('setStorage').map((g) => g.params),
    fc.anything({ maxDepth: 3 }),
    fc.constantFrom<unknown>(undefined, null, 'p', 1, [], () => 1),
  );

  it(`${RUNS.bridge} calls with arbitrary names and params: the callback gets exactly one object, asynchronously`, async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const em = setupAutoEmulator({ appId: 'raw-bridge' });
    let unknownNames = 0;
    await fc.assert(
      fc.asyncProperty(names, rawParams, async (name, params) => {
        cases++;
        const answers: unknown[] = [];
        let threw = false;
        try {
          em.bridge.call(name, params as object, (r) => answers.push(r));
        } catch {
          threw = true;
        }
        expect(threw).toBe(false);
        expect(answers).toEqual([]); // never synchronously
        for (let i = 0; i < 400 && answers.length === 0; i++) await tick(i < 50 ? 0 : 10);
        await tick(1);
        expect(answers).toHaveLength(1);
        expect(typeof answers[0]).toBe('object');
        expect(answers[0]).not.toBeNull();
        if (!Object.prototype.hasOwnProperty.call(TABLE, name) && (answers[0] as { error?: unknown }).error === 1) unknownNames++;
      }),
      { numRuns: RUNS.bridge, reporter: compactReporter },
    );
    // unknown names got error 1 and the warning naming them
    expect(unknownNames).toBeGreaterThan(0);
    expect(warn.mock.calls.some((c) => String(c[0]).includes('is not supported'))).toBe(true);
    expect(unhandled.seen).toEqual([]);
  }, 60_000);
});

// Params whose property reads throw (a getter, a Proxy trap) are refused with InvalidParamsError,
// like any other bad input: a rejection, never a synchronous throw.
describe('params that throw when read', () => {
  it('a throwing getter or Proxy trap gives a rejection (InvalidParamsError), not a synchronous throw', async () => {
    const fake = installFakeBridge();
    const hostile: unknown[] = [
      { get key(): string { throw new Error('getter'); } },
      { key: 'k', get extra(): string { throw new Error('extra getter'); } },
      new Proxy({}, { ownKeys() { throw new Error('ownKeys trap'); } }),
    ];
    for (const params of hostile) {
      await settle(callSafely(() => wrapperOf('getStorage')(params)));
      const e = await (wrapperOf('getStorage')(params) as Promise<unknown>).catch((x: unknown) => x);
      expect(e).toMatchObject({ name: 'InvalidParamsError', code: 2 });
    }
    expect(fake.calls).toEqual([]);
  });
});

// Issue 19, item 10: names and params that throw when converted or read, have no prototype, or nest
// 10,000 deep. Every entry point answers them as it answers any other bad input: a typed rejection, a
// refusal in the host's one answer, or a no-op — never a synchronous throw.
describe('hostile names and params at every entry point', () => {
  const labels = hostileValues().map(([label]) => label);
  const value = (label: string) => hostileValues().find(([l]) => l === label)![1];

  it.each(labels)('on(name, handler) with %s as name, and as handler: no throw, a no-op unsubscriber', (label) => {
    const handler = vi.fn();
    let off: unknown;
    expect(() => (off = on(value(label) as never, handler))).not.toThrow();
    expect(typeof off).toBe('function');
    expect(() => (off as () => void)()).not.toThrow();
    expect(() => (off = on('resume', value(label) as never))).not.toThrow();
    expect(() => document.dispatchEvent(new Event('resume'))).not.toThrow();
    (off as () => void)();
    expect(handler).not.toHaveBeenCalled();
  });

  it.each(labels)("call(name) and my.call(name, {}, callback) with %s as name: an InvalidParamsError naming `name`, given to the callback once", async (label) => {
    installFakeBridge();
    const expected = { name: 'InvalidParamsError', api: 'call', param: 'name' };
    await expect(callSafely(() => call(value(label) as never))).rejects.toMatchObject(expected);
    const callback = vi.fn();
    await expect(callSafely(() => createMy().call(value(label) as never, {}, callback))).rejects.toMatchObject(expected);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback.mock.calls[0]![0]).toMatchObject(expected);
  });

  it.each(labels)('a wrapper, my.<api> and my.call(api) given %s as params: a typed rejection or the answer, never a throw', async (label) => {
    const fake = installFakeBridge({ handlers: { '*': {} } });
    const my = createMy() as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const run of [() => wrapperOf('getStorage')(value(label)), () => my['getStorage']!(value(label)), () => my['call']!('getStorage', value(label))]) {
      const outcome = await settle(callSafely(run));
      if (outcome.ok) throw new Error(`getStorage resolved with ${label} as params`);
      expectTyped(outcome.error);
      expect(outcome.error.name).toBe('InvalidParamsError');
    }
    // Params that are not even read (no row): the host gets the call, or it is refused typed.
    const outcome = await settle(callSafely(() => my['call']!('someUndocumentedApi', value(label))));
    if (!outcome.ok) expectTyped(outcome.error);
    expect(fake.calls.every((c) => c.name === 'someUndocumentedApi')).toBe(true);
  });

  it.each(labels)("the emulator's AlipayJSBridge.call with %s as name or params, bare and patched by the shim: no throw, one answer object, asynchronously", async (label) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const patched of [false, true]) {
      const em = setupAutoEmulator({ appId: 'hostile' });
      if (patched) patchBridge(em.bridge);
      for (const [name, params] of [
        [value(label), {}],
        ['getSystemInfo', value(label)],
      ]) {
        const answers: unknown[] = [];
        expect(() => em.bridge.call(name as string, params as object, (r) => answers.push(r))).not.toThrow();
        expect(answers).toEqual([]);
        for (let i = 0; i < 100 && !answers.length; i++) await tick(i < 20 ? 0 : 10);
        await tick(1);
        expect(answers).toHaveLength(1);
        expect(typeof answers[0]).toBe('object');
        if (name !== 'getSystemInfo') expect(answers[0]).toMatchObject({ error: 2 });
        // Without a callback (embedded callbacks are looked for in params): no throw either.
        expect(() => em.bridge.call(name as string, params as object)).not.toThrow();
      }
      await tick(5);
    }
  });

  it.each(throwingAnswers().map(([l]) => l))("the shim's patched bridge, a host answering %s: `fail` gets it, nothing is thrown into the host", async (label) => {
    const answer = () => throwingAnswers().find(([l]) => l === label)![1];
    const fake = createFakeBridge({ answer: 'sync', handlers: { getSystemInfo: answer } });
    patchBridge(fake.bridge);
    const seen: string[] = [];
    expect(() => fake.bridge.call('getSystemInfo', { success: () => seen.push('success'), fail: () => seen.push('fail'), complete: () => seen.push('complete') } as object)).not.toThrow();
    expect(seen).toEqual(['fail', 'complete']);
  });
});

describe('the budget', () => {
  it('reached at least 1,000 generated cases', () => {
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
