// @vitest-environment node
/**
 * The four flows of 02-flows end to end in Chromium, with no phone and no credentials: the sandbox
 * wallet (startSandbox in a temp dir), the test merchant backend as its own process (written from
 * 01-guide/11-Backend, configured only by the sandbox's `.env`), and a page on the two script tags
 * (emulator linked with `SuperQiEmulatorConfig.sandbox`, then the shim) doing the JSAPI side with
 * `my.*` callbacks and `AlipayJSBridge.call`, as real pages do. Needs `npm run build` first. (The
 * scripts sit in <body>: the phone frame of `ui: 'dom'` needs a body to go into.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, WALLET_API, type Sandbox, type WalletSession } from '../../src/sandbox/index.js';
import { launchChromium, serve } from '../support/browser.js';
import { startBackendProcess, type BackendProcess } from '../support/merchant-backend-process.js';
import { Merchant, readEnv } from '../sandbox/merchant.js';

/** The miniapp page: config from the query (`?ui=dom|auto`), then the script tags, then its flows as `window.flows`. */
const page = (sandboxUrl: string, backendUrl: () => string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>
  const ui = new URLSearchParams(location.search).get('ui') || 'auto';
  window.SuperQiEmulatorConfig = { ui, appId: 'sandbox-flows', sandbox: ${JSON.stringify(sandboxUrl)}, profile: { appName: 'Flows Test' } };
</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
<script>
  const BACKEND = ${JSON.stringify(backendUrl())};
  const api = (path, body) =>
    fetch(BACKEND + path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}).then((r) => r.json());
  // my.* with callbacks, as pages written for the closed SDK call it.
  const jsapi = (name, params) =>
    new Promise((resolve) => my[name]({ ...params, success: (r) => resolve({ ok: true, ...r }), fail: (e) => resolve({ ok: false, ...e }) }));
  window.flows = {
    // Authentication: getAuthCode → backend applyToken → inquiryUserInfo.
    async login(scopes) {
      const auth = await jsapi('getAuthCode', { scopes });
      if (!auth.ok) return { auth };
      return { auth, session: await api('/api/auth/apply-token', { authCode: auth.authCode }) };
    },
    // Cashier (or escrow): backend pay → tradePay with the redirection URL.
    async pay(token, amount, description, escrow) {
      const created = await api('/api/payment/create', { token, amount, description, escrow });
      if (!created.success) return { created };
      return { created, trade: await jsapi('tradePay', { paymentUrl: created.paymentUrl }) };
    },
    // Agreement: backend prepare → qicardSignContract (AlipayJSBridge.call, as the docs show) → applyToken → agreement pay.
    async agreement(amount, contractDesc) {
      const prepared = await api('/api/agreement/prepare', { contractDesc, language: 'en-US' });
      const signed = await new Promise((resolve) => AlipayJSBridge.call('qicardSignContract', { authUrl: prepared.authUrl, extParams: {} }, resolve));
      if (signed.error || signed.errorCode || !signed.authCode) return { prepared, signed };
      const token = await api('/api/agreement/apply-token', { authCode: signed.authCode });
      return { prepared, signed, token, paid: await api('/api/agreement/pay', { token: token.token, amount, description: 'Monthly plan' }) };
    },
    api,
  };
  document.documentElement.dataset.ready = 'true';
</script></body></html>`;

let sandbox: Sandbox;
let backend: BackendProcess;
let browser: Browser;
let files: Awaited<ReturnType<typeof serve>>;
let dir: string;
let customerId: string;

type Json = Record<string, any>;

async function open(ui: 'auto' | 'dom'): Promise<{ page: Page; errors: string[] }> {
  const p = await browser.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await p.goto(`${files.url}/flows.html?ui=${ui}`);
  await p.waitForSelector('html[data-ready=true]');
  return { page: p, errors };
}

const flows = <T = Json>(p: Page, fn: string, ...args: unknown[]): Promise<T> =>
  p.evaluate(([f, a]) => (window as any).flows[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;

const balance = async (userId = customerId): Promise<number> => {
  const s = (await (await fetch(sandbox.url + WALLET_API.session)).json()) as WalletSession;
  return Number(s.users.find((u) => u.userId === userId)!.balance);
};

/** The verified notifications the backend received for `paymentId`, once there are `count`. */
async function notified(paymentId: string, count = 1): Promise<Json[]> {
  let list: Json[] = [];
  await expect
    .poll(
      async () => {
        list = (await backend.api<{ notifications: Json[] }>(`/api/notifications?paymentId=${paymentId}`)).json.notifications;
        return list.length;
      },
      { timeout: 10000 },
    )
    .toBeGreaterThanOrEqual(count);
  return list;
}

/** A button of the emulator's sheet (in its shadow root; Playwright's CSS pierces it). */
const sheet = (p: Page, dialog: string) => p.locator(`superqi-emulator [data-dialog="${dialog}"]`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'superqi-flows-'));
  sandbox = await startSandbox({ port: 0, dir, retryScheduleMs: [0, 200, 500], onWarning: () => {} });
  files = await serve({
    '/flows.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(sandbox.url, () => backend.url));
    },
    '/favicon.ico': (_req, res) => void res.writeHead(204).end(),
  });
  backend = await startBackendProcess(sandbox.envPath, { corsOrigin: files.url });
  browser = await launchChromium();
  customerId = ((await (await fetch(sandbox.url + WALLET_API.session)).json()) as WalletSession).user.userId;
}, 60000);

afterAll(async () => {
  await browser?.close();
  await backend?.stop();
  await files?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the four flows of 02-flows on the sandbox', () => {
  it('authentication: getAuthCode → applyToken → inquiryUserInfo returns the sandbox user, only the granted fields', async () => {
    const { page: p, errors } = await open('auto');
    const silent = await flows(p, 'login', ['USER_ID']);
    expect(silent.auth).toMatchObject({ ok: true, authSuccessScopes: ['USER_ID'] });
    expect(silent.session).toMatchObject({ success: true, resultCode: 'SUCCESS', customerId });
    expect(silent.session.userInfo.userId).toBe(customerId);
    expect(silent.session.userInfo.userName).toBeUndefined();

    const named = await flows(p, 'login', ['USER_ID', 'USER_NAME']);
    expect(named.session.userInfo.userName.fullName).toEqual(expect.any(String));
    // An authCode is single use: the backend's second applyToken with it fails.
    const again = await backend.api('/api/auth/apply-token', { authCode: named.auth.authCode });
    expect(again.json).toMatchObject({ success: false, resultStatus: 'F' });
    expect(errors).toEqual([]);
    await p.close();
  }, 30000);

  it("a customer grants NOTIFICATION_PUSH as Qi's demo asks it; the merchant's sendPush reaches that user", async () => {
    const { page: p, errors } = await open('auto');
    const scopes = ['auth_base', 'USER_ID', 'NOTIFICATION_PUSH'];
    const auth = await p.evaluate((s) => new Promise<Json>((resolve) => (window as any).my.getAuthCode({ scopes: s, success: resolve, fail: resolve })), scopes);
    expect(auth).toEqual({ authCode: expect.any(String), authSuccessScopes: scopes });
    const merchant = new Merchant(readEnv(sandbox.envPath));
    const token = await merchant.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: auth.authCode });
    expect(token.json).toMatchObject({ result: { resultStatus: 'S' }, customerId });
    const push = await merchant.call('/v1/messages/sendPush', {
      accessToken: token.json.accessToken,
      requestId: `PUSH-${Date.now()}`,
      templateCode: 'MINI_APP_COMMON_PUSH',
      templates: [{ templateParameters: { Title: 'Shipped', Content: 'Your order is on its way', Url: 'mini://platformapi/startapp?_ariver_appid=1' } }],
    });
    expect(push.json.result).toMatchObject({ resultCode: 'SUCCESS', resultStatus: 'S' });
    expect(sandbox.state().messages.find((m) => m.messageId === push.json.messageId)).toMatchObject({ channel: 'push', userId: customerId, title: 'Shipped' });
    expect(errors).toEqual([]);
    await p.close();
  }, 30000);

  it('cashier payment (auto mode pays): tradePay 9000 → verified signed notification → inquiryPayment SUCCESS → partial refunds bounded by the payment', async () => {
    const { page: p, errors } = await open('auto');
    const before = await balance();
    const { session } = await flows(p, 'login', ['USER_ID']);
    const { created, trade } = await flows(p, 'pay', session.token, 100, 'Two books');
    expect(created).toMatchObject({ success: true, resultStatus: 'A', paymentUrl: expect.stringContaining(sandbox.url) });
    expect(trade).toMatchObject({ ok: true, resultCode: '9000' });
    expect(await balance()).toBe(before - 100_000);

    const [n] = await notified(created.paymentId);
    expect(n).toMatchObject({ verified: true, clientId: sandbox.clientId });
    expect(n!.body).toMatchObject({
      paymentId: created.paymentId,
      paymentResult: { resultStatus: 'S', resultCode: 'SUCCESS' },
      paymentAmount: { currency: 'IQD', value: '100000' },
      customerId,
    });

    const inquiry = await flows(p, 'api', '/api/payment/inquiry', { paymentId: created.paymentId });
    expect(inquiry).toMatchObject({ success: true, paymentStatus: 'SUCCESS', paymentAmount: { value: '100000' } });

    expect(await flows(p, 'api', '/api/payment/refund', { paymentId: created.paymentId, amount: 40 })).toMatchObject({ success: true, refundStatus: 'SUCCESS' });
    const over = await flows(p, 'api', '/api/payment/refund', { paymentId: created.paymentId, amount: 70 });
    expect(over).toMatchObject({ success: false, resultStatus: 'F' });
    expect(await balance()).toBe(before - 60_000);
    expect(errors).toEqual([]);
    await p.close();
  }, 30000);

  it('cashier payment in the phone frame: the sheet shows the merchant, order and IQD amount; Pay → 9000, Cancel → 6001 and the payment is closed', async () => {
    const { page: p, errors } = await open('dom');
    const { session } = await flows(p, 'login', ['USER_ID']);
    const paying = flows(p, 'pay', session.token, 12.5, 'Tea ×2');
    const cashier = sheet(p, 'cashier');
    await cashier.waitFor();
    const text = await cashier.innerText();
    expect(text).toContain('Sandbox Merchant');
    expect(text).toContain('Tea ×2');
    expect(text).toContain('12.5');
    await cashier.locator('[data-action="pay"]').click();
    const paid = await paying;
    expect(paid.trade).toMatchObject({ ok: true, resultCode: '9000' });
    expect((await notified(paid.created.paymentId))[0]).toMatchObject({ verified: true, body: { paymentResult: { resultStatus: 'S' } } });

    const cancelling = flows(p, 'pay', session.token, 5, 'Cancelled order');
    await sheet(p, 'cashier').locator('[data-action="cancel"]').click();
    const cancelled = await cancelling;
    expect(cancelled.trade).toMatchObject({ ok: false, resultCode: '6001' });
    const inquiry = await flows(p, 'api', '/api/payment/inquiry', { paymentId: cancelled.created.paymentId });
    expect(inquiry.paymentStatus).not.toBe('SUCCESS');
    expect(errors).toEqual([]);
    await p.close();
  }, 30000);

  it('agreement payment (auto mode signs): prepare → qicardSignContract → applyToken → agreement pay S, notified', async () => {
    const { page: p, errors } = await open('auto');
    const before = await balance();
    const r = await flows(p, 'agreement', 5000, 'Monthly plan, 5,000 IQD');
    expect(r.prepared).toMatchObject({ success: true, authUrl: expect.stringContaining('authId=') });
    expect(r.signed.authCode).toEqual(expect.any(String));
    expect(r.token).toMatchObject({ success: true, customerId });
    expect(r.paid).toMatchObject({ success: true, resultStatus: 'S', resultCode: 'SUCCESS', paymentId: expect.any(String) });
    expect(await balance()).toBe(before - 5_000_000);
    expect((await notified(r.paid.paymentId))[0]).toMatchObject({ verified: true, body: { paymentResult: { resultStatus: 'S' } } });
    // The signing authCode is single use too.
    expect((await backend.api('/api/agreement/apply-token', { authCode: r.signed.authCode })).json).toMatchObject({ success: false });
    expect(errors).toEqual([]);
    await p.close();
  }, 30000);

  it('agreement signing in the phone frame shows the contract; Cancel → 6001 and nothing is charged', async () => {
    const { page: p, errors } = await open('dom');
    const signing = flows(p, 'agreement', 1000, 'Weekly coffee, 1,000 IQD');
    const s = sheet(p, 'signing');
    await s.waitFor();
    expect(await s.innerText()).toContain('Weekly coffee, 1,000 IQD');
    expect(await s.innerText()).toContain('Sandbox Merchant');
    await s.locator('[data-action="cancel"]').click();
    const r = await signing;
    expect(r.signed).toMatchObject({ errorCode: '6001' });
    expect(r.paid).toBeUndefined();
    expect(errors).toEqual([]);
    await p.close();
  }, 30000);

  it('escrow: pay → tradePay 9000 → merchantAccept → confirm; another: pay → cancel before acceptance refunds the buyer', async () => {
    const { page: p, errors } = await open('auto');
    const { session } = await flows(p, 'login', ['USER_ID']);
    const before = await balance();
    const held = await flows(p, 'pay', session.token, 300, 'Phone case', true);
    expect(held.trade).toMatchObject({ ok: true, resultCode: '9000' });
    const id = held.created.paymentId;
    expect(await flows(p, 'api', '/api/escrow/confirm', { paymentId: id })).toMatchObject({ success: false, resultCode: 'ORDER_STATUS_INVALID' });
    expect(await flows(p, 'api', '/api/escrow/accept', { paymentId: id })).toMatchObject({ success: true, resultCode: 'SUCCESS' });
    expect(await flows(p, 'api', '/api/escrow/cancel', { paymentId: id })).toMatchObject({ success: false });
    expect(await flows(p, 'api', '/api/escrow/confirm', { paymentId: id })).toMatchObject({ success: true, confirmId: expect.any(String) });
    expect((await flows(p, 'api', '/api/payment/inquiry', { paymentId: id })).paymentStatus).toBe('SUCCESS');
    expect(await balance()).toBe(before - 300_000);

    const second = await flows(p, 'pay', session.token, 200, 'Out of stock', true);
    expect(second.trade.resultCode).toBe('9000');
    expect(await balance()).toBe(before - 500_000);
    expect(await flows(p, 'api', '/api/escrow/cancel', { paymentId: second.created.paymentId })).toMatchObject({ success: true, cancelTime: expect.any(String) });
    expect(await balance()).toBe(before - 300_000);
    expect(errors).toEqual([]);
    await p.close();
  }, 30000);
});

describe('the merchant backend', () => {
  it('rejects a notification whose signature does not verify with the wallet public key (401, recorded as not verified)', async () => {
    const body = JSON.stringify({ paymentId: 'FORGED-1', paymentResult: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } });
    const r = await fetch(`${backend.url}/api/notify/payment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'client-id': sandbox.clientId, 'request-time': new Date().toISOString(), signature: 'algorithm=RSA256, keyVersion=1, signature=AAAA' },
      body,
    });
    expect(r.status).toBe(401);
    const [n] = await notified('FORGED-1');
    expect(n).toMatchObject({ verified: false });
  });

  it('the sandbox unreachable from the page: tradePay 6002 (the payment stays unpaid)', async () => {
    const { page: p } = await open('auto');
    const { session } = await flows(p, 'login', ['USER_ID']);
    // The page's emulator is re-installed against a port nothing listens on; the backend still reaches the sandbox.
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    await new Promise<void>((r) => dead.close(() => r()));
    await p.evaluate((sandbox) => {
      (window as any).SuperQiEmulator.install({ ui: 'auto', sandbox });
    }, deadUrl);
    const r = await flows(p, 'pay', session.token, 1, 'Unreachable');
    expect(r.trade).toMatchObject({ ok: false, resultCode: '6002' });
    expect((await flows(p, 'api', '/api/payment/inquiry', { paymentId: r.created.paymentId })).paymentStatus).toBe('PROCESSING');
    await p.close();
  }, 30000);
});
