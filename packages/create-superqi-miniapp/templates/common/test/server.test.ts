// The backend against an in-process sandbox wallet: the same signed Open APIs as the gateway.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from 'superqi-bridge/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackend, type Backend } from '../server/backend';
import { openGateway } from '../server/gateway';

let dir: string;
let sandbox: Sandbox;
let backend: Backend;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'superqi-backend-'));
  sandbox = await startSandbox({ port: 0, dir });
  backend = await startBackend({ envPath: sandbox.envPath });
});
afterAll(async () => {
  await backend?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api(path: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const res = await fetch(backend.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

async function signIn(user?: string) {
  const authCode = await sandbox.authCode({ user, scopes: ['USER_ID', 'USER_NAME'] });
  const { status, json } = await api('/api/login', { body: { authCode } });
  expect(status).toBe(200);
  return json as { token: string; user: { userId: string; name: string } };
}

it('signs in with the wallet’s authCode (applyToken + inquiryUserInfo), once', async () => {
  const authCode = await sandbox.authCode({ scopes: ['USER_ID', 'USER_NAME'] });
  const first = await api('/api/login', { body: { authCode } });
  expect(first.json).toMatchObject({ token: expect.any(String), user: { userId: expect.any(String), name: expect.stringMatching(/\S/) } });
  const again = await api('/api/login', { body: { authCode } });
  expect(again.status).toBe(502);
  expect(again.json.error).toMatch(/^applyToken: /);
});

it('orders, is paid in the cashier, receives the verified notification, refunds', async () => {
  const { token } = await signIn();
  const order = await api('/api/orders', { token, body: { item: 'coffee' } });
  expect(order.json).toMatchObject({ paymentId: expect.any(String), paymentUrl: expect.stringContaining(sandbox.url), iqd: 3000 });
  const { paymentId, paymentUrl } = order.json;

  expect((await sandbox.pay(paymentUrl)).resultCode).toBe('9000');
  await expect.poll(async () => (await api(`/api/orders/${paymentId}`, { token })).json, { timeout: 10_000 }).toMatchObject({ paymentStatus: 'SUCCESS', notified: 'SUCCESS' });

  const refunded = await api(`/api/orders/${paymentId}/refund`, { token, body: {} });
  expect(refunded.json).toMatchObject({ paymentId, refundId: expect.any(String) });
  expect((await api(`/api/orders/${paymentId}`, { token })).json.refunded).toBe(true);
});

it('refuses what it should: no session, an unknown item, another user’s order, a forged notification', async () => {
  expect((await api('/api/orders', { body: { item: 'coffee' } })).status).toBe(401);
  const ali = await signIn();
  const bad = await api('/api/orders', { token: ali.token, body: { item: 'gold' } });
  expect(bad).toMatchObject({ status: 400, json: { error: expect.stringContaining('item') } });
  const { json } = await api('/api/orders', { token: ali.token, body: { item: 'coffee' } });
  const zainab = await signIn('2160000000000002');
  expect((await api(`/api/orders/${json.paymentId}`, { token: zainab.token })).status).toBe(404);

  const forged = await fetch(backend.url + '/api/notify', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'client-id': 'x', 'request-time': new Date().toISOString(), signature: 'algorithm=RSA256, keyVersion=1, signature=AAAA' },
    body: JSON.stringify({ notifyType: 'PAYMENT_RESULT', paymentId: json.paymentId, paymentResult: { resultStatus: 'S', resultCode: 'SUCCESS' } }),
  });
  expect(forged.status).toBeGreaterThanOrEqual(400);
  expect(backend.orders.get(json.paymentId)?.notified).toBeUndefined();
});

it('notifies PUBLIC_URL from the .env when it is set (the real gateway cannot reach 127.0.0.1)', async () => {
  const envPath = join(dir, 'public.env');
  writeFileSync(envPath, `${readFileSync(sandbox.envPath, 'utf8')}\nPUBLIC_URL=https://shop.example/\n`);
  const other = await startBackend({ envPath });
  try {
    const authCode = await sandbox.authCode({ scopes: ['USER_ID'] });
    const { token } = (await (await fetch(other.url + '/api/login', { method: 'POST', body: JSON.stringify({ authCode }) })).json()) as { token: string };
    const order = (await (await fetch(other.url + '/api/orders', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{"item":"coffee"}' })).json()) as { paymentId: string; paymentUrl: string };
    await sandbox.pay(order.paymentUrl);
    expect(sandbox.state().deliveries.find((d) => d.paymentId === order.paymentId)?.url).toBe('https://shop.example/api/notify');
  } finally {
    await other.close();
  }
});

it('npm start’s gateway: server/.env when it exists (no sandbox started), else the sandbox wallet and its .env', async () => {
  const root = mkdtempSync(join(tmpdir(), 'superqi-gateway-'));
  try {
    const sandboxed = await openGateway(root, 0);
    expect(sandboxed.envPath).toBe(join(root, '.superqi-sandbox', '.env'));
    expect((await fetch(sandboxed.sandboxUrl + '/wallet-api/session')).ok).toBe(true);
    await sandboxed.close();

    mkdirSync(join(root, 'server'));
    copyFileSync(sandbox.envPath, join(root, 'server', '.env'));
    rmSync(join(root, '.superqi-sandbox'), { recursive: true });
    const own = await openGateway(root, 0);
    expect(own.envPath).toBe(join(root, 'server', '.env'));
    expect(own.sandboxUrl).toBeUndefined();
    expect(existsSync(join(root, '.superqi-sandbox'))).toBe(false);
    await own.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
