/**
 * The emulator's default answers for the Essential APIs, through the library's wrappers (and the raw
 * bridge where a page could bypass the wrappers' checks).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BUSINESS_SCOPES,
  CUSTOMER_SCOPES,
  getAuthCode,
  getDeviceInfo,
  HostError,
  InvalidParamsError,
  navigateBackMiniProgram,
  navigateToMiniProgram,
  qicardShareAppMessage,
  qicardSignContract,
  SILENT_SCOPES,
  tradePay,
  UnsupportedError,
  UserCancelledError,
} from '../../src/index.js';
import { AUTH_CODE_PATTERN, newAuthCode, newSigningAuthCode, SIGNING_AUTH_CODE_PATTERN } from '../../src/emulator/handlers/auth-codes.js';
import { cashierDetails, navigationsOf } from '../../src/emulator/handlers/essential.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';
import { createAutoUi } from '../../src/emulator/ui/auto-ui.js';
import type { CashierChoice, EmulatorUi, SigningChoice } from '../../src/emulator/ui/contract.js';
import { rawCall as raw, rejection, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(teardownEmulator);

/** An auto UI with some answers replaced. */
const uiWith = (changes: Partial<EmulatorUi>): EmulatorUi => ({ ...createAutoUi(), ...changes });

const setup = (options: EmulatorOptions = {}, changes: Partial<EmulatorUi> = {}) => setupAutoEmulator(options, uiWith(changes));

describe('auth codes', () => {
  it('getAuthCode codes look like the docs example and differ every time', () => {
    expect('0000000001T1dc0W0tv44B0BD00007826').toMatch(AUTH_CODE_PATTERN);
    const codes = new Set(Array.from({ length: 50 }, newAuthCode));
    expect(codes.size).toBe(50);
    for (const c of codes) {
      expect(c).toMatch(AUTH_CODE_PATTERN);
      expect(c).toHaveLength('0000000001T1dc0W0tv44B0BD00007826'.length);
    }
  });

  it('signing codes are 32 upper-case hex characters like the docs example', () => {
    expect('663A8FA9D83648EE8AA11FF682989DC7').toMatch(SIGNING_AUTH_CODE_PATTERN);
    const codes = new Set(Array.from({ length: 50 }, newSigningAuthCode));
    expect(codes.size).toBe(50);
    for (const c of codes) expect(c).toMatch(SIGNING_AUTH_CODE_PATTERN);
  });
});

describe('getAuthCode', () => {
  it('grants silent scopes without a consent screen', async () => {
    const consent = vi.fn(async () => true);
    setup({}, { consent });
    const res = await getAuthCode({ scopes: ['auth_base', 'USER_ID', 'USER_LOGIN_ID', 'HASH_LOGIN_ID'] });
    expect(consent).not.toHaveBeenCalled();
    expect(res.authCode).toMatch(AUTH_CODE_PATTERN);
    expect(res.authSuccessScopes).toEqual(['auth_base', 'USER_ID', 'USER_LOGIN_ID', 'HASH_LOGIN_ID']);
    expect(res).not.toHaveProperty('authErrorScopes');
    expect(Object.keys(res).sort()).toEqual(['authCode', 'authSuccessScopes']);
  });

  it('answers a new authCode on every call', async () => {
    setup();
    const a = await getAuthCode({ scopes: ['auth_base'] });
    const b = await getAuthCode({ scopes: ['auth_base'] });
    expect(a.authCode).not.toBe(b.authCode);
  });

  it('asks consent for the non-silent scopes only, with the app name and role', async () => {
    const consent = vi.fn(async () => true);
    setup({ profile: { appName: 'Qi Shop' } }, { consent });
    const res = await getAuthCode({ scopes: ['auth_base', 'USER_NAME', 'USER_AVATAR'] });
    expect(consent).toHaveBeenCalledTimes(1);
    expect(consent).toHaveBeenCalledWith({ scopes: ['USER_NAME', 'USER_AVATAR'], appName: 'Qi Shop', role: 'customer' });
    expect(res.authSuccessScopes).toEqual(['auth_base', 'USER_NAME', 'USER_AVATAR']);
  });

  it('refused consent is 1001 (UserCancelledError) with authErrorScopes for each refused scope', async () => {
    setup({}, { consent: async () => false });
    const e = await rejection(getAuthCode({ scopes: ['auth_base', 'auth_user', 'USER_NAME'] }));
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(1001);
    expect(e.errorMessage).toBe('ERROR_CODE_USER_CANCEL');
    expect(e.authErrorScopes).toEqual({ auth_user: '10001', USER_NAME: '10001' });
  });

  it('the fail callback gets authErrorScopes, as the docs sample reads it', async () => {
    setup({}, { consent: async () => false });
    const fail = vi.fn();
    await getAuthCode({ scopes: ['auth_user'], fail }).catch(() => undefined);
    expect(fail).toHaveBeenCalledTimes(1);
    expect((fail.mock.calls[0]![0] as HostError).authErrorScopes).toEqual({ auth_user: '10001' });
  });

  it('every customer scope is accepted for a customer', async () => {
    setup();
    const res = await getAuthCode({ scopes: [...CUSTOMER_SCOPES] });
    expect(res.authSuccessScopes).toEqual([...CUSTOMER_SCOPES]);
  });

  it("NOTIFICATION_PUSH is granted to a customer too (Qi's demo asks it before sendPush), after consent", async () => {
    const consent = vi.fn(async (_o: { scopes: readonly string[]; role: string }) => true);
    setup({}, { consent });
    const res = await getAuthCode({ scopes: ['auth_base', 'USER_ID', 'NOTIFICATION_PUSH'] });
    expect(res).toEqual({ authCode: expect.stringMatching(AUTH_CODE_PATTERN), authSuccessScopes: ['auth_base', 'USER_ID', 'NOTIFICATION_PUSH'] });
    expect(consent.mock.calls[0]![0]).toMatchObject({ scopes: ['NOTIFICATION_PUSH'], role: 'customer' });
  });

  it('every business scope is accepted for a business user, with role business on the consent screen', async () => {
    const consent = vi.fn(async (_o: { scopes: readonly string[]; role: string }) => true);
    setup({ profile: { role: 'business' } }, { consent });
    const res = await getAuthCode({ scopes: [...BUSINESS_SCOPES] });
    expect(res.authSuccessScopes).toEqual([...BUSINESS_SCOPES]);
    const asked = consent.mock.calls[0]![0];
    expect(asked.role).toBe('business');
    expect(asked.scopes).toEqual(BUSINESS_SCOPES.filter((s) => !(SILENT_SCOPES as readonly string[]).includes(s)));
  });

  it('MERCHANT_ID is silent for a business user', async () => {
    const consent = vi.fn(async (_o: { scopes: readonly string[]; role: string }) => true);
    setup({ profile: { role: 'business' } }, { consent });
    await expect(getAuthCode({ scopes: ['auth_base', 'MERCHANT_ID'] })).resolves.toMatchObject({
      authSuccessScopes: ['auth_base', 'MERCHANT_ID'],
    });
    expect(consent).not.toHaveBeenCalled();
  });

  it('only scopes of other roles: 1002 with authErrorScopes', async () => {
    setup();
    const e = await rejection(getAuthCode({ scopes: ['MERCHANT_ID', 'MERCHANT_NAME'] }));
    expect(e).toBeInstanceOf(HostError);
    expect(e).not.toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(1002);
    expect(e.authErrorScopes).toEqual({ MERCHANT_ID: '10001', MERCHANT_NAME: '10001' });
    expect(e.errorMessage).toMatch(/customer/);
  });

  it('a customer scope asked by a business user is reported in authErrorScopes next to the granted ones', async () => {
    const consent = vi.fn(async (_o: { scopes: readonly string[]; role: string }) => true);
    setup({ profile: { role: 'business' } }, { consent });
    const res = await getAuthCode({ scopes: ['auth_base', 'USER_NAME', 'MERCHANT_NAME'] });
    expect(res.authCode).toMatch(AUTH_CODE_PATTERN);
    expect(res.authSuccessScopes).toEqual(['auth_base', 'MERCHANT_NAME']);
    expect(res.authErrorScopes).toEqual({ USER_NAME: '10001' });
    expect(consent).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['MERCHANT_NAME'] }));
  });

  it('follows setProfile role changes', async () => {
    const em = setup();
    await expect(getAuthCode({ scopes: ['USER_NAME'] })).resolves.toHaveProperty('authCode');
    em.setProfile({ role: 'business' });
    expect((await rejection(getAuthCode({ scopes: ['USER_NAME'] }))).code).toBe(1002);
  });

  it('refusal also lists scopes rejected for the role', async () => {
    setup({}, { consent: async () => false });
    const e = await rejection(getAuthCode({ scopes: ['USER_NAME', 'MERCHANT_LOGO'] }));
    expect(e.code).toBe(1001);
    expect(e.authErrorScopes).toEqual({ MERCHANT_LOGO: '10001', USER_NAME: '10001' });
  });

  it('repeated scopes are asked and granted once', async () => {
    const consent = vi.fn(async () => true);
    setup({}, { consent });
    const res = await getAuthCode({ scopes: ['USER_NAME', 'USER_NAME', 'auth_base', 'auth_base'] });
    expect(res.authSuccessScopes).toEqual(['USER_NAME', 'auth_base']);
    expect(consent).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['USER_NAME'] }));
  });

  it('missing or non-array scopes: the library refuses before the host', async () => {
    setup();
    await expect(getAuthCode({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(getAuthCode({ scopes: 'auth_base' } as never)).rejects.toBeInstanceOf(InvalidParamsError);
  });

  it('an empty array or non-string scopes: the host answers 2', async () => {
    setup();
    const empty = await rejection(getAuthCode({ scopes: [] }));
    expect(empty).toBeInstanceOf(HostError);
    expect(empty.code).toBe(2);
    expect(empty.errorMessage).toMatch(/scopes/);
    expect((await rejection(getAuthCode({ scopes: [1, 'auth_base'] as never }))).code).toBe(2);
    expect((await rejection(getAuthCode({ scopes: [''] as never }))).code).toBe(2);
  });

  it('a raw call with a string scopes answers error 2', async () => {
    const em = setup();
    await expect(raw(em, 'getAuthCode', { scopes: 'auth_base' })).resolves.toMatchObject({ error: 2 });
    await expect(raw(em, 'getAuthCode')).resolves.toMatchObject({ error: 2 });
  });

  it('accepts the classic scopeNicks name on the raw bridge', async () => {
    const em = setup();
    const res = await raw(em, 'getAuthCode', { scopeNicks: ['auth_base'] });
    expect(res['authCode']).toMatch(AUTH_CODE_PATTERN);
    expect(res['authSuccessScopes']).toEqual(['auth_base']);
  });

  it('other documented codes come from scenarios (em.use)', async () => {
    const em = setup();
    em.use('getAuthCode', (ctx) => ({ ...ctx.fail(2001), authErrorScopes: { AGREEMENT_PAY: '2001' } }), { once: true });
    const e = await rejection(getAuthCode({ scopes: ['AGREEMENT_PAY'] }));
    expect(e.code).toBe(2001);
    expect(e.errorMessage).toBe('ERRORLCODE_AUTH_PENDING_AGREEMENT');
    await expect(getAuthCode({ scopes: ['AGREEMENT_PAY'] })).resolves.toHaveProperty('authCode');
  });
});

describe('qicardSignContract', () => {
  it('sign answers an authCode of 32 upper-case hex characters; the signing page gets authUrl', async () => {
    const signing = vi.fn(async (): Promise<SigningChoice> => 'sign');
    setup({}, { signing });
    const res = await qicardSignContract({ authUrl: 'https://xxxxx.wallet.iq?authId=abc', extParams: { subClientId: 'x' } });
    expect(Object.keys(res)).toEqual(['authCode']);
    expect(res.authCode).toMatch(SIGNING_AUTH_CODE_PATTERN);
    expect(res.authCode.length).toBeLessThanOrEqual(32);
    expect(signing).toHaveBeenCalledWith({ authUrl: 'https://xxxxx.wallet.iq?authId=abc' });
  });

  it.each([
    ['cancel', '6001', UserCancelledError, 'User cancelled the signing process.'],
    ['network-error', '6002', HostError, 'Network exception prevented signing.'],
    ['fail', '6003', HostError, 'Signing failed due to service error.'],
  ] as const)('%s → errorCode %s', async (choice, code, Kind, message) => {
    const em = setup({}, { signing: async () => choice });
    const e = await rejection(qicardSignContract({ authUrl: 'https://w/sign' }));
    expect(e).toBeInstanceOf(Kind);
    expect(e.code).toBe(code);
    expect(e.errorMessage).toBe(message);
    // The host's own payload: a string errorCode, no numeric error, as the page documents.
    const answer = await raw(em, 'qicardSignContract', { authUrl: 'https://w/sign' });
    expect(answer).toEqual({ errorCode: code, errorMessage: message });
  });

  it('the documented usage check passes on success', async () => {
    const em = setup();
    const res = await raw(em, 'qicardSignContract', { authUrl: 'https://w/sign', extParams: {} });
    expect(!res['error'] && !res['errorCode'] && res['authCode']).toBeTruthy();
  });

  it('missing authUrl: the library refuses; a raw call gets errorCode 6003', async () => {
    const em = setup();
    await expect(qicardSignContract({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    const answer = await raw(em, 'qicardSignContract', { authUrl: '' });
    expect(answer['errorCode']).toBe('6003');
    expect(answer['errorMessage']).toMatch(/authUrl/);
    expect(answer).not.toHaveProperty('error');
  });

  it('is unsupported (error 1) below host version 1.24.6', async () => {
    setup({ profile: { version: '1.24.5' } });
    const e = await rejection(qicardSignContract({ authUrl: 'https://w/sign' }));
    expect(e).toBeInstanceOf(UnsupportedError);
    expect(e.code).toBe(1);
  });
});

describe('tradePay', () => {
  const url = 'https://www.wallet.com/cashier?orderId=ORD-123&amount=15000';

  it('pay → 9000 success; the cashier gets the URL, order id and amount', async () => {
    const cashier = vi.fn(async (): Promise<CashierChoice> => 'pay');
    setup({}, { cashier });
    await expect(tradePay({ paymentUrl: url })).resolves.toEqual({ resultCode: '9000', status: 'success' });
    expect(cashier).toHaveBeenCalledWith({ paymentUrl: url, orderId: 'ORD-123', amount: '15000' });
  });

  it.each([
    ['pay', '9000', 'success'],
    ['pending', '8000', 'processing'],
    ['fail', '4000', 'failed'],
    ['cancel', '6001', 'cancelled'],
  ] as const)('cashier %s → resultCode %s (%s)', async (choice, resultCode, status) => {
    const em = setup({}, { cashier: async () => choice });
    await expect(tradePay({ paymentUrl: url })).resolves.toEqual({ resultCode, status });
    // The host's payload is exactly the documented one.
    await expect(raw(em, 'tradePay', { paymentUrl: url })).resolves.toEqual({ resultCode });
  });

  it('failed and cancelled payments go to the fail callback with the result, as pages expect', async () => {
    setup({}, { cashier: async () => 'cancel' });
    const success = vi.fn();
    const fail = vi.fn();
    await tradePay({ paymentUrl: url, success, fail });
    expect(success).not.toHaveBeenCalled();
    expect(fail).toHaveBeenCalledWith({ resultCode: '6001', status: 'cancelled' });
  });

  it('6002 and 6004 come from scenarios', async () => {
    const em = setup();
    em.preset('offline');
    await expect(tradePay({ paymentUrl: url })).resolves.toEqual({ resultCode: '6002', status: 'network-error' });
    em.reset();
    em.use('tradePay', () => ({ resultCode: '6004' }) as never, { once: true });
    await expect(tradePay({ paymentUrl: url })).resolves.toEqual({ resultCode: '6004', status: 'unknown' });
  });

  it('without a paymentUrl there is nothing to pay: 4000, and a console warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cashier = vi.fn(async (): Promise<CashierChoice> => 'pay');
    const em = setup({}, { cashier });
    await expect(tradePay()).resolves.toEqual({ resultCode: '4000', status: 'failed' });
    await expect(tradePay({ paymentUrl: '  ' })).resolves.toEqual({ resultCode: '4000', status: 'failed' });
    await expect(raw(em, 'tradePay', { paymentUrl: 42 })).resolves.toEqual({ resultCode: '4000' });
    expect(cashier).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0]![0])).toMatch(/paymentUrl/);
  });

  it('a URL without order details opens the cashier without them', async () => {
    const cashier = vi.fn(async (): Promise<CashierChoice> => 'pay');
    setup({}, { cashier });
    await tradePay({ paymentUrl: 'https://www.wallet.com/cashier' });
    expect(cashier).toHaveBeenCalledWith({ paymentUrl: 'https://www.wallet.com/cashier' });
  });

  it('reads the common query names for order id and amount', () => {
    expect(cashierDetails('https://w/c?orderId=xxxxxxx')).toEqual({ orderId: 'xxxxxxx' });
    expect(cashierDetails('https://w/c?paymentId=P1&totalAmount=100')).toEqual({ orderId: 'P1', amount: '100' });
    expect(cashierDetails('https://w/c?order_id=A&total_amount=2.5')).toEqual({ orderId: 'A', amount: '2.5' });
    expect(cashierDetails('/cashier?orderNo=7')).toEqual({ orderId: '7' });
    expect(cashierDetails('https://w/c?orderId=&amount=')).toEqual({});
  });
});

describe('getDeviceInfo', () => {
  it('answers the documented fields, all strings, from the default profile', async () => {
    setup();
    const info = await getDeviceInfo();
    expect(info).toEqual({
      language: 'en-US',
      isProdEnv: 'false',
      currentRole: 'customer',
      systemInfo: 'Android 15',
      hardwareInfo: 'HONOR_PGT-AN00',
      loginTime: expect.stringMatching(/^\d+$/),
    });
    for (const v of Object.values(info)) expect(typeof v).toBe('string');
    expect(Number(info.loginTime)).toBeLessThanOrEqual(Date.now());
  });

  it('loginTime stays the same across calls', async () => {
    setup();
    const a = await getDeviceInfo();
    const b = await getDeviceInfo();
    expect(b.loginTime).toBe(a.loginTime);
  });

  it('follows the profile: Arabic, production, business, iOS', async () => {
    setup({
      profile: { language: 'ar', production: true, role: 'business', device: { platform: 'iOS', system: 'iOS 17', model: 'iPhone15,2', brand: 'Apple' } },
    });
    await expect(getDeviceInfo()).resolves.toMatchObject({
      language: 'ar-IQ',
      isProdEnv: 'true',
      currentRole: 'business',
      systemInfo: 'iOS 17',
      hardwareInfo: 'iPhone15,2',
    });
  });

  it('answers the H5+ form AlipayJSBridge.call("getDeviceInfo", {}, cb)', async () => {
    const em = setup();
    await expect(raw(em, 'getDeviceInfo')).resolves.toMatchObject({ currentRole: 'customer', isProdEnv: 'false' });
  });
});

describe('navigateToMiniProgram / navigateBackMiniProgram', () => {
  it('answer {} and are recorded for navigationsOf', async () => {
    const em = setup();
    expect(navigationsOf(em)).toEqual([]);
    await expect(navigateToMiniProgram({ appId: '2021000000000001', path: 'pages/index', extraData: { data1: 'test' } })).resolves.toEqual({});
    await expect(navigateToMiniProgram({ appId: 'other' })).resolves.toEqual({});
    await expect(navigateBackMiniProgram({ extraData: { data1: 'back' } })).resolves.toEqual({});
    await expect(navigateBackMiniProgram()).resolves.toEqual({});
    const list = navigationsOf(em);
    expect(list).toHaveLength(4);
    expect(list[0]).toEqual({ kind: 'to', appId: '2021000000000001', path: 'pages/index', extraData: { data1: 'test' }, at: expect.any(Number) });
    expect(list[1]).toEqual({ kind: 'to', appId: 'other', at: expect.any(Number) });
    expect(list[2]).toEqual({ kind: 'back', extraData: { data1: 'back' }, at: expect.any(Number) });
    expect(list[3]).toEqual({ kind: 'back', at: expect.any(Number) });
  });

  it('records are per emulator', async () => {
    const first = setup();
    await navigateToMiniProgram({ appId: 'a' });
    const second = setup();
    expect(navigationsOf(second)).toEqual([]);
    expect(navigationsOf(first)).toHaveLength(1);
  });

  it('appId is required: the library refuses; a raw call with an empty appId gets 2', async () => {
    const em = setup();
    await expect(navigateToMiniProgram({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(raw(em, 'navigateToMiniProgram', { appId: '' })).resolves.toMatchObject({ error: 2 });
    expect((await rejection(navigateToMiniProgram({ appId: ' ' }))).code).toBe(2);
    expect(navigationsOf(em)).toEqual([]);
  });
});

describe('qicardShareAppMessage', () => {
  it('shared → { shareResult: true }; the sheet gets the share content', async () => {
    const share = vi.fn(async () => true);
    setup({}, { share });
    const params = { title: 'Demo Share Title', desc: 'Tap to open!', path: 'share.html', imageUrl: 'https://x/i.png' };
    await expect(qicardShareAppMessage(params)).resolves.toEqual({ shareResult: true });
    expect(share).toHaveBeenCalledWith(params);
  });

  it('not shared → { shareResult: false } (a success)', async () => {
    setup({}, { share: async () => false });
    await expect(qicardShareAppMessage({ title: 't' })).resolves.toEqual({ shareResult: false });
  });

  it('works with callbacks embedded in params, as the docs sample calls it', async () => {
    const em = setup();
    const result = await new Promise((resolve, reject) =>
      em.bridge.call('qicardShareAppMessage', { title: 'Demo', path: 'share.html', success: resolve, fail: reject } as object),
    );
    expect(result).toEqual({ shareResult: true });
  });

  it('title is required: the library refuses; a raw call gets 2', async () => {
    const em = setup();
    await expect(qicardShareAppMessage({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(raw(em, 'qicardShareAppMessage', { desc: 'x' })).resolves.toMatchObject({ error: 2 });
    expect((await rejection(qicardShareAppMessage({ title: '' }))).code).toBe(2);
  });
});
