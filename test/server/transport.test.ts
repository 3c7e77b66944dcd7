// @vitest-environment node
/**
 * What stands between the client and the gateway: signatures both ways (an answer tampered with,
 * signed with another key, unsigned, URL-encoded; a request signed with the wrong key), safe retries
 * (a dropped connection after the sandbox applied a refund → one refund; a timeout; U; the signal),
 * and requests not repeated when nothing makes them idempotent.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GatewayHttpError,
  GatewayTransportError,
  InvalidRequestError,
  MalformedResponseError,
  ResponseSignatureError,
  createClient,
  iqd,
  type Client,
} from '../../src/server/index.js';
import { signedHeaders } from '../../src/contract/signing.js';
import { ALI, cashierPayment, merchantBalance, rid, startWorld, tcpProxy, type World } from './support.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 30000);
afterAll(() => w?.close());

const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sandboxPort = () => Number(new URL(w.sandbox.url).port);

/** An HTTP answer rewritten by `edit` on its way back (headers and body as text). */
async function rewritingProxy(edit: (head: string, body: string) => [string, string]) {
  return tcpProxy((client) => {
    const upstream = connect(sandboxPort(), '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.pipe(upstream);
    const chunks: Buffer[] = [];
    upstream.on('data', (c: Buffer) => chunks.push(c));
    // the whole answer (its Content-Length) is in: edit it, send it, close (keep-alive never ends the upstream)
    upstream.on('data', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(text.slice(0, split))?.[1]);
      if (split < 0 || Buffer.byteLength(text.slice(split + 4), 'latin1') < length) return;
      const [head, body] = edit(text.slice(0, split), text.slice(split + 4));
      const bytes = Buffer.from(body, 'latin1');
      client.end(Buffer.concat([Buffer.from(head.replace(/content-length: \d+/i, `Content-Length: ${bytes.length}`).replace(/connection: keep-alive/i, 'Connection: close') + '\r\n\r\n', 'latin1'), bytes]));
      upstream.destroy();
    });
  });
}

describe('answers are verified before they are parsed', () => {
  it('a tampered body is a ResponseSignatureError (mismatch), not a result', async () => {
    const proxy = await rewritingProxy((head, body) => [head, body.replace('"resultStatus":"F"', '"resultStatus":"S"')]);
    const qi = w.client({ gatewayUrl: proxy.url });
    const e = await qi.inquiryPayment({ paymentId: 'nope' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ResponseSignatureError);
    expect(e).toMatchObject({ problem: 'mismatch', api: 'inquiryPayment', code: 'RESPONSE_SIGNATURE' });
    expect((e as Error).message).toMatch(/does not verify .*walletPublicKey/);
    await proxy.close();
  });

  it('an answer signed with another key (a wrong walletPublicKey) is refused', async () => {
    const qi = w.client({ walletPublicKey: stranger.publicKey });
    await expect(qi.inquiryPayment({ paymentId: 'nope' })).rejects.toMatchObject({ name: 'ResponseSignatureError', problem: 'mismatch' });
  });

  it('an answer without Signature or Response-Time is refused as unsigned; a 200 with them stripped is not parsed', async () => {
    for (const header of ['signature', 'response-time']) {
      const proxy = await rewritingProxy((head, body) => [head.split('\r\n').filter((l) => !l.toLowerCase().startsWith(`${header}:`)).join('\r\n'), body]);
      const e = await w.client({ gatewayUrl: proxy.url }).inquiryPayment({ paymentId: 'nope' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ResponseSignatureError);
      expect(e).toMatchObject({ problem: 'missing', status: 200 });
      await proxy.close();
    }
  });

  it('an answer signed for another Client-Id is refused', async () => {
    const proxy = await rewritingProxy((head, body) => [head.replace(/client-id: .*/i, 'client-id: SOMEONE-ELSE'), body]);
    await expect(w.client({ gatewayUrl: proxy.url }).inquiryPayment({ paymentId: 'nope' })).rejects.toMatchObject({ problem: 'client-id' });
    await proxy.close();
  });

  it('a URL-encoded signature (as Ant SDKs write it) verifies like a plain one', async () => {
    let rewritten = false;
    const proxy = await rewritingProxy((head, body) => [
      head.replace(/(signature: .*signature=)([^\r\n,]+)/i, (_m, pre: string, sig: string) => {
        rewritten = /[+/=]/.test(sig);
        return pre + encodeURIComponent(sig);
      }),
      body,
    ]);
    const r = await w.client({ gatewayUrl: proxy.url }).inquiryPayment({ paymentId: 'nope' });
    expect(r).toMatchObject({ status: 'F', code: 'ORDER_NOT_EXIST' });
    expect(rewritten).toBe(true);
    await proxy.close();
  });

  it('a signed non-2xx answer (the gateway\'s 404 for a path it does not serve) is a GatewayHttpError', async () => {
    const qi = w.client({ gatewayUrl: `${w.sandbox.url}/prefix` });
    const e = await qi.inquiryPayment({ paymentId: 'p' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GatewayHttpError);
    expect(e).toMatchObject({ status: 404, api: 'inquiryPayment', attempts: 1 });
    expect((e as Error).message).toMatch(/HTTP 404 from the gateway \(signed\)/);
  });

  it('a correctly signed answer that is not a JSON result is a MalformedResponseError', async () => {
    const wallet = generateKeyPairSync('rsa', { modulusLength: 2048 });
    for (const body of ['<html>oops</html>', '{"result":{"resultStatus":"X"}}', '[]']) {
      const server = createServer((req, res) => {
        req.resume();
        const time = '2026-12-07T12:00:00+03:00';
        res.writeHead(200, { 'content-type': 'application/json', ...signedHeaders('Response-Time', req.url!, 'C', time, body, wallet.privateKey) }).end(body);
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const qi = createClient({ gatewayUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, clientId: 'C', privateKey: stranger.privateKey, walletPublicKey: wallet.publicKey });
      const e = await qi.inquiryPayment({ paymentId: 'p' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(MalformedResponseError);
      expect(e).toMatchObject({ api: 'inquiryPayment', body });
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('requests are signed with the merchant key', () => {
  it('a request signed with the wrong private key gets the gateway’s signed F INVALID_SIGNATURE, as a value', async () => {
    const qi = w.client({ privateKey: stranger.privateKey });
    expect(await qi.inquiryPayment({ paymentId: 'p' })).toMatchObject({ status: 'F', code: 'INVALID_SIGNATURE' });
  });

  it('keys load from PEM text and from paths, PKCS#8 and PKCS#1', async () => {
    const pkcs8 = readFileSync(w.sandbox.merchantPrivateKeyPath, 'utf8');
    const pkcs1 = readFileSync(w.sandbox.merchantPrivateKeyPkcs1Path, 'utf8');
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
    const wallet = readFileSync(w.sandbox.walletPublicKeyPath, 'utf8');
    for (const privateKey of [pkcs8, pkcs1, w.sandbox.merchantPrivateKeyPath, w.sandbox.merchantPrivateKeyPkcs1Path]) {
      const qi = createClient({ gatewayUrl: w.sandbox.url, clientId: w.sandbox.clientId, privateKey, walletPublicKey: wallet });
      expect(await qi.inquiryPayment({ paymentId: 'p' })).toMatchObject({ status: 'F', code: 'ORDER_NOT_EXIST' });
    }
  });

  it('a request that breaks the contract is an InvalidRequestError naming the API and the field; nothing is sent', async () => {
    const proxy = await tcpProxy((c) => c.destroy());
    const qi = w.client({ gatewayUrl: proxy.url });
    const e = await qi.pay({ productCode: '51051000101000000011', paymentRequestId: 'x', paymentAmount: iqd(1) } as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidRequestError);
    expect(e).toMatchObject({ api: 'pay', field: 'order' });
    expect((e as Error).message).toMatch(/^pay: order is required/);
    await expect(qi.inquiryRefund({})).rejects.toThrow(/one of refundId, refundRequestId is required/);
    await expect(qi.refund({ refundRequestId: 'r', paymentId: 'p', refundAmount: { currency: 'IQD', value: '1.5' } })).rejects.toMatchObject({ field: 'refundAmount.value' });
    expect(proxy.connections()).toBe(0);
    await proxy.close();
  });
});

/** A proxy whose first `drop` connections forward the request and, once the answer starts, drop it unanswered; later ones pass. */
async function droppingProxy(drop: number) {
  return tcpProxy((client: Socket, index) => {
    const upstream = connect(sandboxPort(), '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.pipe(upstream);
    if (index < drop) {
      // the sandbox has applied the request once its answer starts coming: drop the connection then
      upstream.once('data', () => {
        client.destroy();
        upstream.destroy();
      });
    } else upstream.pipe(client);
  });
}

describe('safe retries', () => {
  it('a dropped connection after the sandbox applied a refund: retried with the same refundRequestId and body → one refund', async () => {
    const { paymentId } = await cashierPayment(w, 40);
    const proxy = await droppingProxy(1);
    const refundRequestId = rid('REFUND');
    const before = merchantBalance(w);
    const r = await w.client({ gatewayUrl: proxy.url }).refund({ refundRequestId, paymentId, refundAmount: iqd(10) });
    expect(r).toMatchObject({ status: 'S', attempts: 2, refundId: expect.any(String) });
    expect(proxy.connections()).toBe(2);
    expect(w.sandbox.state().refunds.filter((x) => x.refundRequestId === refundRequestId)).toHaveLength(1);
    expect(merchantBalance(w)).toBe(before - 10000);
    await proxy.close();
  });

  it('a dropped connection on applyToken (no request id: not idempotent) is thrown at once, saying why it was not retried', async () => {
    const proxy = await droppingProxy(5);
    const authCode = await w.sandbox.authCode({ user: ALI, scopes: ['USER_ID'] });
    const e = await w.client({ gatewayUrl: proxy.url }).applyToken({ grantType: 'AUTHORIZATION_CODE', authCode }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GatewayTransportError);
    expect(e).toMatchObject({ reason: 'network', attempts: 1, api: 'applyToken' });
    expect((e as Error).message).toMatch(/not idempotent .* not retried; the authCode may have been used/);
    expect(proxy.connections()).toBe(1);
    await proxy.close();
  });

  it('inquiries are retried after network faults, bounded by `retries`', async () => {
    const proxy = await droppingProxy(10);
    const e = await w.client({ gatewayUrl: proxy.url, retries: 3 }).inquiryPayment({ paymentId: 'p' }).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'GatewayTransportError', reason: 'network', attempts: 4 });
    expect(proxy.connections()).toBe(4);
    await proxy.close();
  });

  it('a timeout is a GatewayTransportError (timeout) after the retries', async () => {
    const proxy = await tcpProxy(() => {}); // accepts, never answers
    const qi = w.client({ gatewayUrl: proxy.url, timeout: 150, retries: 1 });
    const e = await qi.inquiryRefund({ refundRequestId: 'r' }).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'GatewayTransportError', reason: 'timeout', attempts: 2 });
    expect((e as Error).message).toMatch(/no answer in 150 ms/);
    // (an attempt aborted while still connecting may leave one more connection behind: at least one per attempt)
    expect(proxy.connections()).toBeGreaterThanOrEqual(2);
    await proxy.close();
  });

  it('U on an idempotent API is asked again with the same id: the second answer is returned', async () => {
    const { paymentId } = await cashierPayment(w, 9);
    w.sandbox.failNext('refund', 'REFUND_IN_PROCESS');
    const refundRequestId = rid('REFUND');
    const r = await w.qi.refund({ refundRequestId, paymentId, refundAmount: iqd(2) });
    expect(r).toMatchObject({ status: 'S', attempts: 2 });
    expect(w.sandbox.state().refunds.filter((x) => x.refundRequestId === refundRequestId)).toHaveLength(1);
  });

  it('U on a non-idempotent API is returned as it is (cancel: no request id)', async () => {
    w.sandbox.failNext('cancel', 'UNKNOWN_EXCEPTION');
    expect(await w.qi.cancel({ paymentId: 'p' })).toMatchObject({ status: 'U', code: 'UNKNOWN_EXCEPTION', attempts: 1 });
  });

  it('an unsigned 503 (a proxy) is retried for an idempotent API and thrown as GatewayHttpError when it persists', async () => {
    const proxy = await tcpProxy((c) => {
      c.once('data', () => c.end('HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy'));
    });
    const e = await w.client({ gatewayUrl: proxy.url, retries: 2 }).inquiryPayment({ paymentId: 'p' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GatewayHttpError);
    expect(e).toMatchObject({ status: 503, body: 'busy', attempts: 3 });
    expect(proxy.connections()).toBe(3);
    await proxy.close();
  });

  it('`signal` aborts the call, also while it waits between retries', async () => {
    const proxy = await tcpProxy(() => {});
    const qi = w.client({ gatewayUrl: proxy.url, timeout: 60_000 });
    const controller = new AbortController();
    const pending = qi.inquiryPayment({ paymentId: 'p' }, { signal: controller.signal }).catch((x: unknown) => x);
    await expect.poll(() => proxy.connections()).toBe(1);
    controller.abort();
    expect(await pending).toMatchObject({ name: 'GatewayTransportError', reason: 'aborted' });

    const dropping = await droppingProxy(10);
    const slow = w.client({ gatewayUrl: dropping.url, retryDelay: 60_000, retries: 5 });
    const c2 = new AbortController();
    const waiting = slow.inquiryPayment({ paymentId: 'p' }, { signal: c2.signal }).catch((x: unknown) => x);
    await expect.poll(() => dropping.connections()).toBe(1);
    c2.abort();
    expect(await waiting).toMatchObject({ name: 'GatewayTransportError', reason: 'aborted', attempts: 1 });
    await proxy.close();
    await dropping.close();
  });
});

describe('configuration', () => {
  it('bad options are GatewayConfigErrors naming the option', async () => {
    const base = { gatewayUrl: 'http://127.0.0.1:1', clientId: 'C', privateKey: stranger.privateKey, walletPublicKey: stranger.publicKey };
    expect(() => createClient({ ...base, gatewayUrl: 'not a url' })).toThrow(expect.objectContaining({ name: 'GatewayConfigError', option: 'gatewayUrl' }));
    expect(() => createClient({ ...base, clientId: '' })).toThrow(expect.objectContaining({ option: 'clientId' }));
    expect(() => createClient({ ...base, privateKey: '/no/such/key.pem' })).toThrow(/privateKey: not PEM text and no readable file/);
    expect(() => createClient({ ...base, privateKey: stranger.publicKey })).toThrow(/privateKey: a public key was given/);
    expect(() => createClient({ ...base, retries: -1 })).toThrow(expect.objectContaining({ option: 'retries' }));
    const { clientFromEnv } = await import('../../src/server/index.js');
    expect(() => clientFromEnv({ ALIPAY_GATEWAY_URL: 'http://x' })).toThrow(expect.objectContaining({ option: 'ALIPAY_CLIENT_ID' }));
    const qi: Client = clientFromEnv({
      ALIPAY_GATEWAY_URL: w.sandbox.url,
      ALIPAY_CLIENT_ID: w.sandbox.clientId,
      ALIPAY_MERCHANT_PRIVATE_KEY: readFileSync(w.sandbox.merchantPrivateKeyPath, 'utf8'),
      ALIPAY_PUBLIC_KEY_PATH: w.sandbox.walletPublicKeyPath,
    });
    expect(await qi.inquiryPayment({ paymentId: 'p' })).toMatchObject({ code: 'ORDER_NOT_EXIST' });
  });
});
