/**
 * The emulator linked to a sandbox wallet (`sandbox: url`), against a fake wallet API on 127.0.0.1:
 * the emulated user is the wallet's, getAuthCode's codes are the wallet's, the cashier and the signing
 * page show the wallet's payment and contract and the wallet answers the user's choice; an unreachable
 * wallet gives the documented failures.
 */
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAuthCode, getDeviceInfo, qicardSignContract, tradePay } from '../../src/index.js';
import { install, uninstall } from '../../src/emulator/index.js';
import { memoryStorage } from '../../src/emulator/engine.js';
import { filsToIqdText } from '../../src/emulator/sandbox-wallet.js';
import type { DomUi } from '../../src/emulator/ui/dom-ui.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';
import type { CashierChoice, EmulatorUi, SigningChoice } from '../../src/emulator/ui/contract.js';
import { autoUiWith, rawCall, rejection, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';
import { BUSINESS, CUSTOMER, MERCHANT, startFakeWallet, type FakeWallet } from '../support/fake-wallet.js';
import { watchPageConsole } from '../support/page-console.js';

const pageConsole = watchPageConsole();

let wallet: FakeWallet;
beforeAll(async () => {
  wallet = await startFakeWallet();
});
afterAll(() => wallet.close());
afterEach(() => {
  teardownEmulator();
  wallet.requests.length = 0;
});

const setup = (options: EmulatorOptions = {}, ui: Partial<EmulatorUi> = {}) => setupAutoEmulator({ sandbox: wallet.url, ...options }, autoUiWith(ui));
const posts = (path: string) => wallet.requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.body);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('options', () => {
  it('sandbox must be an http(s) URL: a TypeError naming the option, before any UI', () => {
    for (const bad of ['', 'ftp://x', '127.0.0.1:4000', 42]) {
      expect(() => install({ ui: 'dom', sandbox: bad as string })).toThrow(/option `sandbox` must be the sandbox wallet's http\(s\) URL/);
    }
    expect(document.querySelector('superqi-emulator')).toBeNull();
  });

  it('without sandbox nothing is fetched', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    setupAutoEmulator();
    await getAuthCode({ scopes: ['USER_ID'] });
    await tradePay({ paymentUrl: `${wallet.url}/cashier?paymentId=P0` });
    await qicardSignContract({ authUrl: `${wallet.url}/sign?authId=A0` });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(wallet.requests).toEqual([]);
  });
});

describe('the emulated user is a sandbox user', () => {
  it('the default user: the session is read at install and its role becomes the profile role', async () => {
    const em = setup({ profile: { role: 'business' } });
    expect((await getDeviceInfo()).currentRole).toBe('customer');
    expect(em.profile.role).toBe('customer');
    expect(wallet.requests[0]).toEqual({ method: 'GET', path: '/wallet-api/session' });
  });

  it('sandboxUser picks the user: a business user makes the profile business, also after reset()', async () => {
    const em = setup({ sandboxUser: BUSINESS.userId });
    expect((await getDeviceInfo()).currentRole).toBe('business');
    em.reset();
    expect(em.profile.role).toBe('business');
    const r = await getAuthCode({ scopes: ['MERCHANT_ID'] });
    expect(posts('/wallet-api/auth-codes')).toEqual([{ userId: BUSINESS.userId, grantedScopes: ['MERCHANT_ID'] }]);
    expect(r.authCode).toMatch(/^WALLET\d+$/);
  });

  it('an unknown sandboxUser: getAuthCode error 3 naming the user', async () => {
    setup({ sandboxUser: 'nobody' });
    const e = await rejection(getAuthCode({ scopes: ['USER_ID'] }));
    expect(e).toMatchObject({ code: 3 });
    expect(e.message).toContain('sandboxUser "nobody" is not a user of the sandbox');
  });
});

describe('getAuthCode', () => {
  it('silent scopes: no consent UI, the wallet issues the code for the granted scopes', async () => {
    const consent = vi.fn(async () => true);
    setup({}, { consent });
    const r = await rawCall(undefined, 'getAuthCode', { scopes: ['USER_ID', 'auth_base'] });
    expect(consent).not.toHaveBeenCalled();
    expect(r).toEqual({ authCode: expect.stringMatching(/^WALLET\d+$/), authSuccessScopes: ['USER_ID', 'auth_base'] });
    expect(posts('/wallet-api/auth-codes')).toEqual([{ userId: CUSTOMER.userId, grantedScopes: ['USER_ID', 'auth_base'] }]);
  });

  it('consent scopes: granted ones are recorded with the wallet; scopes of the other role are reported, not sent', async () => {
    const consent = vi.fn(async () => true);
    setup({}, { consent });
    const r = await rawCall(undefined, 'getAuthCode', { scopes: ['auth_user', 'MERCHANT_NAME'] });
    expect(consent).toHaveBeenCalledWith({ scopes: ['auth_user'], appName: 'Emulated Miniapp', role: 'customer' });
    expect(r).toMatchObject({ authSuccessScopes: ['auth_user'], authErrorScopes: { MERCHANT_NAME: '10001' } });
    expect(posts('/wallet-api/auth-codes')).toEqual([{ userId: CUSTOMER.userId, grantedScopes: ['auth_user'] }]);
  });

  it('consent refused: 1001 and nothing is asked of the wallet', async () => {
    setup({}, { consent: async () => false });
    expect(await rawCall(undefined, 'getAuthCode', { scopes: ['USER_NAME'] })).toMatchObject({ error: 1001, authErrorScopes: { USER_NAME: '10001' } });
    expect(posts('/wallet-api/auth-codes')).toEqual([]);
  });
});

describe('tradePay', () => {
  it('the cashier shows the wallet’s merchant, order and amount in IQD; the choice is posted and its resultCode answered', async () => {
    const cashier = vi.fn(async (): Promise<CashierChoice> => 'fail');
    setup({}, { cashier });
    const paymentUrl = wallet.addPayment({ paymentId: 'P1', orderDescription: 'Two books', paymentAmount: { currency: 'IQD', value: '1234500' } });
    expect(await rawCall(undefined, 'tradePay', { paymentUrl })).toEqual({ resultCode: '4000' });
    expect(cashier).toHaveBeenCalledWith({ paymentUrl, orderId: 'P1', amount: '1,234.5', merchantName: MERCHANT.merchantName, description: 'Two books' });
    expect(posts('/wallet-api/payments/decide')).toEqual([{ paymentId: 'P1', userId: CUSTOMER.userId, decision: 'fail' }]);
  });

  it.each([
    ['cancel', '6001'],
    ['pending', '8000'],
  ] as const)('%s → the wallet answers %s', async (choice, code) => {
    setup({}, { cashier: async () => choice });
    const paymentUrl = wallet.addPayment({ paymentId: `P-${choice}` });
    expect(await rawCall(undefined, 'tradePay', { paymentUrl })).toEqual({ resultCode: code });
  });

  it('auto mode pays: 9000 through the wrapper, and the wallet has the payment paid', async () => {
    setup();
    const paymentUrl = wallet.addPayment({ paymentId: 'P2' });
    expect(await tradePay({ paymentUrl })).toMatchObject({ resultCode: '9000', status: 'success' });
    expect(posts('/wallet-api/payments/decide')).toEqual([{ paymentId: 'P2', userId: CUSTOMER.userId, decision: 'pay' }]);
  });

  it('a URL the wallet does not know (any origin): 4000 with a warning naming the failure; no cashier opens', async () => {
    const cashier = vi.fn(async (): Promise<CashierChoice> => 'pay');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setup({}, { cashier });
    for (const paymentUrl of ['https://wallet.example/cashier?orderId=X9&amount=250', `${wallet.url}/cashier?paymentId=nope`]) {
      expect(await rawCall(undefined, 'tradePay', { paymentUrl })).toEqual({ resultCode: '4000' });
    }
    expect(cashier).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the sandbox wallet said: payment not found'));
    expect(posts('/wallet-api/payments/decide')).toEqual([]);
    // happy-dom logs the wallet's 404s on the page console, as a browser would.
    pageConsole.expectLines(/GET .*\/wallet-api\/payments\?paymentUrl=https%3A%2F%2Fwallet\.example.* 404/, /GET .*\/wallet-api\/payments\?paymentUrl=.*paymentId%3Dnope 404/);
  });

  it('fils to IQD text', () => {
    expect(filsToIqdText('100000')).toBe('100');
    expect(filsToIqdText('1234567')).toBe('1,234.567');
    expect(filsToIqdText('5')).toBe('0.005');
  });
});

describe('qicardSignContract', () => {
  it('the signing page shows the contract; sign answers the wallet’s authCode', async () => {
    const signing = vi.fn(async (): Promise<SigningChoice> => 'sign');
    setup({}, { signing });
    const authUrl = wallet.addContract({ authId: 'A1', contractDesc: 'Monthly plan, 5,000 IQD' });
    expect(await rawCall(undefined, 'qicardSignContract', { authUrl })).toEqual({ authCode: expect.stringMatching(/^SIGNED\d+$/) });
    expect(signing).toHaveBeenCalledWith({ authUrl, merchantName: MERCHANT.merchantName, contractDesc: 'Monthly plan, 5,000 IQD' });
    expect(posts('/wallet-api/contracts/decide')).toEqual([{ authId: 'A1', userId: CUSTOMER.userId, decision: 'sign' }]);
  });

  it.each([
    ['cancel', '6001'],
    ['network-error', '6002'],
    ['fail', '6003'],
  ] as const)('%s → errorCode %s from the wallet', async (choice, code) => {
    setup({}, { signing: async () => choice });
    const authUrl = wallet.addContract({ authId: `A-${choice}` });
    expect(await rawCall(undefined, 'qicardSignContract', { authUrl })).toMatchObject({ errorCode: code });
    expect(posts('/wallet-api/contracts/decide')).toEqual([{ authId: `A-${choice}`, userId: CUSTOMER.userId, decision: choice }]);
  });

  it('auto mode signs through the wrapper', async () => {
    setup();
    const authUrl = wallet.addContract({ authId: 'A2' });
    expect((await qicardSignContract({ authUrl })).authCode).toMatch(/^SIGNED\d+$/);
  });

  it('an authUrl the wallet does not know: 6003 with the wallet’s message', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    setup();
    const e = await rejection(qicardSignContract({ authUrl: 'https://wallet.example/authorize?authId=Z' }));
    expect(e).toMatchObject({ code: '6003' });
    expect(e.message).toContain('contract not found');
    expect(posts('/wallet-api/contracts/decide')).toEqual([]);
    pageConsole.expectLines(/GET .*\/wallet-api\/contracts\?authUrl=.*authId%3DZ 404/);
  });
});

describe('the sandbox unreachable', () => {
  it('getAuthCode error 3 saying so, tradePay 6002, qicardSignContract 6002; getDeviceInfo still answers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const url = `http://127.0.0.1:${await closedPort()}`;
    setup({ sandbox: url });
    const e = await rejection(getAuthCode({ scopes: ['USER_ID'] }));
    expect(e).toMatchObject({ code: 3 });
    expect(e.message).toContain(`the sandbox wallet at ${url} is unreachable`);
    expect(await rawCall(undefined, 'tradePay', { paymentUrl: `${url}/cashier?paymentId=P1` })).toEqual({ resultCode: '6002' });
    expect(await rawCall(undefined, 'qicardSignContract', { authUrl: `${url}/sign?authId=A1` })).toMatchObject({ errorCode: '6002' });
    expect((await getDeviceInfo()).currentRole).toBe('customer');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unreachable'));
    pageConsole.expectEvery(/ECONNREFUSED/);
  });

  it('a wallet that comes up later is used on the next call (the session is asked again)', async () => {
    const port = await closedPort();
    setup({ sandbox: `http://127.0.0.1:${port}` });
    await rejection(getAuthCode({ scopes: ['USER_ID'] }));
    pageConsole.expectEvery(/ECONNREFUSED/);
    const late = await startFakeWallet(port);
    try {
      expect((await getAuthCode({ scopes: ['USER_ID'] })).authCode).toMatch(/^WALLET\d+$/);
      expect(late.requests.map((r) => r.path)).toEqual(['/wallet-api/session', '/wallet-api/auth-codes']);
    } finally {
      await late.close();
    }
  });
});

describe('dom mode', () => {
  afterEach(() => {
    uninstall();
    document.body.replaceChildren();
  });

  it('the cashier sheet shows merchant, order description and amount as text; clicking Pay answers 9000', async () => {
    const em = install({ ui: 'dom', storage: memoryStorage(), sandbox: wallet.url });
    const paymentUrl = wallet.addPayment({ paymentId: 'P3', orderDescription: '<b>Tea</b> ×2', paymentAmount: { currency: 'IQD', value: '7500' } });
    const paid = tradePay({ paymentUrl });
    const root = (em.ui as DomUi).root;
    let sheet: HTMLElement | null = null;
    for (let i = 0; i < 500 && !sheet; i++) {
      sheet = root.querySelector<HTMLElement>('[data-dialog="cashier"]');
      if (!sheet) await new Promise((r) => setTimeout(r, 2));
    }
    expect(sheet).not.toBeNull();
    const text = sheet!.textContent ?? '';
    expect(text).toContain('Test Merchant');
    expect(text).toContain('<b>Tea</b> ×2');
    expect(sheet!.querySelector('b')).toBeNull();
    expect(text).toContain('7.5');
    sheet!.querySelector<HTMLButtonElement>('[data-action="pay"]')!.click();
    expect(await paid).toMatchObject({ resultCode: '9000' });
  });
});
