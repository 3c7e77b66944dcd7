// @vitest-environment node
/**
 * The sandbox guide's notification receiver (docs/sandbox.md; examples/merchant-backend/notify-receiver.mjs), run as its own
 * process against the sandbox: it verifies what the wallet sends (plain or URL-encoded signature),
 * answers S so the delivery is done after one attempt, acts once on a resent notification, and refuses
 * a forged one, which the sandbox would retry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALI, CASHIER, Merchant, readEnv } from './merchant.js';
import { rid, startFixture, type Fixture } from './fixture.js';
import { SANDBOX_API, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const EXAMPLE = fileURLToPath(new URL('../../examples/merchant-backend/notify-receiver.mjs', import.meta.url));

let f: Fixture;
let receiver: ChildProcess;
let out = '';
let notifyUrl: string;

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(ok()).toBe(true);
};

beforeAll(async () => {
  f = await startFixture({ retryScheduleMs: [0, 50, 50] });
  receiver = spawn(process.execPath, [EXAMPLE], { env: { ...process.env, ALIPAY_PUBLIC_KEY_PATH: readEnv(f.sandbox.envPath).ALIPAY_PUBLIC_KEY_PATH, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  receiver.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  receiver.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  await until(() => /listening on \d+/.test(out));
  notifyUrl = `http://127.0.0.1:${/listening on (\d+)/.exec(out)![1]}/merchant/notify?shop=1`;
});
afterAll(async () => {
  receiver.kill();
  await f.close();
});

async function paidWithNotification(sandbox: Sandbox, merchant: Merchant, outcome: 'pay' | 'cancel' = 'pay'): Promise<string> {
  const r = await merchant.call('/v1/payments/pay', {
    productCode: CASHIER,
    paymentRequestId: rid('EX'),
    paymentAmount: { currency: 'IQD', value: '2500' },
    order: { orderDescription: 'Example order', buyer: { referenceBuyerId: ALI } },
    paymentNotifyUrl: notifyUrl,
  });
  await sandbox.pay(r.json.paymentId, { outcome });
  return r.json.paymentId as string;
}
const delivery = (sandbox: Sandbox, paymentId: string) => sandbox.state().deliveries.find((d) => d.paymentId === paymentId);

describe('examples/merchant-backend/notify-receiver.mjs', () => {
  it('verifies a payment notification, answers S (delivered at the first attempt), acts once when it comes again', async () => {
    const paid = await paidWithNotification(f.sandbox, f.merchant);
    await until(() => delivery(f.sandbox, paid)?.status === 'DELIVERED');
    expect(delivery(f.sandbox, paid)!.attempts).toMatchObject([{ status: 200, outcome: 'ok' }]);
    expect(out).toContain(`PAYMENT_RESULT ${paid} S SUCCESS\n`);
    const cancelled = await paidWithNotification(f.sandbox, f.merchant, 'cancel');
    await until(() => out.includes(`PAYMENT_RESULT ${cancelled} F ORDER_STATUS_INVALID\n`));
    // resent (the page's button): delivered again, acted on once
    const { deliveryId } = delivery(f.sandbox, paid)!;
    const resent = await fetch(`${f.sandbox.url}${SANDBOX_API.resend}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deliveryId }) });
    expect(resent.status).toBe(200);
    await until(() => delivery(f.sandbox, paid)?.attempts.length === 2 && delivery(f.sandbox, paid)?.status === 'DELIVERED');
    expect(out.split(`PAYMENT_RESULT ${paid} `)).toHaveLength(2);
  });

  it('refuses a forged notification (401), which the wallet would retry', async () => {
    const body = JSON.stringify({ notifyType: 'PAYMENT_RESULT', paymentId: 'forged', paymentResult: { resultStatus: 'S', resultCode: 'SUCCESS' } });
    const headers = { 'content-type': 'application/json', 'client-id': f.sandbox.clientId, 'request-time': new Date().toISOString() };
    for (const signature of [undefined, 'algorithm=RSA256, keyVersion=1, signature=AAAA', 'algorithm=RSA256, keyVersion=1, signature=%zz']) {
      const r = await fetch(notifyUrl, { method: 'POST', headers: { ...headers, ...(signature ? { signature } : {}) }, body });
      expect(r.status, signature).toBe(401);
    }
    expect(out).not.toContain('forged');
  });

  it('verifies URL-encoded signatures too (a sandbox started with notifySignatureEncoding: url-encoded)', async () => {
    await f.sandbox.close(); // the last test: the fixture's close() is then a no-op but for the directory
    const encoded = await startSandbox({ dir: f.dir, retryScheduleMs: [0, 50], notifySignatureEncoding: 'url-encoded', onWarning: () => {} });
    try {
      const paid = await paidWithNotification(encoded, new Merchant(readEnv(encoded.envPath)));
      await until(() => delivery(encoded, paid)?.status === 'DELIVERED');
      expect(out).toContain(`PAYMENT_RESULT ${paid} S SUCCESS\n`);
    } finally {
      await encoded.close();
    }
  });
});
