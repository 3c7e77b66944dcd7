/** The emulator's engine: overrides, presets, profiles, the unknown-API policy, the call log, events, names. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  alert,
  call,
  canIUse,
  confirm,
  getAuthCode,
  isSupported,
  isUnsupportedError,
  isUserCancelledError,
  on,
  qicardSignContract,
  showActionSheet,
  tradePay,
  getNetworkType,
  getEnvironment,
  configure,
  CLASSIC_NATIVES,
  request,
  isHostError,
  getLocation,
} from '../../src/index.js';
import { rawCall, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { EXTRA_APIS } from '../support/registered-apis.js';

afterEach(() => {
  vi.useRealTimers();
  teardownEmulator();
});

describe('overrides', () => {
  it('first match wins, once removes itself, the remover works, reset restores defaults', async () => {
    const em = setupAutoEmulator();
    em.use('confirm', () => ({ confirm: false }));
    const removeLatest = em.use('confirm', () => ({ confirm: true, marker: 'latest' } as never));
    em.use('confirm', () => ({ confirm: false, marker: 'once' } as never), { once: true });
    expect(await confirm({ content: 'a' })).toMatchObject({ marker: 'once' });
    expect(await confirm({ content: 'b' })).toMatchObject({ marker: 'latest' });
    removeLatest();
    expect(await confirm({ content: 'c' })).toEqual({ confirm: false });
    em.reset();
    em.use('alert', () => ({ reset: 'no' } as never));
    em.reset();
    expect(await alert({ content: 'd' })).not.toHaveProperty('reset');
  });

  it('a handler may pass through to the next one and delay', async () => {
    const em = setupAutoEmulator();
    em.use('showActionSheet', async (ctx) => {
      await ctx.delay(5);
      const base = await ctx.next();
      return { ...base, passedThrough: true } as never;
    });
    em.use('showActionSheet', () => ({ index: 2 }));
    // The later registration wins first; it does not call next.
    expect(await showActionSheet({ items: ['a', 'b', 'c'] })).toEqual({ index: 2 });
  });

  it('ctx.fail builds the documented failure with the page wording; string codes become errorCode', async () => {
    const em = setupAutoEmulator();
    em.use('qicardSignContract', (ctx) => ctx.fail('6002'));
    const e = await qicardSignContract({ authUrl: 'https://x' }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: '6002', errorMessage: 'Network exception prevented signing.' });
    expect(em.calls.at(-1)?.answer).toEqual({ errorCode: '6002', errorMessage: 'Network exception prevented signing.' });
  });

  it('overrides answer names outside the table too, once the install lists them in extraApis', async () => {
    const em = setupAutoEmulator({ extraApis: EXTRA_APIS });
    em.use('startApp', (ctx) => ({ opened: ctx.params['url'] }));
    expect(await call('startApp', { url: 'https://a' })).toEqual({ opened: 'https://a' });
  });

  it('an override for a name no call can reach throws at once, suggesting the name in another case', () => {
    const em = setupAutoEmulator();
    expect(() => em.use('tradepay' as never, (() => ({ resultCode: '9000' })) as never)).toThrow(
      /emulator\.use: no API is called "tradepay" \(did you mean 'tradePay'\?\).*extraApis/,
    );
    expect(() => em.use('startApp' as never, (() => ({})) as never)).toThrow(/no API is called "startApp": .*install\(\{ extraApis: \["startApp"\] \}\)/);
    expect(() => em.use('' as never, (() => ({})) as never)).toThrow(/non-empty string/);
    expect(() => em.use('alert', 'not a function' as never)).toThrow(/emulator\.use\('alert'\): the handler must be a function/);
    // a classic alias is a name calls use: it may be overridden
    expect(() => em.use('toast' as never, (() => ({})) as never)()).not.toThrow();
  });

  it('a handler that throws answers error 3 instead of leaving the call hanging', async () => {
    const em = setupAutoEmulator();
    em.use('alert', () => {
      throw new Error('boom');
    });
    await expect(alert({})).rejects.toMatchObject({ code: 3, errorMessage: expect.stringContaining('boom') });
  });
});

describe('unknown APIs', () => {
  it('warn (default): error 1 "<name> is not supported" and a console warning naming it', async () => {
    setupAutoEmulator();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const e = await call.unknown('getRunData').catch((x: unknown) => x);
    expect(isUnsupportedError(e)).toBe(true);
    expect(e).toMatchObject({ code: 1, errorMessage: 'getRunData is not supported' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('getRunData'));
  });

  it("'error' logs with console.error; a function answers", async () => {
    setupAutoEmulator({ onUnknownApi: 'error' });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(call.unknown('x1')).rejects.toMatchObject({ code: 1 });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('x1'));
    teardownEmulator();
    setupAutoEmulator({ onUnknownApi: (name, params) => ({ name, params }) });
    expect(await call.unknown('x2', { a: 1 })).toEqual({ name: 'x2', params: { a: 1 } });
  });
});

describe('profiles', () => {
  it('unsupported APIs answer error 1 and canIUse/isSupported say false', async () => {
    const em = setupAutoEmulator({ profile: { unsupported: ['scan'] } });
    expect(await isSupported('scan')).toBe(false);
    expect(canIUse('scan')).toBe(false);
    expect(await isSupported('alert')).toBe(true);
    em.use('alert', () => ({}));
    const e = await call('scan').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 1 });
  });

  it('canIUse answers from the profile synchronously, before any call (the fake bridge answers it)', () => {
    const em = setupAutoEmulator({ profile: { unsupported: ['scan'], version: '1.20.0' } });
    expect(canIUse('scan')).toBe(false);
    expect(canIUse('qicardSignContract')).toBe(false); // needs 1.24.6
    expect(canIUse('alert')).toBe(true);
    expect(canIUse('notAnApi')).toBe(false);
    em.setProfile({ unsupported: [], version: '1.30.0' });
    expect(canIUse('scan')).toBe(true);
    expect(canIUse('qicardSignContract')).toBe(true);
  });

  it('an older host lacks APIs newer than its version (qicardSignContract needs 1.24.6)', async () => {
    const em = setupAutoEmulator({ profile: { version: '1.20.0' } });
    const e = await qicardSignContract({ authUrl: 'https://sign' }).catch((x: unknown) => x);
    expect(isUnsupportedError(e)).toBe(true);
    expect((e as Error).message).toContain('1.24.6');
    em.setProfile({ version: '1.24.6' });
    em.use('qicardSignContract', () => ({ authCode: 'A'.repeat(32) }));
    expect(await qicardSignContract({ authUrl: 'https://sign' })).toEqual({ authCode: 'A'.repeat(32) });
  });

  it('reset restores the profile and latency given at install', async () => {
    const em = setupAutoEmulator({ profile: { role: 'business' }, latency: 0 });
    em.setProfile({ role: 'customer', language: 'ar' });
    em.setLatency(50);
    em.reset();
    expect(em.profile.role).toBe('business');
    expect(em.profile.language).toBe('en');
  });
});

describe('presets', () => {
  it('user-cancels: cancel codes, confirm false, index -1, tradePay 6001', async () => {
    const em = setupAutoEmulator();
    em.preset('user-cancels');
    expect(isUserCancelledError(await getAuthCode({ scopes: ['auth_user'] }).catch((x: unknown) => x))).toBe(true);
    expect(await confirm({})).toEqual({ confirm: false });
    expect(await showActionSheet({ items: ['a'] })).toEqual({ index: -1 });
    expect(await tradePay({ paymentUrl: 'https://p' })).toEqual({ resultCode: '6001', status: 'cancelled' });
    expect(isUserCancelledError(await qicardSignContract({ authUrl: 'https://s' }).catch((x: unknown) => x))).toBe(true);
  });

  it('offline, payment-declined, payment-pending, permission-denied; reset clears them', async () => {
    const em = setupAutoEmulator();
    em.preset('offline');
    expect(await getNetworkType()).toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });
    await expect(request({ url: 'https://a.example' })).rejects.toMatchObject({ code: 12 });
    expect((await tradePay({ paymentUrl: 'https://p' })).status).toBe('network-error');
    em.reset();
    em.preset('payment-declined');
    expect((await tradePay({ paymentUrl: 'https://p' })).resultCode).toBe('4000');
    em.reset();
    em.preset('payment-pending');
    expect((await tradePay({ paymentUrl: 'https://p' })).status).toBe('processing');
    em.reset();
    em.preset('permission-denied');
    const e = await getLocation().catch((x: unknown) => x);
    expect(isHostError(e) && e.code).toBe(11);
  });

  it('slow-network delays network answers; unknown presets throw a TypeError naming the valid ones', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const em = setupAutoEmulator();
    em.use('tradePay', () => ({ resultCode: '9000' }));
    em.preset('slow-network');
    let done = false;
    const p = tradePay({ paymentUrl: 'https://p' }).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2900);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await p;
    expect(done).toBe(true);
    expect(() => em.preset('nope' as never)).toThrow(/user-cancels/);
  });

  it('presets given at install apply again after reset', async () => {
    const em = setupAutoEmulator({ presets: ['payment-declined'] });
    em.reset();
    expect((await tradePay({ paymentUrl: 'https://p' })).status).toBe('failed');
  });
});

describe('the fake bridge', () => {
  it('accepts classic aliases and their parameter names; answers native result names too', async () => {
    const em = setupAutoEmulator();
    const seen: unknown[] = [];
    em.use('showToast', (ctx) => {
      seen.push(ctx.params);
      return {};
    });
    await rawCall(undefined, 'toast', { content: 'hi' });
    expect(em.calls.at(-1)).toMatchObject({ api: 'showToast', name: 'toast' });
    em.use('confirm', (ctx) => {
      seen.push(ctx.params);
      return { confirm: true };
    });
    const answer = await rawCall(undefined, 'confirm', { message: 'sure?', okButton: 'Yes' });
    expect(seen.at(-1)).toMatchObject({ content: 'sure?', confirmButtonText: 'Yes' });
    expect(answer).toEqual({ confirm: true, ok: true });
    configure({ natives: CLASSIC_NATIVES });
    em.use('showActionSheet', (ctx) => ({ index: (ctx.params.items ?? []).length }));
    expect(await showActionSheet({ items: ['a', 'b'] })).toEqual({ index: 2 });
    expect(em.calls.at(-1)?.name).toBe('actionSheet');
  });

  it('answers callbacks embedded in params, after a macrotask, exactly once', async () => {
    const em = setupAutoEmulator({ extraApis: EXTRA_APIS });
    em.use('qicardShareAppMessage', () => ({ shareResult: true }));
    em.use('x-fail', () => ({ error: 5, errorMessage: 'no' }));
    const events: string[] = [];
    const b = (window as unknown as { AlipayJSBridge: { call: (n: string, p: object) => void } }).AlipayJSBridge;
    await new Promise<void>((resolve) => {
      b.call('qicardShareAppMessage', {
        title: 't',
        success: (r: { shareResult: boolean }) => events.push(`success:${r.shareResult}`),
        fail: () => events.push('fail'),
        complete: () => resolve(),
      });
      events.push('sync');
    });
    await new Promise<void>((resolve) => b.call('x-fail', { fail: () => events.push('fail'), complete: resolve }));
    expect(events).toEqual(['sync', 'success:true', 'fail']);
  });

  it('sees params as JSON (functions dropped, cycles dropped) and logs every call with timing', async () => {
    const em = setupAutoEmulator({ extraApis: EXTRA_APIS });
    em.use('echo', (ctx) => ({ params: ctx.params }));
    const cyclic: Record<string, unknown> = { a: 1, f: () => 1 };
    cyclic['self'] = cyclic;
    const answer = await rawCall(undefined, 'echo', { cyclic, when: new Date(0), page: document.body });
    expect(answer).toEqual({ params: { cyclic: { a: 1 }, when: '1970-01-01T00:00:00.000Z' } });
    const rec = em.calls.at(-1)!;
    expect(rec).toMatchObject({ api: 'echo', name: 'echo', ok: true });
    expect(rec.answeredAt! >= rec.startedAt).toBe(true);
    em.clearCalls();
    expect(em.calls).toHaveLength(0);
  });

  it('keeps at most logLimit calls', async () => {
    const em = setupAutoEmulator({ logLimit: 3 });
    em.use('alert', () => ({}));
    for (let i = 0; i < 5; i++) await alert({ content: String(i) });
    expect(em.calls.map((c) => c.params['content'])).toEqual(['2', '3', '4']);
  });

  it('latency delays every answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const em = setupAutoEmulator({ latency: 1000 });
    em.use('alert', () => ({}));
    let done = false;
    const p = alert({}).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(900);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await p;
    expect(done).toBe(true);
  });

  it('is marked as emulated and carries startupParams', () => {
    setupAutoEmulator({ appId: 'my-app', startupParams: { query: 'a=1' } });
    expect(getEnvironment()).toMatchObject({ bridge: true, emulated: true, host: 'superqi' });
    expect((window as unknown as { AlipayJSBridge: { startupParams: unknown } }).AlipayJSBridge.startupParams).toEqual({
      appId: 'my-app',
      query: 'a=1',
    });
  });
});

describe('host events', () => {
  it('emit dispatches on document with data; back can be cancelled', () => {
    const em = setupAutoEmulator();
    const got: unknown[] = [];
    const off = on('resume', (e) => got.push(e.data));
    em.emit('resume', { from: 'payment' });
    off();
    em.emit('resume', 'ignored');
    expect(got).toEqual([{ from: 'payment' }]);
    const offBack = on('back', (e) => e.preventDefault());
    expect(em.emit('back')).toBe(false);
    offBack();
    expect(em.emit('back')).toBe(true);
  });
});
