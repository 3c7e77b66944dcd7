/**
 * The window.my shim and the bridge patch: my is defined only when absent, a foreign my is kept and
 * used, my.call reaches any API, and AlipayJSBridge.call accepts callbacks embedded in params.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canIUse,
  createMy,
  getStorage,
  HostError,
  installShim,
  InvalidParamsError,
  patchBridge,
  qicardSignContract,
  showToast,
  UnsupportedError,
  UserCancelledError,
  type MyShim,
} from '../../src/index.js';
import { SHIM_MARK } from '../../src/core/transport.js';
import { createFakeBridge, installFakeBridge, rejection, resetState, tick } from '../support/fake-bridge.js';

afterEach(resetState);

type W = { my?: unknown; AlipayJSBridge?: unknown };
const w = window as unknown as W;

describe('createMy / installShim', () => {
  it('createMy() builds a marked my without installing it', () => {
    const my = createMy();
    expect(w.my).toBeUndefined();
    expect((my as unknown as Record<symbol, unknown>)[SHIM_MARK]).toBe(true);
    expect(my.getStorage).toBe(getStorage);
    expect(my.canIUse).toBe(canIUse);
    expect(typeof my.call).toBe('function');
    expect(createMy()).not.toBe(my);
  });

  it('installShim() defines window.my when absent, once', () => {
    const my = installShim();
    expect(my).toBeDefined();
    expect(w.my).toBe(my);
    expect(installShim()).toBe(my);
    expect(w.my).toBe(my);
  });

  it('the shim my is not taken for a foreign my: calls go to the bridge', async () => {
    const fake = installFakeBridge({ handlers: { getStorage: { data: 'b' } } });
    const my = installShim()!;
    await expect(my.getStorage({ key: 'k' })).resolves.toEqual({ data: 'b' });
    await expect(getStorage({ key: 'k' })).resolves.toEqual({ data: 'b' });
    expect(fake.calls.map((c) => c.name)).toEqual(['getStorage', 'getStorage']);
  });

  it('my.xxx with callbacks behaves like the wrapper', async () => {
    installFakeBridge({ handlers: { scan: { error: 10 } } });
    const my = installShim()!;
    const fail = vi.fn();
    const complete = vi.fn();
    my.scan({ fail, complete });
    await tick(5);
    expect(fail.mock.calls[0]![0]).toBeInstanceOf(UserCancelledError);
    expect(complete).toHaveBeenCalledTimes(1);
  });
});

describe('a foreign my already on the page', () => {
  /** A closed-SDK style my: answers through success/fail after a macrotask. */
  function foreignMy(answers: Record<string, [via: 'success' | 'fail', payload: unknown]>) {
    const seen: { api: string; options: Record<string, unknown> }[] = [];
    const my: Record<string, unknown> = { canIUse: vi.fn((n: string) => n !== 'scan') };
    for (const [api, [via, payload]] of Object.entries(answers)) {
      my[api] = (options: Record<string, unknown>) => {
        seen.push({ api, options });
        setTimeout(() => (options[via] as (r: unknown) => void)(payload), 0);
      };
    }
    return { my, seen };
  }

  it('is kept by installShim()', () => {
    const { my } = foreignMy({});
    w.my = my;
    expect(installShim()).toBe(my);
    expect(w.my).toBe(my);
  });

  it("the wrappers call through it: its success maps to the result", async () => {
    const { my, seen } = foreignMy({ getStorage: ['success', { data: 'from foreign' }] });
    w.my = my;
    const fake = installFakeBridge();
    installShim();
    await expect(getStorage({ key: 'k' })).resolves.toEqual({ data: 'from foreign' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.options).toMatchObject({ key: 'k' });
    expect(typeof seen[0]!.options['success']).toBe('function');
    expect(typeof seen[0]!.options['fail']).toBe('function');
    expect(fake.calls).toEqual([]);
  });

  it('its fail maps to the right error class', async () => {
    const { my } = foreignMy({
      scan: ['fail', { error: 10, errorMessage: 'user cancelled' }],
      getStorage: ['fail', { error: 12, errorMessage: 'io' }],
      showToast: ['fail', { errorMessage: 'no code' }],
      vibrate: ['fail', {}],
    });
    w.my = my;
    await expect(createMy().scan()).rejects.toMatchObject({ name: 'UserCancelledError', code: 10, errorMessage: 'user cancelled' });
    const e = (await rejection(getStorage({ key: 'k' }))) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ code: 12, errorMessage: 'io', raw: { error: 12, errorMessage: 'io' } });
    await expect(showToast()).rejects.toMatchObject({ name: 'HostError', code: 3, errorMessage: 'no code' });
    // a fail with no error fields at all is still a failure
    await expect(createMy().vibrate()).rejects.toMatchObject({ name: 'HostError', code: 3 });
  });

  it('its success with undefined resolves {}', async () => {
    const { my } = foreignMy({ vibrate: ['success', undefined] });
    w.my = my;
    await expect(createMy().vibrate()).resolves.toEqual({});
  });

  it('caller callbacks are not handed to it; its own success/fail are', async () => {
    const { my, seen } = foreignMy({ getStorage: ['success', { data: 1 }] });
    w.my = my;
    const success = vi.fn();
    await getStorage({ key: 'k', success });
    expect(seen[0]!.options['success']).not.toBe(success);
    await tick();
    expect(success).toHaveBeenCalledWith({ data: 1 });
  });

  it('an API it lacks goes to the bridge; with no bridge it is UnsupportedError', async () => {
    w.my = {};
    await expect(getStorage({ key: 'k' })).rejects.toBeInstanceOf(UnsupportedError);
    const fake = installFakeBridge({ handlers: { getStorage: { data: 2 } } });
    await expect(getStorage({ key: 'k' })).resolves.toEqual({ data: 2 });
    expect(fake.calls).toHaveLength(1);
  });

  it('bridge-only APIs (qicardSignContract) skip it', async () => {
    const { my, seen } = foreignMy({ qicardSignContract: ['success', { authCode: 'foreign' }] });
    w.my = my;
    installFakeBridge({ handlers: { qicardSignContract: { authCode: 'bridge' } } });
    await expect(qicardSignContract({ authUrl: 'u' })).resolves.toEqual({ authCode: 'bridge' });
    expect(seen).toEqual([]);
  });

  it('its canIUse answer wins', () => {
    const { my } = foreignMy({});
    w.my = my;
    expect(canIUse('scan')).toBe(false);
    expect(canIUse('somethingNew')).toBe(true);
    expect(my['canIUse']).toHaveBeenCalledWith('scan');
  });
});

describe('my.call', () => {
  it('an unknown API reaches the bridge by name and gets its answer (callback and Promise)', async () => {
    const fake = installFakeBridge({ handlers: { startApp: { opened: true } } });
    const my = installShim()!;
    const cb = vi.fn();
    await expect(my.call('startApp', { url: 'https://qi.iq' }, cb)).resolves.toEqual({ opened: true });
    await tick();
    expect(fake.calls).toEqual([{ name: 'startApp', params: { url: 'https://qi.iq' }, callback: expect.any(Function) }]);
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenCalledWith({ opened: true });
  });

  it('my.call(name, callback)', async () => {
    const fake = installFakeBridge({ handlers: { getRunData: { authSetting: { scope: true } } } });
    const my = createMy();
    const cb = vi.fn();
    my.call('getRunData', cb);
    await tick(5);
    expect(fake.calls[0]).toMatchObject({ name: 'getRunData', params: {} });
    expect(cb).toHaveBeenCalledWith({ authSetting: { scope: true } });
  });

  it('an unknown API the host does not have: the callback gets an UnsupportedError', async () => {
    installFakeBridge({ handlers: { startApp: { error: 1, errorMessage: 'not found' } } });
    const cb = vi.fn();
    await createMy().call('startApp', {}, cb).catch(() => {});
    await tick();
    expect(cb.mock.calls[0]![0]).toBeInstanceOf(UnsupportedError);
  });

  it('a known API goes through its wrapper: checks, renames, result renames', async () => {
    const fake = installFakeBridge({ handlers: { confirm: { ok: true } } });
    const my = createMy();
    await expect(my.call('confirm', { content: 'x' })).resolves.toMatchObject({ confirm: true });
    const cb = vi.fn();
    await my.call('getStorage', {}, cb).catch(() => {});
    await tick();
    expect(cb.mock.calls[0]![0]).toBeInstanceOf(InvalidParamsError);
    expect(fake.calls).toHaveLength(1);
  });

  it('my.call passes per-call options', async () => {
    vi.useFakeTimers();
    installFakeBridge({ modes: { '*': 'never' } });
    const p = createMy().call('anything', {}, undefined, { timeout: 10 });
    const r = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    await expect(r).resolves.toMatchObject({ name: 'TimeoutError', api: 'anything' });
  });

  // Issue 19, item 13: my.call('canIUse') answered from the host's JSAPI while my.canIUse answered
  // locally, so the two disagreed. Now both give my.canIUse's answer (isSupported() asks the host).
  it("my.call('canIUse', { name }) answers { canIUse } exactly as my.canIUse(name)", async () => {
    const fake = installFakeBridge({ handlers: { canIUse: { canIUse: false } } });
    const my = createMy();
    for (const name of ['scan', 'showToast', 'qicardSignContract', 'noSuchApi', 'toString']) {
      await expect(my.call('canIUse', { name })).resolves.toEqual({ canIUse: my.canIUse(name) });
    }
    await expect(my.call('canIUse', { name: '' })).resolves.toEqual({ canIUse: false });
    expect(my.canIUse('scan')).toBe(true);
    const cb = vi.fn();
    await my.call('canIUse', { name: 'scan' }, cb);
    expect(cb).toHaveBeenCalledWith({ canIUse: true });
    expect(fake.calls).toEqual([]);
  });

  it("my.call('canIUse') without a usable name answers { canIUse: false }, as my.canIUse does", async () => {
    installFakeBridge();
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const params of [undefined, {}, { name: 1 }, 'scan', revoked.proxy]) {
      await expect(createMy().call('canIUse', params as never)).resolves.toEqual({ canIUse: false });
    }
  });

  it('my.canIUse', () => {
    const my: MyShim = createMy();
    expect(my.canIUse('showToast')).toBe(true);
    expect(my.canIUse('tradePay')).toBe(true);
    expect(my.canIUse('noSuchApi')).toBe(false);
  });
});

describe('AlipayJSBridge.call with callbacks embedded in params', () => {
  const cbs = () => {
    const log: string[] = [];
    const fns = {
      success: vi.fn((_: unknown) => log.push('success')),
      fail: vi.fn((_: unknown) => log.push('fail')),
      complete: vi.fn((_: unknown) => log.push('complete')),
    };
    return { log, fns, ...fns };
  };
  const bridgeCall = (...args: unknown[]) =>
    (w.AlipayJSBridge as { call: (...a: unknown[]) => void }).call(...args);

  it('success then complete, once, and the host gets params without callbacks', async () => {
    const fake = installFakeBridge({ handlers: { qicardShareAppMessage: { shareResult: true } } });
    installShim();
    const c = cbs();
    bridgeCall('qicardShareAppMessage', { title: 'Hi', desc: 'd', success: c.success, fail: c.fail, complete: c.complete });
    await tick(5);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.params).toEqual({ title: 'Hi', desc: 'd' });
    expect(typeof fake.calls[0]!.callback).toBe('function');
    expect(c.log).toEqual(['success', 'complete']);
    expect(c.success).toHaveBeenCalledWith({ shareResult: true });
    expect(c.complete).toHaveBeenCalledWith({ shareResult: true });
  });

  it.each([
    ['error', { error: 11, errorMessage: 'cancel' }],
    ['errorCode', { errorCode: '6001' }],
    ['errorMessage only', { errorMessage: 'failed' }],
  ])('a failure (%s) goes to fail then complete', async (_, answer) => {
    installFakeBridge({ handlers: { qicardShareAppMessage: answer } });
    installShim();
    const c = cbs();
    bridgeCall('qicardShareAppMessage', { title: 'Hi', ...c.fns });
    await tick(5);
    expect(c.log).toEqual(['fail', 'complete']);
    expect(c.fail).toHaveBeenCalledWith(answer);
  });

  it('a host that answers twice still calls back once', async () => {
    installFakeBridge({ modes: { '*': 'twice' }, second: { error: 3 } });
    installShim();
    const c = cbs();
    bridgeCall('qicardShareAppMessage', { title: 'Hi', ...c.fns });
    await tick(5);
    expect(c.log).toEqual(['success', 'complete']);
  });

  it('the three-argument form still works, untouched', async () => {
    const fake = installFakeBridge({ handlers: { getDeviceInfo: { language: 'ar' } } });
    installShim();
    const cb = vi.fn();
    const params = { a: 1 };
    bridgeCall('getDeviceInfo', params, cb);
    await tick(5);
    expect(fake.calls[0]!.params).toBe(params);
    expect(fake.calls[0]!.callback).toBe(cb);
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb).toHaveBeenCalledWith({ language: 'ar' });
  });

  it('params without callback functions pass through as they are', async () => {
    const fake = installFakeBridge();
    installShim();
    const params = { title: 'x', success: 'not a function' };
    bridgeCall('qicardShareAppMessage', params);
    bridgeCall('vibrate');
    await tick(5);
    expect(fake.calls[0]!.params).toBe(params);
    expect(fake.calls[1]).toMatchObject({ name: 'vibrate', params: {} });
  });

  it('the patch is idempotent (installShim twice, patchBridge again)', async () => {
    const fake = installFakeBridge({ handlers: { qicardShareAppMessage: { shareResult: true } } });
    installShim();
    const patched = fake.bridge.call;
    installShim();
    patchBridge(fake.bridge);
    expect(fake.bridge.call).toBe(patched);
    const c = cbs();
    bridgeCall('qicardShareAppMessage', { title: 'Hi', ...c.fns });
    await tick(5);
    expect(fake.calls).toHaveLength(1);
    expect(c.log).toEqual(['success', 'complete']);
  });

  it('a bridge injected after installShim is patched on AlipayJSBridgeReady', async () => {
    installShim();
    const fake = createFakeBridge({ handlers: { qicardShareAppMessage: { shareResult: false } } });
    const original = fake.bridge.call;
    w.AlipayJSBridge = fake.bridge;
    expect(fake.bridge.call).toBe(original);
    fake.fireReady();
    expect(fake.bridge.call).not.toBe(original);
    const c = cbs();
    bridgeCall('qicardShareAppMessage', { title: 'Hi', ...c.fns });
    await tick(5);
    expect(fake.calls[0]!.params).toEqual({ title: 'Hi' });
    expect(c.success).toHaveBeenCalledWith({ shareResult: false });
  });

  // Issue 19, item 13: the shim listened `once`, so an AlipayJSBridgeReady before the bridge (a page's
  // own, a spurious one) ended its wait and the bridge injected later was never patched.
  it('a spurious AlipayJSBridgeReady before the bridge: the bridge injected later is still patched', async () => {
    installShim();
    document.dispatchEvent(new Event('AlipayJSBridgeReady'));
    const fake = createFakeBridge({ handlers: { qicardShareAppMessage: { shareResult: true } } });
    const original = fake.bridge.call;
    w.AlipayJSBridge = fake.bridge;
    fake.fireReady();
    expect(fake.bridge.call).not.toBe(original);
    const c = cbs();
    bridgeCall('qicardShareAppMessage', { title: 'Hi', ...c.fns });
    await tick(5);
    expect(c.log).toEqual(['success', 'complete']);
  });

  it('the library itself still works over a patched bridge', async () => {
    const fake = installFakeBridge({ handlers: { getStorage: { data: 3 } } });
    installShim();
    await expect(getStorage({ key: 'k' })).resolves.toEqual({ data: 3 });
    expect(fake.calls).toHaveLength(1);
  });

  it('patchBridge ignores undefined and objects without call', () => {
    expect(() => patchBridge(undefined)).not.toThrow();
    const odd = { startupParams: {} } as never;
    expect(() => patchBridge(odd)).not.toThrow();
  });
});
