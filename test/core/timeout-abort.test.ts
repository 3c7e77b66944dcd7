/**
 * Timeouts and aborts: a host that never answers gives TimeoutError (per call, global, per-API
 * defaults); an AbortSignal or RequestTask.abort() gives AbortedError; everything a call registered
 * (deadline, abort listener) is released when it settles.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  call,
  configure,
  downloadFile,
  getStorage,
  getSystemInfo,
  httpRequest,
  isTimeoutError,
  request,
  saveImage,
  showToast,
  TimeoutError,
  uploadFile,
} from '../../src/index.js';
import { deadlineStats } from '../../src/core/deadline.js';
import { CALLABLE, requiredParams, rowOf, wrapperOf } from '../support/apis.js';
import { installFakeBridge, resetState, tick, track } from '../support/fake-bridge.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  expect(deadlineStats().pending).toBe(0);
  resetState();
});

const silentHost = () => installFakeBridge({ modes: { '*': 'never' } });

/** Advances fake time and reports whether `p` settled. */
async function after(ms: number, p: { settled: boolean }): Promise<boolean> {
  await vi.advanceTimersByTimeAsync(ms);
  return p.settled;
}

describe('timeouts', () => {
  it('a never-answering host: TimeoutError after the default 20000 ms', async () => {
    silentHost();
    const fail = vi.fn();
    const p = track(getSystemInfo({ fail }));
    // Registered at the call, unstamped: the shared timer's next run starts its 20 s.
    expect(deadlineStats()).toEqual({ pending: 1, timerArmed: true });
    expect(await after(19999, p)).toBe(false);
    expect(await after(1, p)).toBe(true);
    expect(p.error).toBeInstanceOf(TimeoutError);
    expect(p.error).toMatchObject({ api: 'getSystemInfo', code: 'TIMEOUT', timeout: 20000 });
    expect(isTimeoutError(p.error)).toBe(true);
    expect(fail).toHaveBeenCalledWith(p.error);
    expect(deadlineStats().pending).toBe(0);
  });

  it('per-call { timeout }', async () => {
    silentHost();
    const p = track(getStorage({ key: 'k' }, { timeout: 30 }));
    expect(await after(29, p)).toBe(false);
    expect(await after(1, p)).toBe(true);
    expect(p.error).toMatchObject({ name: 'TimeoutError', timeout: 30 });
  });

  it('global configure({ timeout })', async () => {
    silentHost();
    configure({ timeout: 100 });
    const p = track(showToast({ content: 'x' }));
    expect(await after(99, p)).toBe(false);
    expect(await after(1, p)).toBe(true);
    expect(p.error).toMatchObject({ name: 'TimeoutError', timeout: 100 });
  });

  it('per-call timeout beats the global one, both ways', async () => {
    silentHost();
    configure({ timeout: 100 });
    const shorter = track(showToast({}, { timeout: 10 }));
    const longer = track(showToast({}, { timeout: 500 }));
    await vi.advanceTimersByTimeAsync(10);
    expect(shorter.error).toBeInstanceOf(TimeoutError);
    expect(await after(400, longer)).toBe(false);
    expect(await after(90, longer)).toBe(true);
    expect(longer.error).toMatchObject({ timeout: 500 });
  });

  it('configure({ timeout: 0 }) and { timeout: 0 } wait forever', async () => {
    const fake = silentHost();
    configure({ timeout: 0 });
    const a = track(getSystemInfo());
    configure({ timeout: 50 });
    const b = track(getSystemInfo({}, { timeout: 0 }));
    expect(deadlineStats().pending).toBe(0);
    expect(await after(10 * 60 * 1000, a)).toBe(false);
    expect(b.settled).toBe(false);
    for (const c of fake.pending) c.reply({ ok: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(a).toMatchObject({ settled: true, ok: true });
    expect(b).toMatchObject({ settled: true, ok: true });
  });

  it('answers that arrive in time resolve and release their deadline', async () => {
    const fake = silentHost();
    const p = track(getStorage({ key: 'k' }, { timeout: 100 }));
    await vi.advanceTimersByTimeAsync(99);
    fake.pending[0]!.reply({ data: 'late but in time' });
    await vi.advanceTimersByTimeAsync(0);
    expect(p).toMatchObject({ ok: true, value: { data: 'late but in time' } });
    expect(deadlineStats().pending).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.ok).toBe(true);
  });

  it('an answer after the timeout is ignored; callbacks ran once', async () => {
    const fake = silentHost();
    const fail = vi.fn();
    const success = vi.fn();
    const complete = vi.fn();
    const p = track(getStorage({ key: 'k', success, fail, complete }, { timeout: 5 }));
    await vi.advanceTimersByTimeAsync(5);
    fake.pending[0]!.reply({ data: 1 });
    await vi.advanceTimersByTimeAsync(5);
    expect(p.error).toBeInstanceOf(TimeoutError);
    expect(success).not.toHaveBeenCalled();
    expect(fail).toHaveBeenCalledTimes(1);
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it('many calls with different timeouts each expire on time', async () => {
    silentHost();
    const ps = [300, 100, 200, 100].map((t) => [t, track(getStorage({ key: String(t) }, { timeout: t }))] as const);
    const expiredAt: Record<number, number> = {};
    for (let now = 1; now <= 300; now++) {
      await vi.advanceTimersByTimeAsync(1);
      ps.forEach(([, p], i) => {
        if (p.settled && expiredAt[i] === undefined) expiredAt[i] = now;
      });
    }
    expect(ps.map((_, i) => expiredAt[i])).toEqual([300, 100, 200, 100]);
    expect(deadlineStats()).toEqual({ pending: 0, timerArmed: false });
  });

  it('the single deadline timer stops by itself once nothing is pending', async () => {
    installFakeBridge();
    await Promise.all([getStorage({ key: 'a' }), vi.advanceTimersByTimeAsync(1)]);
    expect(deadlineStats().pending).toBe(0);
    expect(deadlineStats().timerArmed).toBe(true);
    await vi.advanceTimersByTimeAsync(20000);
    expect(deadlineStats()).toEqual({ pending: 0, timerArmed: false });
  });

  it('the deadline counts from the call, or later, never earlier: a long task delays it', async () => {
    silentHost();
    const p = track(getStorage({ key: 'k' }, { timeout: 100 }));
    vi.setSystemTime(Date.now() + 5000); // the page's code keeps the thread 5 s after the call
    expect(await after(99, p)).toBe(false);
    expect(await after(1, p)).toBe(true);
    expect(p.error).toMatchObject({ name: 'TimeoutError', timeout: 100 });
  });

  // A test suite that swaps fake timers in or out drops the shared timer without running it: later
  // calls must not wait for it (each of these fails when the library believes the dropped timer will run).
  it('fake timers swapped out with the timer pending: later calls still time out (real timers)', async () => {
    silentHost();
    const early = track(getStorage({ key: 'a' }, { timeout: 40 })); // its timer is a fake one, never run
    vi.useRealTimers();
    const late = track(getStorage({ key: 'b' }, { timeout: 20 }));
    await tick(120);
    expect(late.error).toMatchObject({ name: 'TimeoutError', timeout: 20 });
    expect(early.error).toMatchObject({ name: 'TimeoutError', timeout: 40 });
  });

  it('fake timers swapped in with a real timer pending: later calls time out on fake time', async () => {
    vi.useRealTimers();
    silentHost();
    const early = track(getStorage({ key: 'a' }, { timeout: 30 })); // its timer is a real one
    vi.useFakeTimers();
    const late = track(getStorage({ key: 'b' }, { timeout: 100 }));
    expect(await after(100, late)).toBe(true);
    expect(late.error).toMatchObject({ name: 'TimeoutError', timeout: 100 });
    expect(early.error).toMatchObject({ name: 'TimeoutError', timeout: 30 });
    vi.useRealTimers();
    await tick(60); // the real timer runs too, and finds nothing left to do
    expect(deadlineStats()).toEqual({ pending: 0, timerArmed: false });
  });

  describe.each(CALLABLE.filter((n) => rowOf(n).ui === true))('UI API %s', (name) => {
    it('has no default timeout, but honours a per-call one', async () => {
      const fake = silentHost();
      configure({ timeout: 10 });
      const p = track(wrapperOf(name)(requiredParams(name)));
      expect(deadlineStats().pending).toBe(0);
      expect(await after(60 * 60 * 1000, p)).toBe(false);
      const q = track(wrapperOf(name)(requiredParams(name), { timeout: 10 }));
      expect(await after(10, q)).toBe(true);
      expect(q.error).toBeInstanceOf(TimeoutError);
      fake.pending[0]!.reply({ resultCode: '9000', authCode: 'granted' }); // the user finally answers the first one
      await vi.advanceTimersByTimeAsync(0);
      expect(p).toMatchObject({ settled: true, ok: true });
    });
  });

  it('UI rows are the ones that wait for the user', () => {
    const ui = CALLABLE.filter((n) => rowOf(n).ui === true);
    expect(ui).toEqual(expect.arrayContaining(['getAuthCode', 'tradePay', 'alert', 'confirm', 'datePicker', 'scan', 'chooseImage', 'makePhoneCall']));
    expect(ui).not.toContain('getSystemInfo');
    expect(ui).not.toContain('request');
    expect(rowOf('saveImage').ui).toBe('showActionSheet');
  });

  it('saveImage waits for the user only with showActionSheet: true', async () => {
    silentHost();
    const menu = track(saveImage({ url: 'https://a.iq/p.png', showActionSheet: true }));
    const plain = track(saveImage({ url: 'https://a.iq/p.png' }));
    const off = track(saveImage({ url: 'https://a.iq/p.png', showActionSheet: false }));
    expect(await after(20000, plain)).toBe(true);
    expect(plain.error).toMatchObject({ name: 'TimeoutError', timeout: 20000 });
    expect(off.error).toBeInstanceOf(TimeoutError);
    expect(await after(60 * 60 * 1000, menu)).toBe(false);
    const timed = track(saveImage({ url: 'https://a.iq/p.png', showActionSheet: true }, { timeout: 10 }));
    expect(await after(10, timed)).toBe(true);
    expect(timed.error).toBeInstanceOf(TimeoutError);
  });

  describe('network APIs wait for the host timeout plus timeoutGrace', () => {
    it.each([
      ['request', request, 32000],
      ['httpRequest', httpRequest, 32000],
    ] as const)('%s: 30000 + 2000 by default', async (_, fn, expected) => {
      silentHost();
      configure({ timeout: 10 }); // the global default does not apply
      const p = track(fn({ url: 'https://a.iq' }));
      expect(await after(expected - 1, p)).toBe(false);
      expect(await after(1, p)).toBe(true);
      expect(p.error).toMatchObject({ name: 'TimeoutError', timeout: expected });
    });

    it('downloadFile: 60000 (the emulator\'s and hosts\' download limit) + 2000', async () => {
      silentHost();
      configure({ timeout: 10 });
      const p = track(downloadFile({ url: 'https://a.iq/big.zip' }));
      expect(await after(61999, p)).toBe(false);
      expect(await after(1, p)).toBe(true);
      expect(p.error).toMatchObject({ name: 'TimeoutError', timeout: 62000 });
    });

    it('request: params.timeout + grace', async () => {
      silentHost();
      const p = track(request({ url: 'https://a.iq', timeout: 5000 }));
      expect(await after(6999, p)).toBe(false);
      expect(await after(1, p)).toBe(true);
      expect(p.error).toMatchObject({ timeout: 7000 });
    });

    it('request: configure({ timeoutGrace })', async () => {
      silentHost();
      configure({ timeoutGrace: 10 });
      const p = track(request({ url: 'https://a.iq', timeout: 100 }));
      expect(await after(109, p)).toBe(false);
      expect(await after(1, p)).toBe(true);
      expect(p.error).toMatchObject({ timeout: 110 });
    });

    it('request: a per-call option wins over params.timeout', async () => {
      silentHost();
      const p = track(request({ url: 'https://a.iq', timeout: 100000 }, { timeout: 50 }));
      expect(await after(50, p)).toBe(true);
      expect(p.error).toMatchObject({ timeout: 50 });
    });

    it('uploadFile: 60000 + 2000', async () => {
      silentHost();
      const p = track(uploadFile({ url: 'u', filePath: 'f', fileName: 'file', fileType: 'image' }));
      expect(await after(61999, p)).toBe(false);
      expect(await after(1, p)).toBe(true);
      expect(p.error).toMatchObject({ timeout: 62000 });
    });
  });

  it('call() uses the global default timeout', async () => {
    silentHost();
    configure({ timeout: 40 });
    const p = track(call('openInBrowser', { url: 'https://x' }));
    expect(await after(40, p)).toBe(true);
    expect(p.error).toMatchObject({ name: 'TimeoutError', api: 'openInBrowser', timeout: 40 });
  });
});

describe('abort', () => {
  /** Records add/remove of 'abort' listeners on a signal. */
  function spySignal(signal: AbortSignal) {
    const add = vi.spyOn(signal, 'addEventListener');
    const remove = vi.spyOn(signal, 'removeEventListener');
    const live = () => {
      const added = add.mock.calls.filter((c) => c[0] === 'abort').map((c) => c[1]);
      const removed = remove.mock.calls.filter((c) => c[0] === 'abort').map((c) => c[1]);
      return added.filter((f) => !removed.includes(f)).length;
    };
    return { add, remove, live };
  }

  it('a signal aborted before the call: AbortedError with its reason, the host is not called', async () => {
    const fake = installFakeBridge();
    const ac = new AbortController();
    ac.abort('changed my mind');
    const s = spySignal(ac.signal);
    const fail = vi.fn();
    const p = track(getStorage({ key: 'k', fail }, { signal: ac.signal }));
    await vi.advanceTimersByTimeAsync(1);
    expect(p.error).toBeInstanceOf(AbortedError);
    expect(p.error).toMatchObject({ api: 'getStorage', code: 'ABORTED', reason: 'changed my mind' });
    expect(fail).toHaveBeenCalledTimes(1);
    expect(fake.calls).toEqual([]);
    expect(s.live()).toBe(0);
  });

  it('a signal aborted during the call: AbortedError; the late answer is ignored', async () => {
    const fake = silentHost();
    const ac = new AbortController();
    const s = spySignal(ac.signal);
    const success = vi.fn();
    const complete = vi.fn();
    const p = track(getStorage({ key: 'k', success, complete }, { signal: ac.signal }));
    expect(fake.calls).toHaveLength(1);
    expect(s.live()).toBe(0); // listens only once a microtask has passed without an answer
    await Promise.resolve();
    expect(s.live()).toBe(1);
    expect(deadlineStats().pending).toBe(1);
    const reason = new Error('navigated away');
    ac.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(p.error).toBeInstanceOf(AbortedError);
    expect((p.error as AbortedError).reason).toBe(reason);
    expect(s.live()).toBe(0);
    expect(deadlineStats().pending).toBe(0);
    fake.pending[0]!.reply({ data: 'late' });
    await vi.advanceTimersByTimeAsync(0);
    expect(success).not.toHaveBeenCalled();
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['success', { data: 1 }, true],
    ['failure', { error: 12 }, false],
  ] as const)('the abort listener is removed after a %s', async (_, answer, ok) => {
    installFakeBridge({ handlers: { getStorage: answer } });
    const ac = new AbortController();
    const s = spySignal(ac.signal);
    const p = track(getStorage({ key: 'k' }, { signal: ac.signal }));
    await Promise.resolve(); // the host answers in a macrotask: the call listens meanwhile
    expect(s.live()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(p).toMatchObject({ settled: true, ok });
    expect(s.live()).toBe(0);
    expect(s.remove).toHaveBeenCalledWith('abort', s.add.mock.calls[0]![1]);
    ac.abort();
    await vi.advanceTimersByTimeAsync(1);
    expect(p.ok).toBe(ok); // aborting afterwards changes nothing
  });

  it('a host answering within a microtask: the call adds no abort listener, removes none, and reads no clock (one timer run per task)', async () => {
    installFakeBridge({ handlers: { getStorage: { data: 1 } }, answer: 'microtask' });
    const ac = new AbortController();
    const s = spySignal(ac.signal);
    const now = vi.spyOn(Date, 'now');
    // Counted by hand, not with vi.spyOn: a spied global setTimeout outlived useRealTimers() and later
    // tests' real timers never fired.
    const fakeSetTimeout = globalThis.setTimeout;
    let armed = 0;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => (armed++, fakeSetTimeout(...args))) as typeof setTimeout;
    try {
      for (let i = 0; i < 3; i++) await expect(getStorage({ key: 'k' }, { signal: ac.signal })).resolves.toEqual({ data: 1 });
    } finally {
      globalThis.setTimeout = fakeSetTimeout;
    }
    // getStorage has a default timeout: its deadlines wait, unstamped, for the shared timer's next run,
    // armed once for the three calls (not once per call); no clock read yet.
    expect(armed).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    expect(now).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.add.mock.calls.filter((c) => c[0] === 'abort')).toEqual([]);
    // removeEventListener with nothing to remove still costs ~0.4 µs in Chromium
    expect(s.remove.mock.calls).toEqual([]);
    expect(s.live()).toBe(0);
    // That run read the clock once, found them all settled and left no timer.
    expect(now).toHaveBeenCalledTimes(1);
    expect(deadlineStats()).toEqual({ pending: 0, timerArmed: false });
  });

  it.each([
    ['a host answering in a microtask (the answer comes first)', () => installFakeBridge({ handlers: { getStorage: { data: 1 } }, answer: 'microtask' })],
    ['a silent host (the call meets the abort when it goes to listen)', silentHost],
  ])('aborted right after the call, before it listens, with %s: AbortedError, no listener left', async (_, host) => {
    const fake = host();
    const ac = new AbortController();
    const s = spySignal(ac.signal);
    const p = track(getStorage({ key: 'k' }, { signal: ac.signal }));
    ac.abort('gone');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls).toHaveLength(1);
    expect(p.error).toMatchObject({ name: 'AbortedError', reason: 'gone' });
    expect(s.live()).toBe(0);
    expect(deadlineStats().pending).toBe(0);
  });

  it('the abort listener is removed after a timeout', async () => {
    silentHost();
    const ac = new AbortController();
    const s = spySignal(ac.signal);
    const p = track(getStorage({ key: 'k' }, { signal: ac.signal, timeout: 5 }));
    await vi.advanceTimersByTimeAsync(5);
    expect(p.error).toBeInstanceOf(TimeoutError);
    expect(s.live()).toBe(0);
  });

  it('the abort listener is removed after an invalid-params rejection (or never added)', async () => {
    installFakeBridge();
    const ac = new AbortController();
    const s = spySignal(ac.signal);
    // @ts-expect-error key is required
    const p = track(getStorage({}, { signal: ac.signal }));
    await vi.advanceTimersByTimeAsync(0);
    expect(p.error).toMatchObject({ name: 'InvalidParamsError' });
    expect(s.live()).toBe(0);
  });

  it('one signal shared by several calls aborts them all', async () => {
    silentHost();
    const ac = new AbortController();
    const ps = [1, 2, 3].map((i) => track(getStorage({ key: String(i) }, { signal: ac.signal })));
    ac.abort();
    await vi.advanceTimersByTimeAsync(0);
    for (const p of ps) expect(p.error).toBeInstanceOf(AbortedError);
  });

  it('AbortSignal.timeout works as a signal', async () => {
    vi.useRealTimers(); // the environment's AbortSignal.timeout keeps its own timer
    silentHost();
    const p = track(getStorage({ key: 'k' }, { signal: AbortSignal.timeout(5), timeout: 0 }));
    await tick(30);
    expect(p.error).toBeInstanceOf(AbortedError);
  });

  describe('RequestTask', () => {
    it.each([
      ['request', request],
      ['httpRequest', httpRequest],
    ] as const)('%s() returns a Promise with abort()', async (_, fn) => {
      const fake = silentHost();
      const fail = vi.fn();
      const task = fn({ url: 'https://a.iq', fail });
      expect(task).toBeInstanceOf(Promise);
      expect(typeof task.abort).toBe('function');
      const p = track(task);
      expect(fake.calls).toHaveLength(1);
      task.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(p.error).toBeInstanceOf(AbortedError);
      expect(p.error).toMatchObject({ api: fn === request ? 'request' : 'httpRequest' });
      expect(fail).toHaveBeenCalledTimes(1);
      fake.pending[0]!.reply({ data: 1, status: 200, headers: {} });
      task.abort(); // twice: no effect
      await vi.advanceTimersByTimeAsync(0);
      expect(fail).toHaveBeenCalledTimes(1);
    });

    it('abort() after success changes nothing', async () => {
      installFakeBridge({ handlers: { request: { data: 'd', status: 200, headers: {} } } });
      const task = request({ url: 'https://a.iq' });
      const p = track(task);
      await vi.advanceTimersByTimeAsync(1);
      task.abort();
      await vi.advanceTimersByTimeAsync(1);
      expect(p).toMatchObject({ ok: true, value: { data: 'd', status: 200, headers: {} } });
    });

    it('abort() before the bridge exists: the call never goes out', async () => {
      const task = request({ url: 'https://a.iq' });
      const p = track(task);
      task.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(p.error).toBeInstanceOf(AbortedError);
      const fake = installFakeBridge({ fireReady: true });
      expect(fake.calls).toEqual([]);
    });
  });
});

describe('abort reaches the host', () => {
  afterEach(() => vi.useRealTimers());

  it("the bridge call's handle: RequestTask.abort() and a signal call its abort() once; a host returning nothing is fine", async () => {
    const fake = silentHost();
    const abort = vi.fn();
    const call = fake.bridge.call;
    fake.bridge.call = (...args: Parameters<typeof call>) => (call(...args), { abort });
    const task = request({ url: 'https://a.iq' });
    await vi.advanceTimersByTimeAsync(0);
    task.abort();
    task.abort();
    await expect(task).rejects.toBeInstanceOf(AbortedError);
    expect(abort).toHaveBeenCalledTimes(1);

    const controller = new AbortController();
    const p = track(getStorage({ key: 'k' }, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.error).toBeInstanceOf(AbortedError);
    expect(abort).toHaveBeenCalledTimes(2);

    fake.bridge.call = call; // returns undefined, as real bridges do
    const plain = request({ url: 'https://a.iq' });
    await vi.advanceTimersByTimeAsync(0);
    plain.abort();
    await expect(plain).rejects.toBeInstanceOf(AbortedError);
  });

  it("a foreign my's RequestTask is aborted; a throwing abort() does not escape", async () => {
    installFakeBridge();
    const abort = vi.fn(() => {
      throw new Error('host failed to stop');
    });
    (window as unknown as { my: unknown }).my = { request: () => ({ abort }) };
    const task = request({ url: 'https://a.iq' });
    await vi.advanceTimersByTimeAsync(0);
    task.abort();
    await expect(task).rejects.toBeInstanceOf(AbortedError);
    expect(abort).toHaveBeenCalledTimes(1);
    delete (window as unknown as { my?: unknown }).my;
  });

  it('a timeout tells the host too: nobody waits for the answer any more', async () => {
    const fake = silentHost();
    const abort = vi.fn();
    const call = fake.bridge.call;
    fake.bridge.call = (...args: Parameters<typeof call>) => (call(...args), { abort });
    const p = track(getStorage({ key: 'k' }, { timeout: 5 }));
    await vi.advanceTimersByTimeAsync(5);
    expect(p.error).toBeInstanceOf(TimeoutError);
    expect(abort).toHaveBeenCalledTimes(1);
  });
});

