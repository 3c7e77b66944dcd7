// @vitest-environment node
/** The wallet API (protocol.ts, CORS for its paths only), the admin API (same-origin only), the CLI's flags. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/sandbox/cli.js';
import { WALLET_API, SANDBOX_API, type WalletSession, type SandboxStateView } from '../../src/sandbox/index.js';
import { ALI, NOOR_BUSINESS, OMAR_FROZEN } from './merchant.js';
import { cashierPay, login, startFixture, type Fixture } from './fixture.js';

// each start may generate two RSA key pairs: on a loaded machine that alone can take seconds
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

describe('wallet API', () => {
  it('session: the first customer, customers first, the merchant', async () => {
    const r = await fetch(`${f.sandbox.url}${WALLET_API.session}`, { headers: { origin: 'http://localhost:5173' } });
    // the page's own (loopback) origin echoed, never `*`
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(r.headers.get('vary')).toBe('Origin');
    const s = (await r.json()) as WalletSession;
    expect(s.user).toMatchObject({ userId: ALI, role: 'customer', currency: 'IQD', maskedMobile: '964*******01' });
    expect(s.user.balance).toBe('1000000000');
    expect(s.users.map((u) => u.role)).toEqual(['customer', 'customer', 'customer', 'business']);
    expect(s.merchants).toEqual([{ clientId: f.sandbox.clientId, merchantName: 'Sandbox Merchant' }]);
  });

  it('answers a CORS preflight for its paths, and only for them', async () => {
    const pre = await fetch(`${f.sandbox.url}${WALLET_API.authCodes}`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);
    const admin = await fetch(`${f.sandbox.url}${SANDBOX_API.state}`);
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
    const open = await fetch(`${f.sandbox.url}/v1/payments/pay`, { method: 'OPTIONS' });
    expect(open.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('auth codes: records consent per scope, refuses unknown users, other-role scopes, bad bodies', async () => {
    const ok = await f.app.post(WALLET_API.authCodes, { userId: ALI, grantedScopes: ['USER_ID', 'USER_AVATAR', 'USER_ID'] });
    expect(ok.json.authSuccessScopes).toEqual(['USER_ID', 'USER_AVATAR']);
    expect(Date.parse(ok.json.expiresAt)).toBeGreaterThan(Date.now());
    expect((await f.app.post(WALLET_API.authCodes, { userId: 'nobody', grantedScopes: ['USER_ID'] })).status).toBe(404);
    const wrongRole = await f.app.post(WALLET_API.authCodes, { userId: NOOR_BUSINESS, grantedScopes: ['USER_NAME'] });
    expect(wrongRole).toMatchObject({ status: 400, json: { error: 'AUTH_CODE_FAILED' } });
    expect((await f.app.post(WALLET_API.authCodes, { userId: ALI, grantedScopes: [] })).status).toBe(400);
    expect((await f.app.post(WALLET_API.authCodes, { userId: ALI, grantedScopes: 'USER_ID' })).status).toBe(400);
    const notJson = await fetch(`${f.sandbox.url}${WALLET_API.authCodes}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'INVALID_REQUEST' });
    const form = await fetch(`${f.sandbox.url}${WALLET_API.authCodes}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });

  it('inquiryUserInfo returns only what was granted: avatar yes, name no', async () => {
    const { accessToken } = await login(f, ALI, ['USER_AVATAR']);
    const r = await f.merchant.call('/v1/users/inquiryUserInfo', { accessToken });
    expect(Object.keys(r.json.userInfo).sort()).toEqual(['avatar', 'userId']);
  });

  it('payments: read back by cashier URL or id; 404 for unknown; decisions validated; a frozen payer fails', async () => {
    const { paymentId } = await cashierPay(f, 9000, { pay: false });
    const byId = await f.app.get(`${WALLET_API.payments}?paymentId=${paymentId}`);
    expect(byId.json).toMatchObject({ paymentId, merchantName: 'Sandbox Merchant', paymentAmount: { currency: 'IQD', value: '9000' }, status: 'PROCESSING', orderDescription: 'Sandbox order' });
    expect((await f.app.get(`${WALLET_API.payments}?paymentUrl=${encodeURIComponent('http://localhost:1/cashier?paymentId=nope')}`)).status).toBe(404);
    expect((await f.app.get(WALLET_API.payments)).status).toBe(400);
    expect((await f.app.post(WALLET_API.decidePayment, { paymentId, userId: ALI, decision: 'maybe' })).status).toBe(400);
    expect((await f.app.post(WALLET_API.decidePayment, { paymentId, userId: 'nobody', decision: 'pay' })).status).toBe(404);
    const frozen = await f.app.post(WALLET_API.decidePayment, { paymentId, userId: OMAR_FROZEN, decision: 'pay' });
    expect(frozen.json.resultCode).toBe('4000');
    // decided: a repeated tap says how it ended
    expect((await f.app.post(WALLET_API.decidePayment, { paymentId, userId: ALI, decision: 'pay' })).json.resultCode).toBe('4000');
  });

  it('contracts: 404 for unknown, a cancelled one cannot be signed', async () => {
    expect((await f.app.get(`${WALLET_API.contracts}?authId=nope`)).status).toBe(404);
    const prep = await f.merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{"contractDesc":"Weekly"}' });
    const authId = new URL(prep.json.authUrl).searchParams.get('authId')!;
    await f.app.post(WALLET_API.decideContract, { authId, userId: ALI, decision: 'cancel' });
    expect((await f.app.get(`${WALLET_API.contracts}?authId=${authId}`)).json.status).toBe('CANCELLED');
    expect((await f.app.post(WALLET_API.decideContract, { authId, userId: ALI, decision: 'sign' })).status).toBe(409);
  });

  it('a wallet path called with a method it does not take gets 405, as GET of a POST path does; unknown paths 404', async () => {
    const call = (method: string, path: string) => fetch(`${f.sandbox.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }) });
    for (const [method, path] of [
      ['GET', WALLET_API.authCodes],
      ['PUT', WALLET_API.session],
      ['DELETE', WALLET_API.authCodes],
      ['POST', WALLET_API.session],
      ['POST', WALLET_API.payments],
      ['PATCH', WALLET_API.decideContract],
    ] as const) {
      const r = await call(method, path);
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(((await r.json()) as { message: string }).message).toMatch(/use (GET|POST)/);
    }
    expect((await call('PUT', '/wallet-api/nope')).status).toBe(404);
    expect((await call('POST', '/wallet-api/nope')).status).toBe(404);
  });
});

describe('admin API', () => {
  it('state and force from the same origin', async () => {
    const force = await fetch(`${f.sandbox.url}${SANDBOX_API.force}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: f.sandbox.url }, body: JSON.stringify({ outcome: 'decline' }) });
    expect(await force.json()).toEqual({ forced: 'decline' });
    const s = (await (await fetch(`${f.sandbox.url}${SANDBOX_API.state}`)).json()) as SandboxStateView;
    expect(s.forced).toBe('decline');
    expect(s.clientId).toBe(f.sandbox.clientId);
    await fetch(`${f.sandbox.url}${SANDBOX_API.force}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: null }) });
    expect(f.sandbox.state().forced).toBeNull();
  });

  it("fail-next scripts an Open API's next answer with one of its documented codes", async () => {
    const post = (body: unknown) => fetch(`${f.sandbox.url}${SANDBOX_API.failNext}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ api: 'refund', resultCode: 'PARTNER_BALANCE_NOT_ENOUGH' });
    expect(await ok.json()).toEqual({ failNext: { refund: 'PARTNER_BALANCE_NOT_ENOUGH' } });
    expect((await post({ api: 'refund', resultCode: 'NOPE' })).status).toBe(400);
    expect((await post({ api: 'toString', resultCode: 'PARTNER_BALANCE_NOT_ENOUGH' })).status).toBe(400);
    const cleared = await post({ api: 'refund', resultCode: null });
    expect(await cleared.json()).toEqual({ failNext: {} });
  });

  it('a forced slow holds the next pay for slowMs, then answers normally', async () => {
    const slow = await startFixture({ slowMs: 300 });
    try {
      await slow.sandbox.force('slow');
      const started = Date.now();
      const { decision } = await cashierPay(slow, 1000);
      expect(decision.resultCode).toBe('9000');
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(slow.sandbox.state().forced).toBeNull();
    } finally {
      await slow.close();
    }
  });

  it('refuses other sites, non-JSON bodies, unknown outcomes and deliveries', async () => {
    const post = (body: string, headers: Record<string, string>) => fetch(`${f.sandbox.url}${SANDBOX_API.force}`, { method: 'POST', headers, body });
    expect((await post('{"outcome":"decline"}', { 'content-type': 'application/json', origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('{"outcome":"decline"}', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await fetch(`${f.sandbox.url}${SANDBOX_API.state}`, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await post('outcome=decline', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('{"outcome":"explode"}', { 'content-type': 'application/json' })).status).toBe(400);
    expect(f.sandbox.state().forced).toBeNull();
    const resend = await fetch(`${f.sandbox.url}${SANDBOX_API.resend}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"deliveryId":"nope"}' });
    expect(resend.status).toBe(404);
  });

  it('an admin body over 64 KB gets 413, not "not a JSON object"', async () => {
    const body = JSON.stringify({ outcome: 'decline', pad: 'x'.repeat(64 * 1024) });
    const r = await fetch(`${f.sandbox.url}${SANDBOX_API.force}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { message: string }).message).toContain('65536 bytes');
    expect(f.sandbox.state().forced).toBeNull();
  });

  it('the page: HTML at the root with a strict CSP, its script and styles as their own paths', async () => {
    const page = await fetch(`${f.sandbox.url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).toContain('src="/sandbox-page.js"');
    const script = await (await fetch(`${f.sandbox.url}/sandbox-page.js`)).text();
    expect(script).toContain('textContent');
    expect(script).not.toMatch(/innerHTML/);
    expect((await fetch(`${f.sandbox.url}/sandbox-page.css`)).headers.get('content-type')).toMatch(/text\/css/);
  });
});

describe('CLI flags', () => {
  it('parses --port, --dir, --host (with = too) and refuses the rest', () => {
    expect(parseArgs(['--port', '0', '--dir', '/tmp/x'])).toEqual({ port: 0, dir: '/tmp/x', host: '127.0.0.1' });
    expect(parseArgs(['--port=8080', '--host=0.0.0.0'])).toEqual({ port: 8080, dir: '.superqi-sandbox', host: '0.0.0.0' });
    expect(parseArgs(['--help'])).toBe('help');
    expect(() => parseArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseArgs(['--dir'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--verbose'])).toThrow(/unknown option/);
  });
});
