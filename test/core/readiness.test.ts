/**
 * Readiness: the host injects AlipayJSBridge late. Calls made before it exists wait in one queue and go
 * out in order when it appears; without it they fail with NotInHostError after readyTimeout, and
 * nothing (queue entry, listener, timer) is left behind.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  alert,
  AbortedError,
  configure,
  getNetworkType,
  getStorage,
  getSystemInfo,
  NotInHostError,
  ready,
  setStorage,
  showToast,
  TimeoutError,
} from '../../src/index.js';
import { waitingForHost } from '../../src/core/ready.js';
import { deadlineStats } from '../../src/core/deadline.js';
import { installFakeBridge, resetState, tick, track } from '../support/fake-bridge.js';

const READY = 'AlipayJSBridgeReady';

/** Counts the library's listeners for the ready event on document. */
function readyListeners() {
  const added = new Set<unknown>();
  const removed = new Set<unknown>();
  const add = document.addEventListener.bind(document);
  const remove = document.removeEventListener.bind(document);
  vi.spyOn(document, 'addEventListener').mockImplementation((type, fn, opts) => {
    if (type === READY) added.add(fn);
    add(type, fn, opts);
  });
  vi.spyOn(document, 'removeEventListener').mockImplementation((type, fn, opts) => {
    if (type === READY) removed.add(fn);
    remove(type, fn, opts);
  });
  return { added, removed, live: () => [...added].filter((f) => !removed.has(f)).length };
}

beforeEach(() => {
  expect(waitingForHost()).toBe(0);
});
afterEach(() => {
  expect(waitingForHost()).toBe(0);
  resetState();
});

describe('calls before the bridge exists', () => {
  it('queue, and go out in order once the bridge is injected and AlipayJSBridgeReady fires', async () => {
    const listeners = readyListeners();
    const a = track(setStorage({ key: 'a', data: 1 }));
    const b = track(getStorage({ key: 'a' }));
    const c = track(showToast({ content: 'c' }));
    expect(waitingForHost()).toBe(3);
    expect(listeners.added.size).toBe(1); // one listener serves the queue
    await tick(5);
    expect(a.settled || b.settled || c.settled).toBe(false);

    const fake = installFakeBridge({ handlers: { getStorage: { data: 1 } } });
    expect(fake.calls).toEqual([]); // not before the event
    fake.fireReady();
    expect(fake.calls.map((x) => x.name)).toEqual(['setStorage', 'getStorage', 'showToast']);
    expect(fake.calls.map((x) => x.params)).toEqual([{ key: 'a', data: 1 }, { key: 'a' }, { content: 'c' }]);
    expect(waitingForHost()).toBe(0);
    expect(listeners.live()).toBe(0);

    await tick(5);
    expect(a).toMatchObject({ settled: true, ok: true });
    expect(b).toMatchObject({ settled: true, ok: true, value: { data: 1 } });
    expect(c).toMatchObject({ settled: true, ok: true });
  });

  it('calls made after the bridge appeared go out at once, behind the queued ones', async () => {
    const first = showToast({ content: '1' });
    const fake = installFakeBridge({ fireReady: true });
    const second = showToast({ content: '2' });
    expect(fake.calls.map((c) => c.params['content'])).toEqual(['1', '2']);
    await Promise.all([first, second]);
  });

  it('ready() resolves once the bridge appears, and at once when it is there', async () => {
    const r = track(ready());
    await tick();
    expect(r.settled).toBe(false);
    installFakeBridge({ fireReady: true });
    await tick();
    expect(r).toMatchObject({ settled: true, ok: true });
    await expect(ready()).resolves.toBeUndefined();
  });

  it('a bridge injected without the event is found when readyTimeout runs out', async () => {
    vi.useFakeTimers();
    configure({ readyTimeout: 200 });
    const p = track(getSystemInfo());
    const fake = installFakeBridge(); // no AlipayJSBridgeReady
    await vi.advanceTimersByTimeAsync(199);
    expect(fake.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.calls.map((c) => c.name)).toEqual(['getSystemInfo']);
    await vi.advanceTimersByTimeAsync(1);
    expect(p).toMatchObject({ settled: true, ok: true });
  });

  it('a foreign my counts as a host as well', async () => {
    const getStorageFn = vi.fn((o: { success(r: unknown): void }) => o.success({ data: 'm' }));
    (window as unknown as { my: unknown }).my = { getStorage: getStorageFn };
    await expect(getStorage({ key: 'k' })).resolves.toEqual({ data: 'm' });
    expect(getStorageFn).toHaveBeenCalledTimes(1);
  });
});

// Issue 19, item 13: an AlipayJSBridgeReady fired before the bridge exists (a page's own, a spurious
// one) released the queue: every waiting call failed with "no AlipayJSBridge" (error 1), ready()
// resolved, and the shared deadline timer stayed armed for calls that no longer waited.
describe('a spurious AlipayJSBridgeReady before the bridge', () => {
  it('queued calls and ready() keep waiting; the real bridge and its event send them', async () => {
    const listeners = readyListeners();
    const a = track(getNetworkType());
    const b = track(alert({ content: 'b' }));
    const r = track(ready());
    document.dispatchEvent(new Event(READY));
    await tick(5);
    expect(a.settled || b.settled || r.settled).toBe(false);
    expect(waitingForHost()).toBe(3);
    expect(listeners.live()).toBe(1);
    const fake = installFakeBridge({ handlers: { getNetworkType: { networkType: 'WIFI', networkAvailable: true } } });
    fake.fireReady();
    expect(fake.calls.map((c) => c.name)).toEqual(['getNetworkType', 'alert']);
    await tick(5);
    expect(a).toMatchObject({ settled: true, ok: true, value: { networkType: 'WIFI' } });
    expect(b).toMatchObject({ settled: true, ok: true });
    expect(r).toMatchObject({ settled: true, ok: true });
    expect(listeners.live()).toBe(0);
  });

  it('with no bridge ever: NotInHostError after readyTimeout, then no timer and no listener left (a timed call too)', async () => {
    vi.useFakeTimers();
    const listeners = readyListeners();
    configure({ readyTimeout: 500 });
    const timed = track(getNetworkType()); // a default 20 s timeout: the shared deadline timer is armed
    const ui = track(alert({ content: 'x' }));
    document.dispatchEvent(new Event(READY));
    await vi.advanceTimersByTimeAsync(499);
    expect(timed.settled || ui.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(timed.error).toBeInstanceOf(NotInHostError);
    expect(ui.error).toBeInstanceOf(NotInHostError);
    expect(waitingForHost()).toBe(0);
    expect(deadlineStats()).toEqual({ pending: 0, timerArmed: false });
    expect(vi.getTimerCount()).toBe(0);
    expect(listeners.live()).toBe(0);
  });
});

describe('no bridge', () => {
  it('calls reject with NotInHostError after readyTimeout, and leave nothing behind', async () => {
    vi.useFakeTimers();
    const listeners = readyListeners();
    configure({ readyTimeout: 500 });
    const fail = vi.fn();
    const p1 = track(alert({ content: 'x', fail })); // a UI API: no call timeout, only the ready timer
    const p2 = track(ready());
    expect(waitingForHost()).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(p1.settled || p2.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(p1).toMatchObject({ settled: true, ok: false });
    expect(p1.error).toBeInstanceOf(NotInHostError);
    expect(p1.error).toMatchObject({ api: 'alert', code: 'NOT_IN_HOST' });
    expect((p1.error as Error).message).toContain('500 ms');
    expect(p2.error).toBeInstanceOf(NotInHostError);
    expect(p2.error).toMatchObject({ api: 'ready' });
    expect(fail).toHaveBeenCalledTimes(1);
    expect(waitingForHost()).toBe(0);
    expect(listeners.live()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    // the bridge appearing later changes nothing for the failed calls
    const fake = installFakeBridge({ fireReady: true });
    await vi.advanceTimersByTimeAsync(10);
    expect(fake.calls).toEqual([]);
  });

  it('readyTimeout is read when the wait starts', async () => {
    vi.useFakeTimers();
    configure({ readyTimeout: 50 });
    const p = track(alert());
    configure({ readyTimeout: 5000 });
    await vi.advanceTimersByTimeAsync(50);
    expect(p.error).toBeInstanceOf(NotInHostError);
  });

  it('a new wait starts after a failed one', async () => {
    vi.useFakeTimers();
    configure({ readyTimeout: 20 });
    const p1 = track(alert());
    await vi.advanceTimersByTimeAsync(20);
    expect(p1.error).toBeInstanceOf(NotInHostError);
    const p2 = track(alert());
    expect(waitingForHost()).toBe(1);
    const fake = installFakeBridge({ fireReady: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.calls).toHaveLength(1);
    expect(p2).toMatchObject({ settled: true, ok: true });
  });

  it('a queued call that is aborted leaves the queue; the last one stops listener and timer', async () => {
    vi.useFakeTimers();
    const listeners = readyListeners();
    const ac1 = new AbortController();
    const ac2 = new AbortController();
    const p1 = track(alert({}, { signal: ac1.signal }));
    const p2 = track(alert({}, { signal: ac2.signal }));
    expect(waitingForHost()).toBe(2);
    ac1.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(p1.error).toBeInstanceOf(AbortedError);
    expect(waitingForHost()).toBe(1);
    expect(listeners.live()).toBe(1);
    ac2.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(p2.error).toBeInstanceOf(AbortedError);
    expect(waitingForHost()).toBe(0);
    expect(listeners.live()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    const fake = installFakeBridge({ fireReady: true });
    expect(fake.calls).toEqual([]);
  });

  it('a queued call that times out leaves the queue and never reaches the host', async () => {
    vi.useFakeTimers();
    configure({ readyTimeout: 1000 });
    const p = track(getSystemInfo({}, { timeout: 100 }));
    await vi.advanceTimersByTimeAsync(100);
    expect(p.error).toBeInstanceOf(TimeoutError);
    expect(waitingForHost()).toBe(0);
    expect(deadlineStats().pending).toBe(0);
    const fake = installFakeBridge({ fireReady: true });
    expect(fake.calls).toEqual([]);
  });
});
