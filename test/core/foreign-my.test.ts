/**
 * Routing through the page's own `my` (the closed SDK) or the bridge: a page `my` with the API is
 * used; without one, the bridge is, and `window.my` is not read again on every call (a missing
 * window property is slow in Chromium) until the bridge changes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alert, configure, getEnvironment, getSystemInfo, installShim, qicardSignContract } from '../../src/index.js';
import { installFakeBridge, resetState } from '../support/fake-bridge.js';

afterEach(resetState);

const w = window as unknown as { my?: unknown };

/** Defines `window.my` as a getter (counts reads) answering `value()`. */
function watchMy(value: () => unknown) {
  const read = vi.fn(value);
  Object.defineProperty(window, 'my', { get: read, configurable: true });
  return read;
}

describe('foreign my or bridge', () => {
  // Issue 19, item 9: a page whose `my` getter throws. The shim installs without an error, and calls
  // go to the bridge (a `my` that cannot be read is no `my`), rather than failing with "host threw".
  it('a window.my getter that throws: installShim does not throw, and calls go to the bridge', async () => {
    const fake = installFakeBridge({ handlers: { alert: { via: 'bridge' } } });
    watchMy(() => {
      throw new Error('no my here');
    });
    expect(() => installShim()).not.toThrow();
    expect(installShim()).toBeUndefined();
    await expect(alert()).resolves.toEqual({ via: 'bridge' });
    expect(getEnvironment()).toMatchObject({ bridge: true, foreignMy: false });
    expect(fake.calls).toHaveLength(1);
  });

  it('a window.my getter that throws, and no bridge: calls wait for a host and fail with NotInHostError', async () => {
    watchMy(() => {
      throw new Error('no my here');
    });
    configure({ readyTimeout: 10 });
    await expect(alert()).rejects.toMatchObject({ name: 'NotInHostError' });
  });

  it('a page my that has the API gets the call, not the bridge', async () => {
    const fake = installFakeBridge({ handlers: { alert: {} } });
    const pageAlert = vi.fn((o: { success(r: unknown): void }) => o.success({ via: 'my' }));
    w.my = { alert: pageAlert };
    await expect(alert({ content: 'x' })).resolves.toEqual({ via: 'my' });
    expect(pageAlert).toHaveBeenCalledTimes(1);
    expect(fake.calls).toHaveLength(0);
  });

  it('with a bridge and no page my, window.my is read once, not on every call', async () => {
    installFakeBridge({ handlers: { alert: {}, getSystemInfo: {} } });
    const read = watchMy(() => undefined);
    await alert();
    await getSystemInfo();
    await alert();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a new bridge makes the call look for a page my again', async () => {
    installFakeBridge({ handlers: { alert: {} } });
    let my: unknown;
    const read = watchMy(() => my);
    await alert();
    const pageAlert = vi.fn((o: { success(r: unknown): void }) => o.success({ via: 'my' }));
    my = { alert: pageAlert };
    installFakeBridge({ handlers: { alert: {} } }); // the host injected its bridge again
    await expect(alert()).resolves.toEqual({ via: 'my' });
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a page my that is there is read on every call: removing it sends the next call to the bridge', async () => {
    const fake = installFakeBridge({ handlers: { alert: { via: 'bridge' } } });
    w.my = { alert: (o: { success(r: unknown): void }) => o.success({ via: 'my' }) };
    await expect(alert()).resolves.toEqual({ via: 'my' });
    delete w.my;
    await expect(alert()).resolves.toEqual({ via: 'bridge' });
    expect(fake.calls).toHaveLength(1);
  });

  it('a bridge-only API (qicardSignContract) does not look at my, nor stop a later call from looking', async () => {
    installFakeBridge({ handlers: { qicardSignContract: { authCode: 'c' }, alert: {} } });
    const pageAlert = vi.fn((o: { success(r: unknown): void }) => o.success({ via: 'my' }));
    const read = watchMy(() => ({ alert: pageAlert }));
    await qicardSignContract({ authUrl: 'https://a.iq' });
    expect(read).not.toHaveBeenCalled();
    await expect(alert()).resolves.toEqual({ via: 'my' });
  });

  it('without a bridge, window.my is read on every call', async () => {
    const pageAlert = vi.fn((o: { success(r: unknown): void }) => o.success({}));
    const read = watchMy(() => ({ alert: pageAlert }));
    await alert();
    await alert();
    expect(pageAlert).toHaveBeenCalledTimes(2);
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
