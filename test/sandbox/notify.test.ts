// @vitest-environment node
/**
 * Payment notifications to a merchant endpoint in the test: the Alipay+ notifyPayment shape, signed
 * with the wallet key over the notify path (verified here with node:crypto and the generated public
 * key, as 05-utilities/03-signature-validation does), retried until the merchant answers S, every
 * attempt recorded, resend.
 */
import { createPublicKey, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AGREEMENT, ALI, readEnv } from './merchant.js';
import { OPEN_APIS } from '../../src/sandbox/index.js';
import { cashierPay, code, rid, startFixture, type Fixture } from './fixture.js';

// each start may generate two RSA key pairs: on a loaded machine that alone can take seconds
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  valid: boolean;
}

let f: Fixture;
let hook: Server;
let hookUrl: string;
const received: Received[] = [];
/** What the merchant endpoint answers next (a queue; then S). */
const answers: Array<{ status: number; body: string }> = [];
const ok = JSON.stringify({ result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } });

beforeAll(async () => {
  f = await startFixture({ retryScheduleMs: [0, 50, 50, 50] });
  const walletKey = createPublicKey(readFileSync(readEnv(f.sandbox.envPath).ALIPAY_PUBLIC_KEY_PATH));
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url!.split('?')[0]!;
      const h = (n: string) => String(req.headers[n] ?? '');
      const signature = h('signature').split(',').map((p) => p.trim()).find((p) => p.startsWith('signature='))!.slice('signature='.length);
      const valid = createVerify('SHA256').update(`POST ${path}\n${h('client-id')}.${h('request-time')}.${body}`).verify(walletKey, signature, 'base64');
      received.push({ path, headers: { 'client-id': h('client-id'), 'request-time': h('request-time') }, body, valid });
      const next = answers.shift() ?? { status: 200, body: ok };
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await f.close();
  await new Promise((r) => hook.close(r));
});

const waitFor = async (predicate: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('payment notifications', () => {
  it('a paid cashier payment notifies once, signed over the notify path with Request-Time', async () => {
    received.length = 0;
    const { paymentId, paymentRequestId } = await cashierPay(f, 12_000, { notify: `${hookUrl}/api/payment/webhook?src=sandbox` });
    await waitFor(() => received.length === 1);
    const [n] = received;
    expect(n!.path).toBe('/api/payment/webhook');
    expect(n!.valid).toBe(true);
    expect(n!.headers['client-id']).toBe(f.sandbox.clientId);
    expect(n!.headers['request-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
    expect(JSON.parse(n!.body)).toMatchObject({
      notifyType: 'PAYMENT_RESULT',
      paymentResult: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' },
      paymentRequestId,
      paymentId,
      paymentAmount: { currency: 'IQD', value: '12000' },
      customerId: ALI,
      paymentTime: expect.stringMatching(/\+03:00$/),
      paymentCreateTime: expect.any(String),
    });
    await f.sandbox.settled();
    const d = f.sandbox.state().deliveries.find((x) => x.paymentId === paymentId)!;
    expect(d.status).toBe('DELIVERED');
    expect(d.attempts).toEqual([expect.objectContaining({ status: 200, outcome: 'ok' })]);
  });

  it('retries until the merchant answers S, records every attempt, gives up after the schedule; resend restarts it', async () => {
    received.length = 0;
    answers.push({ status: 500, body: 'oops' }, { status: 200, body: '{"result":{"resultStatus":"F"}}' }, { status: 200, body: 'not json' });
    const { paymentId } = await cashierPay(f, 1000, { notify: `${hookUrl}/notify` });
    await waitFor(() => received.length === 4);
    await f.sandbox.settled();
    let d = f.sandbox.state().deliveries.find((x) => x.paymentId === paymentId)!;
    expect(d.status).toBe('DELIVERED');
    expect(d.attempts.map((a) => a.outcome)).toEqual(['HTTP 500, body is not JSON', 'HTTP 200, result.resultStatus "F"', 'HTTP 200, body is not JSON', 'ok']);

    received.length = 0;
    answers.push(...Array.from({ length: 4 }, () => ({ status: 503, body: '{}' })));
    const failing = await cashierPay(f, 1000, { notify: `${hookUrl}/notify` });
    await waitFor(() => received.length === 4);
    await f.sandbox.settled();
    d = f.sandbox.state().deliveries.find((x) => x.paymentId === failing.paymentId)!;
    expect(d.status).toBe('FAILED');
    expect(d.attempts).toHaveLength(4);
    // every attempt carries the same body, freshly signed
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(received.every((r) => r.valid)).toBe(true);

    const res = await fetch(`${f.sandbox.url}/sandbox-api/deliveries/resend`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deliveryId: d.deliveryId }) });
    expect(res.status).toBe(200);
    await waitFor(() => received.length === 5);
    await f.sandbox.settled();
    d = f.sandbox.state().deliveries.find((x) => x.paymentId === failing.paymentId)!;
    expect(d.status).toBe('DELIVERED');
    expect(d.attempts).toHaveLength(5);
  });

  it('an unreachable endpoint is recorded as such; no notify URL (or "") means no delivery', async () => {
    const { paymentId } = await cashierPay(f, 1000, { notify: 'http://127.0.0.1:9/notify' });
    await waitFor(() => (f.sandbox.state().deliveries.find((x) => x.paymentId === paymentId)?.attempts.length ?? 0) >= 1);
    expect(f.sandbox.state().deliveries.find((x) => x.paymentId === paymentId)!.attempts[0]!.outcome).toMatch(/ECONNREFUSED/);
    const quiet = await cashierPay(f, 1000, { extra: { paymentNotifyUrl: '' } });
    expect(f.sandbox.state().deliveries.some((x) => x.paymentId === quiet.paymentId)).toBe(false);
  });

  it("an escrow void notifies pay's voidNotifyUrl, signed, with the void's ids and amount", async () => {
    received.length = 0;
    const { paymentId } = await cashierPay(f, 8_000, { productCode: '51051000101000100008', extra: { voidNotifyUrl: `${hookUrl}/void-hook` } });
    expect(code(await f.merchant.call('/v1/payments/merchantAccept', { paymentId }))).toBe('SUCCESS');
    const voidRequestId = rid('V');
    const v = await f.merchant.call('/v1/payments/void', { voidRequestId, paymentId, voidAmount: { currency: 'IQD', value: '3000' } });
    expect(code(v)).toBe('SUCCESS');
    await waitFor(() => received.length === 1);
    expect(received[0]!.path).toBe('/void-hook');
    expect(received[0]!.valid).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ notifyType: 'VOID_RESULT', voidResult: { resultStatus: 'S' }, paymentId, voidRequestId, voidId: v.json.voidId, voidAmount: { currency: 'IQD', value: '3000' } });
    expect(f.sandbox.state().deliveries.find((d) => d.paymentId === paymentId && d.kind === 'void')).toBeDefined();
  });

  it('failed, cancelled and expired payments notify F with their code; agreement payments notify too', async () => {
    received.length = 0;
    const cancelled = await cashierPay(f, 1000, { pay: false, notify: `${hookUrl}/n` });
    await f.app.post('/wallet-api/payments/decide', { paymentId: cancelled.paymentId, userId: ALI, decision: 'cancel' });
    await waitFor(() => received.length === 1);
    // pay's code for a closed order, saying what happened (USER_CANCELLED is on no doc page)
    expect(JSON.parse(received[0]!.body).paymentResult).toEqual({ resultStatus: 'F', resultCode: 'ORDER_STATUS_INVALID', resultMessage: 'The user cancelled the payment in the cashier; the order is closed.' });
    expect(JSON.parse(received[0]!.body)).not.toHaveProperty('paymentTime');

    const prep = await f.merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{}' });
    const signed = await f.app.post('/wallet-api/contracts/decide', { authId: new URL(prep.json.authUrl).searchParams.get('authId'), userId: ALI, decision: 'sign' });
    const token = (await f.merchant.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: signed.json.authCode })).json.accessToken;
    const pay = await f.merchant.call('/v1/payments/pay', { productCode: AGREEMENT, paymentRequestId: rid(), paymentAuthCode: token, paymentAmount: { currency: 'IQD', value: '3000' }, order: { orderDescription: 'sub' }, paymentNotifyUrl: `${hookUrl}/n` });
    expect(code(pay)).toBe('SUCCESS');
    await waitFor(() => received.length === 2);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ paymentId: pay.json.paymentId, paymentResult: { resultStatus: 'S' } });
  });

  it('one payment, one story: one payment notification, when it leaves PROCESSING; later changes never contradict it', async () => {
    received.length = 0;
    const url = `${hookUrl}/story`;
    const bodies = (paymentId: string) => f.sandbox.state().deliveries.filter((d) => d.paymentId === paymentId).map((d) => ({ kind: d.kind, ...JSON.parse(d.body) }));

    // paid, then cancelled by the merchant: the cancel is answered S; no second payment notification
    const paid = await cashierPay(f, 2000, { notify: url });
    expect(code(await f.merchant.call('/v1/payments/cancel', { paymentId: paid.paymentId }))).toBe('SUCCESS');
    expect(bodies(paid.paymentId)).toEqual([expect.objectContaining({ kind: 'payment', paymentResult: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } })]);

    // unpaid, cancelled by the merchant: reported as a merchant cancel, not as an expiry
    const unpaid = await cashierPay(f, 2000, { pay: false, notify: url });
    expect(code(await f.merchant.call('/v1/payments/cancel', { paymentId: unpaid.paymentId }))).toBe('SUCCESS');
    expect(code(await f.merchant.call('/v1/payments/cancel', { paymentId: unpaid.paymentId }))).toBe('SUCCESS');
    const [cancelled, ...more] = bodies(unpaid.paymentId);
    expect(more).toEqual([]);
    expect(cancelled!.paymentResult).toEqual({ resultCode: 'ORDER_STATUS_INVALID', resultStatus: 'F', resultMessage: 'The merchant cancelled the payment (cancel); the order is closed.' });

    // closed unpaid: its expiry passed
    const expired = await cashierPay(f, 2000, { pay: false, notify: url, extra: { paymentExpiryTime: new Date(Date.now() - 1000).toISOString() } });
    await f.sandbox.tick();
    expect(bodies(expired.paymentId)).toEqual([expect.objectContaining({ paymentResult: { resultCode: 'ORDER_STATUS_INVALID', resultStatus: 'F', resultMessage: expect.stringMatching(/^The order closed unpaid: its expiry time/) } })]);

    // declined: the pay code itself
    const poor = await cashierPay(f, 6_000_000, { userId: '2160000000000002', notify: url });
    expect(bodies(poor.paymentId)).toEqual([expect.objectContaining({ paymentResult: { resultCode: 'USER_BALANCE_NOT_ENOUGH', resultStatus: 'F', resultMessage: 'The user balance is not enough for this payment.' } })]);

    // escrow: paid, accepted, voided in two parts (the full void closes the order): one payment notification, one per void
    const escrow = await cashierPay(f, 9000, { productCode: '51051000101000100008', notify: url, extra: { voidNotifyUrl: url } });
    expect(code(await f.merchant.call('/v1/payments/merchantAccept', { paymentId: escrow.paymentId }))).toBe('SUCCESS');
    expect(code(await f.merchant.call('/v1/payments/void', { voidRequestId: rid('V'), paymentId: escrow.paymentId, voidAmount: { currency: 'IQD', value: '4000' } }))).toBe('SUCCESS');
    expect(code(await f.merchant.call('/v1/payments/void', { voidRequestId: rid('V'), paymentId: escrow.paymentId }))).toBe('SUCCESS');
    const story = bodies(escrow.paymentId);
    // (the state lists them newest first; two in the same millisecond in either order)
    expect(story.map((b) => `${b.kind} ${b.notifyType} ${(b.paymentResult ?? b.voidResult).resultCode}`).sort()).toEqual([
      'payment PAYMENT_RESULT SUCCESS',
      'void VOID_RESULT SUCCESS',
      'void VOID_RESULT SUCCESS',
    ]);
    expect(story.filter((b) => b.kind === 'void').map((b) => b.voidAmount.value).sort()).toEqual(['4000', '5000']);

    // every code any notification carried is one the docs use (pay's page)
    const docs = ['SUCCESS', ...OPEN_APIS.pay.codes];
    for (const d of f.sandbox.state().deliveries) {
      const b = JSON.parse(d.body);
      expect(docs, d.body).toContain((b.paymentResult ?? b.voidResult).resultCode);
    }
    await waitFor(() => received.filter((r) => r.path === '/story').length === 7);
  });
});
