// @vitest-environment node
/** In Node/SSR: importing does no work, calls fail at once with NotInHostError, events are no-ops. */
import { describe, expect, it, vi } from 'vitest';
import * as lib from '../../src/index.js';
import { waitingForHost } from '../../src/core/ready.js';

describe('in Node', () => {
  it('there is no window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('the entry point imported without throwing and exports the API', () => {
    expect(typeof lib.getSystemInfo).toBe('function');
    expect(typeof lib.createMy).toBe('function');
  });

  it('a wrapper call rejects with NotInHostError immediately, without a timer', async () => {
    vi.useFakeTimers();
    try {
      const seen: unknown[] = [];
      const fail = vi.fn();
      lib.getSystemInfo({ fail }).catch((e: unknown) => seen.push(e));
      lib.alert().catch((e: unknown) => seen.push(e));
      // microtasks only: no timer is advanced
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(seen).toHaveLength(2);
      for (const e of seen) {
        expect(e).toBeInstanceOf(lib.NotInHostError);
        expect(e).toMatchObject({ code: 'NOT_IN_HOST' });
        expect((e as Error).message).toContain('not inside Super Qi (no window)');
      }
      expect(fail).toHaveBeenCalledTimes(1);
      expect(waitingForHost()).toBe(0);
    } finally {
      vi.runAllTimers();
      vi.useRealTimers();
    }
  });

  it('call() and ready() reject the same way', async () => {
    await expect(lib.call('getSetting')).rejects.toBeInstanceOf(lib.NotInHostError);
    await expect(lib.ready()).rejects.toBeInstanceOf(lib.NotInHostError);
  });

  it('invalid params are still reported as such', async () => {
    await expect(lib.getStorage({} as never)).rejects.toBeInstanceOf(lib.InvalidParamsError);
  });

  it('on() returns a no-op', () => {
    const off = lib.on('resume', () => {});
    expect(typeof off).toBe('function');
    expect(() => off()).not.toThrow();
  });

  it('environment: server, not Super Qi', () => {
    expect(lib.isSuperQi()).toBe(false);
    expect(lib.getEnvironment()).toMatchObject({ host: 'server', bridge: false, emulated: false, foreignMy: false });
  });

  it('canIUse answers from the table; isSupported is false', async () => {
    expect(lib.canIUse('scan')).toBe(true);
    expect(lib.canIUse('nope')).toBe(false);
    await expect(lib.isSupported('scan')).resolves.toBe(false);
  });

  it('installShim() returns undefined; createMy() still works and its calls fail cleanly', async () => {
    expect(lib.installShim()).toBeUndefined();
    const my = lib.createMy();
    const cb = vi.fn();
    await my.call('getSetting', cb).catch(() => {});
    expect(cb.mock.calls[0]![0]).toBeInstanceOf(lib.NotInHostError);
  });

  it('the amount helpers work', () => {
    expect(lib.toPaymentAmount(1)).toEqual({ currency: 'IQD', value: '1000' });
  });
});
