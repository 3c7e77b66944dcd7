/**
 * Per-call options and library settings a careless or hostile page passes (issue 11, items 2 and 3):
 *
 * - options that are no options — an AbortController for `signal`, a Symbol/BigInt/string/boolean
 *   `timeout`, an object whose `valueOf` throws, a throwing or revoked Proxy — reject with
 *   `InvalidParamsError` naming the option; nothing throws synchronously and the host is not called;
 * - `my.call(name)` with a name whose `toString` throws rejects the same way;
 * - timeouts past the timer's range (30 days, 1e300) arm one timer that does not spin;
 * - `configure()` refuses ms settings that are no finite number ≥ 0 and caps huge ones, so
 *   `readyTimeout: 3e9` waits instead of failing at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, getSystemInfo, InvalidParamsError, isInvalidParamsError, NotInHostError, showToast } from '../../src/index.js';
import { config } from '../../src/core/config.js';
import { deadlineStats } from '../../src/core/deadline.js';
import { waitingForHost } from '../../src/core/ready.js';
import { createMy } from '../../src/shim.js';
import { installFakeBridge, rejection, resetState, tick, track } from '../support/fake-bridge.js';

afterEach(() => resetState());

/** Calls `fn` and fails the test when it throws synchronously. */
function noThrow<T>(fn: () => T): T {
  let out: T | undefined;
  expect(() => {
    out = fn();
  }).not.toThrow();
  return out as T;
}

const revoked = (() => {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
})();
const throwing = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
    has() {
      throw new Error('trap');
    },
  },
);

describe('bad per-call options reject with InvalidParamsError, never throw', () => {
  const cases: [string, unknown, string][] = [
    ['an AbortController as signal', { signal: new AbortController() }, 'signal'],
    ['a string as signal', { signal: 'abort' }, 'signal'],
    ['a Symbol timeout', { timeout: Symbol('t') }, 'timeout'],
    ['a BigInt timeout', { timeout: 10n }, 'timeout'],
    ['a string timeout', { timeout: '100' }, 'timeout'],
    ['a boolean timeout', { timeout: true }, 'timeout'],
    ['a negative timeout', { timeout: -5 }, 'timeout'],
    ['a NaN timeout', { timeout: NaN }, 'timeout'],
    ['an Infinity timeout', { timeout: Infinity }, 'timeout'],
    ['a timeout whose valueOf throws', { timeout: { valueOf: () => { throw new Error('valueOf'); } } }, 'timeout'],
    ['a throwing Proxy as options', throwing, 'options'],
    ['a revoked Proxy as options', revoked, 'options'],
  ];
  it.each(cases)('%s', async (_label, options, param) => {
    const fake = installFakeBridge();
    const p = noThrow(() => getSystemInfo({}, options as never));
    const e = await rejection(p);
    expect(e).toBeInstanceOf(InvalidParamsError);
    expect(e).toMatchObject({ api: 'getSystemInfo', code: 2, param });
    expect(fake.calls).toEqual([]);
    expect(deadlineStats().pending).toBe(0);
    expect(waitingForHost()).toBe(0);
  });

  it('a real AbortSignal and a number still work', async () => {
    installFakeBridge({ handlers: { getSystemInfo: { platform: 'Android' } } });
    await expect(getSystemInfo({}, { signal: new AbortController().signal, timeout: 500 })).resolves.toMatchObject({ platform: 'Android' });
  });

  it('my.call with a name whose toString throws rejects; it does not throw', async () => {
    const fake = installFakeBridge();
    const my = createMy();
    const name = { toString: () => { throw new Error('toString'); } };
    const p = noThrow(() => my.call(name as unknown as string));
    expect(isInvalidParamsError(await rejection(p))).toBe(true);
    expect(fake.calls).toEqual([]);
  });
});

describe('timeouts past the timer range', () => {
  it.each([30 * 864e5, 1e300])('timeout %d arms one timer that does not spin, and the call still answers', async (timeout) => {
    // A fresh copy of the library: the shared timer of the module in use may be armed for another deadline.
    vi.resetModules();
    const fresh = await import('../../src/index.js');
    const { deadlineStats: freshStats } = await import('../../src/core/deadline.js');
    const fake = installFakeBridge({ modes: { getSystemInfo: 'never' } });
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const p = track(fresh.getSystemInfo({}, { timeout }));
    await tick(60);
    const armed = spy.mock.calls.filter(([, ms]) => (ms ?? 0) > 1000);
    spy.mockRestore();
    // At most one long timer (capped at 2^31-1 ms); before the fix the timer fired every ms and re-armed.
    expect(armed.length).toBeLessThanOrEqual(1);
    for (const [, ms] of armed) expect(ms).toBeLessThanOrEqual(2147483647);
    expect(p.settled).toBe(false);
    fake.pending[0]!.reply({ platform: 'iOS' });
    await tick();
    expect(p).toMatchObject({ settled: true, ok: true });
    expect(freshStats().pending).toBe(0);
  });

  it('configure({ timeout: 30 days }) is capped to what a timer can wait', () => {
    configure({ timeout: 30 * 864e5 });
    expect(config.timeout).toBe(2147483647);
  });
});

describe('configure() validates its ms settings', () => {
  it.each(['timeout', 'timeoutGrace', 'readyTimeout'])('%s: strings, booleans, NaN, negatives, Infinity are refused and nothing changes', (key) => {
    for (const bad of ['5', true, NaN, -1, Infinity, Symbol('x'), {}]) {
      const before = { ...config };
      expect(() => configure({ [key]: bad } as never)).toThrow(InvalidParamsError);
      expect(config).toEqual(before);
    }
  });

  it("timeoutGrace: '5' no longer makes network calls wait forever (refused)", () => {
    expect(() => configure({ timeoutGrace: '5' as unknown as number })).toThrow(/timeoutGrace/);
    expect(config.timeoutGrace).toBe(2000);
  });

  it('readyTimeout: 3e9 waits (capped) instead of rejecting at once', async () => {
    configure({ readyTimeout: 3e9 });
    const p = track(showToast({ content: 'x' }));
    await tick(30);
    expect(p.settled).toBe(false);
    expect(waitingForHost()).toBe(1);
    installFakeBridge({ fireReady: true });
    await tick(10);
    expect(p).toMatchObject({ settled: true, ok: true });
  });

  it('readyTimeout: 0 still fails calls at once without a host', async () => {
    configure({ readyTimeout: 0 });
    expect(await rejection(showToast({ content: 'x' }))).toBeInstanceOf(NotInHostError);
  });
});
