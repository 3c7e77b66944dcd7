/**
 * Host faults, for every API — what test/core/host-faults, callbacks, timeout-abort and readiness show
 * for a few APIs, here table-driven over all of them:
 *
 * - never answers: the default timeout (none for UI APIs) rejects with TimeoutError and frees the
 *   deadline and the abort listener; a UI call without a timeout is freed by its signal;
 * - answers twice (success then failure, failure then success, through the bridge and through a
 *   foreign `my`): settles once, with the first answer, callbacks once;
 * - answers a non-object: HostError 3 with the value kept;
 * - becomes ready late: hundreds of calls queued before the emulator installs go out in call order;
 * - never becomes ready: every API rejects with NotInHostError, and nothing is left waiting.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, HostError, NotInHostError, TimeoutError, AbortedError, type SuperQiError } from '../../src/index.js';
import { deadlineStats } from '../../src/core/deadline.js';
import { config } from '../../src/core/config.js';
import { waitingForHost } from '../../src/core/ready.js';
import { install, uninstall } from '../../src/emulator/index.js';
import { CALLABLE, requiredParams, rowOf, wrapperOf } from '../support/apis.js';
import { installFakeBridge, resetState, tick, track } from '../support/fake-bridge.js';

afterEach(() => {
  uninstall();
  resetState();
  localStorage.clear();
});

/** Callbacks that count their calls. */
function counters() {
  const log: string[] = [];
  return {
    log,
    cbs: {
      success: () => void log.push('success'),
      fail: () => void log.push('fail'),
      complete: () => void log.push('complete'),
    },
  };
}

/** What the library waits for by default: nothing for UI APIs, host timeout + grace for network ones. */
const defaultTimeout = (name: string): number => {
  const row = rowOf(name);
  return row.ui === true ? 0 : row.hostTimeout ? row.hostTimeout + config.timeoutGrace : config.timeout;
};

describe('a host that never answers', () => {
  it.each(CALLABLE.filter((n) => rowOf(n).ui !== true))('%s: TimeoutError at its default timeout; deadline and listener freed; a late answer is ignored', async (name) => {
    vi.useFakeTimers();
    const fake = installFakeBridge({ modes: { '*': 'never' } });
    const signal = new AbortController().signal;
    const add = vi.spyOn(signal, 'addEventListener');
    const remove = vi.spyOn(signal, 'removeEventListener');
    const c = counters();
    const p = track(wrapperOf(name)({ ...requiredParams(name), ...c.cbs }, { signal }));
    const ms = defaultTimeout(name);
    expect(deadlineStats().pending).toBe(1);
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(p.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.error).toBeInstanceOf(TimeoutError);
    expect(p.error).toMatchObject({ api: name, code: 'TIMEOUT', timeout: ms });
    expect(deadlineStats().pending).toBe(0);
    expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0]![1]);
    fake.pending[0]!.reply({ late: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(c.log).toEqual(['fail', 'complete']);
    // the shared timer stops by itself once nothing is pending
    await vi.advanceTimersByTimeAsync(ms + 1);
    expect(deadlineStats()).toEqual({ pending: 0, timerArmed: false });
  });

  it.each(CALLABLE.filter((n) => rowOf(n).ui === true))('%s (waits for the user): no timeout; its signal frees it', async (name) => {
    vi.useFakeTimers();
    installFakeBridge({ modes: { '*': 'never' } });
    const ac = new AbortController();
    const p = track(wrapperOf(name)(requiredParams(name), { signal: ac.signal }));
    expect(deadlineStats().pending).toBe(0);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(p.settled).toBe(false);
    ac.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.error).toBeInstanceOf(AbortedError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a host that answers twice', () => {
  it.each(CALLABLE)('%s: success then failure → the success, callbacks once', async (name) => {
    installFakeBridge({ modes: { '*': 'twice' }, handlers: { '*': { first: true, authCode: 'granted' } }, second: { error: 3, errorMessage: 'second' } });
    const c = counters();
    const value = await wrapperOf(name)({ ...requiredParams(name), ...c.cbs });
    expect(value).toMatchObject({ first: true });
    await tick(5);
    expect(c.log).toEqual(['success', 'complete']);
  });

  it.each(CALLABLE)('%s: failure then success → the failure, callbacks once', async (name) => {
    installFakeBridge({ modes: { '*': 'twice' }, handlers: { '*': { error: 13, errorMessage: 'first' } }, second: { ok: true } });
    const c = counters();
    const e = (await wrapperOf(name)({ ...requiredParams(name), ...c.cbs }).catch((x: unknown) => x)) as SuperQiError;
    expect(e).toMatchObject({ api: name, code: 13, errorMessage: 'first' });
    await tick(5);
    expect(c.log).toEqual(['fail', 'complete']);
  });

  it.each(CALLABLE.filter((n) => rowOf(n).surface !== 'bridge'))('%s through a foreign my that calls success, then fail, then success', async (name) => {
    const my: Record<string, unknown> = {};
    my[name] = (o: { success(r: unknown): void; fail(r: unknown): void }) => {
      setTimeout(() => {
        o.success({ first: true, authCode: 'granted' });
        o.fail({ error: 3 });
        o.success({ third: true });
      }, 0);
    };
    (window as unknown as { my: unknown }).my = my;
    const c = counters();
    await expect(wrapperOf(name)({ ...requiredParams(name), ...c.cbs })).resolves.toMatchObject({ first: true });
    await tick(5);
    expect(c.log).toEqual(['success', 'complete']);
  });
});

describe('a host that answers a non-object', () => {
  it.each(CALLABLE)('%s: 42, "ok" and true each give HostError 3 with the value in raw', async (name) => {
    for (const value of [42, 'ok', true]) {
      installFakeBridge({ handlers: { '*': () => value } });
      const e = (await wrapperOf(name)(requiredParams(name)).catch((x: unknown) => x)) as HostError;
      expect(e).toBeInstanceOf(HostError);
      expect(e).toMatchObject({ api: name, code: 3, errorMessage: `host answered a ${typeof value}` });
      expect(e.raw).toEqual({ value });
      resetState();
    }
  });
});

describe('a host that becomes ready late', () => {
  it('300 calls made before the emulator installs go out in call order, each with its own answer', async () => {
    const made: string[] = [];
    const results: Promise<unknown>[] = [];
    const set = wrapperOf('setStorage');
    const get = wrapperOf('getStorage');
    const others = ['getSystemInfo', 'getNetworkType', 'getDeviceInfo', 'showToast', 'hideToast', 'vibrate'];
    for (let i = 0; i < 100; i++) {
      // write, read back, overwrite: only the call order gives each read the value written just before it
      results.push(set({ key: `k${i % 7}`, data: { i } }));
      made.push('setStorage');
      results.push(get({ key: `k${i % 7}` }));
      made.push('getStorage');
      const other = others[i % others.length]!;
      results.push(wrapperOf(other)(requiredParams(other)));
      made.push(other);
    }
    expect(waitingForHost()).toBe(made.length);
    await tick(20);
    const em = install({ ui: 'auto', appId: 'late-host' });
    const settled = await Promise.all(results);
    expect(em.calls.map((c) => c.api)).toEqual(made);
    for (let i = 0; i < 100; i++) expect(settled[i * 3 + 1]).toEqual({ data: { i } });
    expect(waitingForHost()).toBe(0);
  });
});

describe('a host that never becomes ready', () => {
  it('every API, called at once: NotInHostError after readyTimeout; no queue, listener or timer left', async () => {
    vi.useFakeTimers();
    configure({ readyTimeout: 1500 });
    const fails: string[] = [];
    const ps = CALLABLE.map((name) => track(wrapperOf(name)({ ...requiredParams(name), fail: () => fails.push(name) })));
    expect(waitingForHost()).toBe(CALLABLE.length);
    await vi.advanceTimersByTimeAsync(1499);
    expect(ps.some((p) => p.settled)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    ps.forEach((p, i) => {
      expect(p.error).toBeInstanceOf(NotInHostError);
      expect(p.error).toMatchObject({ api: CALLABLE[i], code: 'NOT_IN_HOST' });
      expect((p.error as Error).message).toContain('1500 ms');
    });
    expect(fails.sort()).toEqual([...CALLABLE].sort());
    expect(waitingForHost()).toBe(0);
    expect(deadlineStats().pending).toBe(0);
    // non-UI calls armed the shared deadline timer; it runs out by itself
    await vi.advanceTimersByTimeAsync(70_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
