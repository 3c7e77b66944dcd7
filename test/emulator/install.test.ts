/** install()/uninstall(), the host guard, and the superqi-bridge/testing helpers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmulatorRefusedError, install, installed, uninstall } from '../../src/emulator/index.js';
import {
  alert,
  call,
  confirm,
  getEnvironment,
  isTimeoutError,
  isUserCancelledError,
  ready,
  resetConfig,
  resetTransport,
  tradePay,
  datePicker,
} from '../../src/index.js';
import * as testing from '../../src/testing/index.js';

afterEach(() => {
  uninstall();
  delete (window as unknown as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  resetTransport();
  resetConfig();
  vi.unstubAllGlobals();
});

describe('the host guard', () => {
  it('refuses with a real AlipayJSBridge present, and says why', () => {
    (window as unknown as { AlipayJSBridge: unknown }).AlipayJSBridge = { call() {} };
    expect(() => install({ ui: 'auto' })).toThrow(EmulatorRefusedError);
    expect(() => install({ ui: 'auto' })).toThrow(/real AlipayJSBridge is present/);
    expect(installed()).toBeUndefined();
  });

  it('refuses under a host user agent unless forced', () => {
    const ua = 'Mozilla/5.0 (Linux; Android 15) AlipayClient/10.5.0 Griver SuperQi/1.30.0';
    Object.defineProperty(window.navigator, 'userAgent', { value: ua, configurable: true });
    try {
      expect(() => install({ ui: 'auto' })).toThrow(/user agent says this is a host app/);
      const em = install({ ui: 'auto', force: true });
      expect(installed()).toBe(em);
    } finally {
      delete (window.navigator as unknown as { userAgent?: string }).userAgent;
    }
  });

  it('installing again replaces the emulator it installed itself (its own bridge is not "real")', () => {
    const a = install({ ui: 'auto' });
    const b = install({ ui: 'auto' });
    expect(a).not.toBe(b);
    expect((window as unknown as { AlipayJSBridge: unknown }).AlipayJSBridge).toBe(b.bridge);
  });
});

describe('install / uninstall', () => {
  it('puts a fake bridge on window and fires AlipayJSBridgeReady; queued calls then go out', async () => {
    const order: string[] = [];
    document.addEventListener('AlipayJSBridgeReady', () => order.push('ready'), { once: true });
    const pending = alert({ content: 'queued before install' }).then(() => order.push('answered'));
    const em = install({ ui: 'auto' });
    await pending;
    await ready();
    expect(order).toEqual(['ready', 'answered']);
    expect(getEnvironment()).toMatchObject({ emulated: true, bridge: true });
    expect(em.calls[0]).toMatchObject({ api: 'alert', params: { content: 'queued before install' } });
  });

  it('dom mode (default where there is a body) mounts the phone frame; uninstall removes frame and bridge', () => {
    const before = document.body.children.length;
    const em = install();
    expect(em.ui.kind).toBe('dom');
    expect(document.body.children.length).toBe(before + 1);
    uninstall();
    expect(document.body.children.length).toBe(before);
    expect((window as unknown as { AlipayJSBridge?: unknown }).AlipayJSBridge).toBeUndefined();
    expect(installed()).toBeUndefined();
  });

  it('data stays across uninstall/install for the same appId', async () => {
    const storage = (await import('../../src/emulator/index.js')).memoryStorage();
    install({ ui: 'auto', storage, appId: 'keep' });
    await call('setStorage', { key: 'k', data: 'v' });
    uninstall();
    install({ ui: 'auto', storage, appId: 'keep' });
    expect(await call('getStorage', { key: 'k' })).toEqual({ data: 'v' });
  });
});

describe('superqi-bridge/testing', () => {
  afterEach(() => testing.teardownEmulator());

  it('setupEmulator: auto mode, forced, in-memory storage; teardown removes it', async () => {
    const em = testing.setupEmulator();
    expect(em.ui.kind).toBe('auto');
    expect(await confirm({ content: 'ok?' })).toEqual({ confirm: true });
    testing.teardownEmulator();
    expect(installed()).toBeUndefined();
    expect(() => testing.emulator()).toThrow(/setupEmulator/);
  });

  it('answer / fail / hang / delay / handle script outcomes; callsTo and lastCall read the log', async () => {
    testing.setupEmulator();
    testing.answer('tradePay', { resultCode: '8000' }, { once: true });
    expect((await tradePay({ paymentUrl: 'https://p/?orderId=1' })).status).toBe('processing');
    expect((await tradePay({ paymentUrl: 'https://p/?orderId=2' })).status).toBe('success');
    expect(testing.callsTo('tradePay')).toHaveLength(2);
    expect(testing.lastCall('tradePay')?.params).toEqual({ paymentUrl: 'https://p/?orderId=2' });

    testing.fail('datePicker', 11);
    const e = await datePicker({}).catch((x: unknown) => x);
    expect(isUserCancelledError(e)).toBe(true);

    testing.hang('alert', { once: true });
    const t = await alert({}, { timeout: 20 }).catch((x: unknown) => x);
    expect(isTimeoutError(t)).toBe(true);

    testing.delay('confirm', 30, { once: true });
    const started = Date.now();
    await confirm({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);

    testing.handle('confirm', (ctx) => ({ confirm: ctx.params.content === 'yes' }));
    expect(await confirm({ content: 'yes' })).toEqual({ confirm: true });
    testing.preset('payment-declined');
    expect((await tradePay({ paymentUrl: 'https://p' })).resultCode).toBe('4000');
  });

  it('every helper refuses an API name no call can reach, at once (the test got 9000 from a silently ignored answer)', () => {
    testing.setupEmulator();
    expect(() => testing.answer('tradepay' as never, { resultCode: '6001' } as never)).toThrow(/no API is called "tradepay" \(did you mean 'tradePay'\?\)/);
    expect(() => testing.fail('getauthcode' as never, 1001 as never)).toThrow(/did you mean 'getAuthCode'/);
    expect(() => testing.hang('nope' as never)).toThrow(/no API is called "nope"/);
    expect(() => testing.delay('nope' as never, 1)).toThrow(/no API is called "nope"/);
    expect(() => testing.handle('nope' as never, () => ({}) as never)).toThrow(/no API is called "nope"/);
    // an API outside the table, listed by the install (and typed through Register['apis'])
    testing.teardownEmulator();
    testing.setupEmulator({ extraApis: ['startApp'] });
    expect(() => testing.answer('startApp', { opened: true })).not.toThrow();
  });

  it("onUnusedOverride: 'error' makes the teardown throw naming each override no call used; used ones pass", async () => {
    testing.setupEmulator({ onUnusedOverride: 'error' });
    testing.answer('tradePay', { resultCode: '9000' });
    testing.fail('getAuthCode', 1001);
    testing.hang('alert');
    expect((await tradePay({ paymentUrl: 'https://p' })).resultCode).toBe('9000');
    expect(() => testing.teardownEmulator()).toThrow(
      "superqi-bridge/testing: 2 overrides were set but no call used them: fail('getAuthCode', 1001), hang('alert')",
    );
    // the teardown still cleaned up before it threw
    expect(installed()).toBeUndefined();
    // the next test starts clean: nothing left over is reported again
    testing.setupEmulator({ onUnusedOverride: 'error' });
    testing.answer('confirm', { confirm: false }, { once: true });
    expect(await confirm({})).toEqual({ confirm: false });
    expect(() => testing.teardownEmulator()).not.toThrow();
  });

  it("onUnusedOverride: 'warn' logs instead; without the option nothing is reported", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    testing.setupEmulator({ onUnusedOverride: 'warn' });
    testing.delay('confirm', 5);
    testing.teardownEmulator();
    expect(warn).toHaveBeenCalledWith("superqi-bridge/testing: an override was set but no call used it: delay('confirm', 5)");
    warn.mockClear();
    testing.setupEmulator();
    testing.delay('confirm', 5);
    testing.teardownEmulator();
    expect(warn).not.toHaveBeenCalled();
  });

  it('settled waits for every call to be answered', async () => {
    testing.setupEmulator();
    testing.delay('alert', 20);
    void alert({});
    void alert({});
    await testing.settled();
    expect(testing.callsTo('alert').every((c) => c.answeredAt !== undefined)).toBe(true);
  });
});
