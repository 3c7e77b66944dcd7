/**
 * Callbacks and the Promise: each fires exactly once, success/fail then complete, never synchronously,
 * whatever the host does (answers synchronously, twice, late).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getStorage, HostError, setStorage, showToast, UserCancelledError, scan, call } from '../../src/index.js';
import { installFakeBridge, resetState, tick, track, watchUnhandled } from '../support/fake-bridge.js';

afterEach(resetState);

function recorder() {
  const log: string[] = [];
  const args: Record<string, unknown[]> = { success: [], fail: [], complete: [] };
  const cb = (kind: 'success' | 'fail' | 'complete') =>
    vi.fn((v: unknown) => {
      log.push(kind);
      args[kind]!.push(v);
    });
  const cbs = { success: cb('success'), fail: cb('fail'), complete: cb('complete') };
  return { log, args, cbs, ...cbs };
}

describe.each(['macrotask', 'microtask', 'sync'] as const)('host answering by %s', (answer) => {
  it('success: success then complete, once each, after the call returned', async () => {
    installFakeBridge({ answer, handlers: { getStorage: { data: 'v' } } });
    const r = recorder();
    const p = getStorage({ key: 'k', success: r.success, fail: r.fail, complete: r.complete });
    expect(r.log).toEqual([]); // nothing ran synchronously
    const value = await p;
    await tick();
    expect(value).toEqual({ data: 'v' });
    expect(r.log).toEqual(['success', 'complete']);
    expect(r.args['success']![0]).toBe(value);
    expect(r.args['complete']![0]).toBe(value);
  });

  it('failure: fail then complete, once each, with the rejection error', async () => {
    installFakeBridge({ answer, handlers: { getStorage: { error: 12, errorMessage: 'nope' } } });
    const r = recorder();
    const p = getStorage({ key: 'k', success: r.success, fail: r.fail, complete: r.complete });
    expect(r.log).toEqual([]);
    const error = await p.catch((e: unknown) => e);
    await tick();
    expect(error).toBeInstanceOf(HostError);
    expect(r.log).toEqual(['fail', 'complete']);
    expect(r.args['fail']![0]).toBe(error);
    expect(r.args['complete']![0]).toBe(error);
  });
});

describe('a host that answers twice', () => {
  it('success then failure: only the first answer counts', async () => {
    installFakeBridge({ modes: { '*': 'twice' }, handlers: { getStorage: { data: 1 } }, second: { error: 3 } });
    const r = recorder();
    await expect(getStorage({ key: 'k', ...r.cbs })).resolves.toEqual({ data: 1 });
    await tick(5);
    expect(r.log).toEqual(['success', 'complete']);
  });

  it('failure then success: only the first answer counts', async () => {
    installFakeBridge({ modes: { '*': 'twice' }, handlers: { scan: { error: 10 } }, second: { code: 'x' } });
    const r = recorder();
    await expect(scan({ ...r.cbs })).rejects.toBeInstanceOf(UserCancelledError);
    await tick(5);
    expect(r.log).toEqual(['fail', 'complete']);
  });

  it('the same answer twice, synchronously', async () => {
    installFakeBridge({ answer: 'sync', modes: { '*': 'twice' } });
    const r = recorder();
    await showToast({ content: 'x', ...r.cbs });
    await tick();
    expect(r.log).toEqual(['success', 'complete']);
  });
});

describe('callbacks and the Promise together', () => {
  it('the callbacks run before handlers attached to the returned Promise', async () => {
    installFakeBridge();
    const order: string[] = [];
    await showToast({ success: () => order.push('success'), complete: () => order.push('complete') }).then(() =>
      order.push('then'),
    );
    expect(order).toEqual(['success', 'complete', 'then']);
  });

  it('only some callbacks given: the others are simply skipped', async () => {
    installFakeBridge({ handlers: { setStorage: { error: 4 } } });
    const complete = vi.fn();
    await expect(setStorage({ key: 'k', data: 1, complete })).rejects.toMatchObject({ code: 4 });
    await tick();
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it('no callbacks: the Promise alone settles', async () => {
    installFakeBridge({ handlers: { getStorage: { data: null } } });
    await expect(getStorage({ key: 'missing' })).resolves.toEqual({ data: null });
  });

  it('call() honours callbacks in its params too', async () => {
    const fake = installFakeBridge({ handlers: { getSetting: { authSetting: {} } } });
    const r = recorder();
    await call('getSetting', { ...r.cbs });
    await tick();
    expect(r.log).toEqual(['success', 'complete']);
    expect(fake.calls[0]!.params).toEqual({});
  });
});

describe('unhandled rejections', () => {
  it('a failing call observed only through fail/complete leaves none', async () => {
    installFakeBridge({ handlers: { getStorage: { error: 12 } } });
    const w = watchUnhandled();
    try {
      const fail = vi.fn();
      const complete = vi.fn();
      getStorage({ key: 'k', fail, complete }); // Promise ignored, as callback-style pages do
      await tick(10);
      await tick(10);
      expect(fail).toHaveBeenCalledTimes(1);
      expect(complete).toHaveBeenCalledTimes(1);
      expect(w.seen).toEqual([]);
    } finally {
      w.stop();
    }
  });

  it('an invalid call observed only through fail leaves none', async () => {
    installFakeBridge();
    const w = watchUnhandled();
    try {
      const fail = vi.fn();
      // @ts-expect-error key is required
      getStorage({ fail });
      await tick(10);
      expect(fail).toHaveBeenCalledTimes(1);
      expect(w.seen).toEqual([]);
    } finally {
      w.stop();
    }
  });

  it('the Promise still rejects for a caller who awaits it alongside callbacks', async () => {
    installFakeBridge({ handlers: { getStorage: { error: 12 } } });
    const state = track(getStorage({ key: 'k', fail: () => {} }));
    await tick(5);
    expect(state).toMatchObject({ settled: true, ok: false });
  });
});
