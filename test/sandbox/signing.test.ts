// @vitest-environment node
/** Credentials, .env, signatures both ways, and the transport answers (never a crash, always signed JSON). */
import { createPublicKey, generateKeyPairSync, createHash, createSign } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALI, CASHIER, readEnv } from './merchant.js';
import { code, login, rid, startFixture, type Fixture } from './fixture.js';
import { startSandbox } from '../../src/sandbox/index.js';

// each start may generate two RSA key pairs: on a loaded machine that alone can take seconds
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

const INQUIRY = '/v1/payments/inquiryPayment';

describe('credentials and .env', () => {
  it('writes the four variables of the local-testing guide with absolute paths to PEM files', () => {
    const env = readEnv(f.sandbox.envPath);
    expect(env.ALIPAY_GATEWAY_URL).toBe(f.sandbox.url);
    expect(env.ALIPAY_CLIENT_ID).toBe(f.sandbox.clientId);
    expect(env.ALIPAY_MERCHANT_PRIVATE_KEY_PATH.startsWith('/')).toBe(true);
    expect(env.ALIPAY_PUBLIC_KEY_PATH.startsWith('/')).toBe(true);
    expect(readFileSync(env.ALIPAY_MERCHANT_PRIVATE_KEY_PATH, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // the wallet's public key is what a backend verifies with (crypto.createPublicKey reads it)
    expect(createPublicKey(readFileSync(env.ALIPAY_PUBLIC_KEY_PATH)).asymmetricKeyType).toBe('rsa');
  });

  it('keeps client id and keys across restarts; a new port rewrites only the URL line', async () => {
    const { dir } = f;
    const other = await startFixture();
    const before = readFileSync(other.sandbox.envPath, 'utf8');
    writeFileSync(other.sandbox.envPath, `${before}JWT_KEY=0123456789abcdef0123456789abcdef\n`);
    const key = readFileSync(other.sandbox.merchantPrivateKeyPath, 'utf8');
    const clientId = other.sandbox.clientId;
    await other.sandbox.close();
    const again = await startSandbox({ dir: other.dir, onWarning: () => {} });
    try {
      expect(again.clientId).toBe(clientId);
      expect(readFileSync(again.merchantPrivateKeyPath, 'utf8')).toBe(key);
      const env = readFileSync(again.envPath, 'utf8');
      expect(env).toContain(`ALIPAY_GATEWAY_URL=${again.url}\n`);
      expect(env).toContain('JWT_KEY=0123456789abcdef0123456789abcdef');
      expect(env.match(/ALIPAY_GATEWAY_URL=/g)).toHaveLength(1);
    } finally {
      await again.close();
      await other.close();
    }
    expect(existsSync(dir)).toBe(true);
  });

  it('refuses a missing dir and a bad port with typed errors', async () => {
    await expect(startSandbox({} as never)).rejects.toThrow(TypeError);
    await expect(startSandbox({ dir: f.dir, port: 70000 })).rejects.toThrow(/port/);
  });
});

describe('signatures', () => {
  it('verifies a request signed as the docs sign it and signs every response with the wallet key (Response-Time)', async () => {
    const r = await f.merchant.call(INQUIRY, { paymentId: 'nope' });
    expect(code(r)).toBe('ORDER_NOT_EXIST');
    expect(r.status).toBe(200);
    expect(r.signed).toBe(true);
    expect(r.headers.get('response-time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
    expect(r.headers.get('client-id')).toBe(f.merchant.clientId);
  });

  it.each([
    ['no Signature header', { headers: { Signature: undefined } }],
    ['a Signature header without signature=', { headers: { Signature: 'algorithm=RSA256, keyVersion=1' } }],
    ['a signature that is not base64', { headers: { Signature: 'algorithm=RSA256, keyVersion=1, signature=!!!' } }],
    ['another key', { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }],
    ['another path signed', { signPath: '/v1/payments/pay' }],
    ['no Request-Time', { headers: { 'Request-Time': undefined } }],
    ['a Request-Time that is not ISO 8601', { headers: { 'Request-Time': 'yesterday' } }],
    ['another algorithm', { headers: { Signature: 'algorithm=RSA512, keyVersion=1, signature=abc=' } }],
  ])('answers INVALID_SIGNATURE (HTTP 200, F) for %s', async (_, o) => {
    const r = await f.merchant.call(INQUIRY, { paymentId: 'x' }, o as never);
    expect(r.status).toBe(200);
    expect(r.json.result).toMatchObject({ resultCode: 'INVALID_SIGNATURE', resultStatus: 'F' });
    expect(r.signed).toBe(true);
  });

  it('answers INVALID_SIGNATURE for a body changed after signing (verified over the raw bytes)', async () => {
    const time = new Date().toISOString();
    const signed = JSON.stringify({ paymentId: 'a' });
    const sig = f.merchant.signature(INQUIRY, time, signed);
    const r = await f.merchant.call(INQUIRY, null, { raw: JSON.stringify({ paymentId: 'b' }), time, headers: { Signature: `algorithm=RSA256, keyVersion=1, signature=${sig}` } });
    expect(code(r)).toBe('INVALID_SIGNATURE');
  });

  it('says why when the signature hashes the content twice (the overview Node snippet)', async () => {
    const time = new Date().toISOString();
    const raw = JSON.stringify({ paymentId: 'x' });
    const hash = createHash('sha256').update(`POST ${INQUIRY}\n${f.merchant.clientId}.${time}.${raw}`).digest();
    const sig = createSign('SHA256').update(hash).sign(f.merchant.privateKey, 'base64');
    const r = await f.merchant.call(INQUIRY, null, { raw, time, headers: { Signature: `algorithm=RSA256, keyVersion=1, signature=${sig}` } });
    expect(code(r)).toBe('INVALID_SIGNATURE');
    expect(r.json.result.resultMessage).toMatch(/hashed twice/);
  });

  it('answers KEY_NOT_FOUND for a keyVersion the sandbox has no key for', async () => {
    const time = new Date().toISOString();
    const raw = '{}';
    const sig = f.merchant.signature(INQUIRY, time, raw);
    const r = await f.merchant.call(INQUIRY, null, { raw, time, headers: { Signature: `algorithm=RSA256, keyVersion=2, signature=${sig}` } });
    expect(code(r)).toBe('KEY_NOT_FOUND');
  });

  it('answers CLIENT_INVALID for an unknown or missing Client-Id', async () => {
    expect(code(await f.merchant.call(INQUIRY, { paymentId: 'x' }, { headers: { 'Client-Id': '2021000000000000' } }))).toBe('CLIENT_INVALID');
    expect(code(await f.merchant.call(INQUIRY, { paymentId: 'x' }, { headers: { 'Client-Id': undefined } }))).toBe('CLIENT_INVALID');
  });

  it('accepts header names in any case and signature parts in any order', async () => {
    const time = new Date().toISOString();
    const raw = JSON.stringify({ paymentId: 'x' });
    const sig = f.merchant.signature(INQUIRY, time, raw);
    const r = await f.merchant.call(INQUIRY, null, { raw, time, headers: { Signature: undefined, signature: `signature=${sig},keyVersion=1,algorithm=rsa256` } });
    expect(code(r)).toBe('ORDER_NOT_EXIST');
  });
});

describe("the Go client's bytes", () => {
  const goBody = (requestId: string) =>
    `{"order":{"buyer":{"referenceBuyerId":"${ALI}"},"orderDescription":"Tea \\u0026 cake \\u003cbig\\u003e"},"paymentAmount":{"currency":"IQD","value":"1000"},"paymentAuthCode":"","paymentExpiryTime":"","paymentNotifyUrl":"","paymentOrderTitle":"Tea","paymentRequestId":"${requestId}","productCode":"${CASHIER}"}`;

  it('verifies over the raw bytes (sorted keys, \\u0026 escapes), reads "" as absent, takes a local time with offset', async () => {
    const time = '2026-12-01T15:04:05+03:00';
    const r = await f.merchant.call('/v1/payments/pay', null, { raw: goBody(rid('GO')), time });
    expect(r.json.result.resultStatus).toBe('A');
    expect(r.json.redirectActionForm.redirectUrl).toBe(r.json.redirectActionForm.redirectionUrl);
    const pay = await f.app.get(`/wallet-api/payments?paymentUrl=${encodeURIComponent(r.json.redirectActionForm.redirectUrl)}`);
    expect(pay.json.orderDescription).toBe('Tea & cake <big>');
    // inquiryPayment with "" for the id it lacks
    const q = await f.merchant.call(INQUIRY, { paymentId: '', paymentRequestId: pay.json.paymentRequestId }, { time });
    expect(q.json.paymentId).toBe(r.json.paymentId);
  });

  it('answers two byte-identical requests in the same second (same signature) with the same result', async () => {
    const time = '2026-12-01T15:04:06+03:00';
    const raw = goBody(rid('GO'));
    const [a, b] = await Promise.all([f.merchant.call('/v1/payments/pay', null, { raw, time }), f.merchant.call('/v1/payments/pay', null, { raw, time })]);
    expect(a.json.result.resultStatus).toBe('A');
    expect(b.json).toEqual(a.json);
  });

  it('serves //v1/... (a gateway URL with a trailing slash), signed over either path', async () => {
    const r1 = await f.merchant.call(INQUIRY, { paymentId: 'x' }, { callPath: `/${INQUIRY}` });
    expect(code(r1)).toBe('ORDER_NOT_EXIST');
    const r2 = await f.merchant.call(INQUIRY, { paymentId: 'x' }, { callPath: `/${INQUIRY}`, signPath: `/${INQUIRY}` });
    expect(code(r2)).toBe('ORDER_NOT_EXIST');
  });
});

describe('transport: the documented answer, JSON, never a crash', () => {
  it('METHOD_NOT_SUPPORTED for GET on an Open API', async () => {
    const r = await f.merchant.call(INQUIRY, null, { method: 'GET' });
    expect(code(r)).toBe('METHOD_NOT_SUPPORTED');
  });

  it('MEDIA_TYPE_NOT_ACCEPTABLE for a body that is not JSON-typed', async () => {
    const r = await f.merchant.call(INQUIRY, { paymentId: 'x' }, { headers: { 'Content-Type': 'text/plain' } });
    expect(code(r)).toBe('MEDIA_TYPE_NOT_ACCEPTABLE');
  });

  it('PARAM_ILLEGAL for malformed JSON, a non-object body, a wrong-typed or missing field', async () => {
    expect(code(await f.merchant.call(INQUIRY, null, { raw: '{"paymentId":' }))).toBe('PARAM_ILLEGAL');
    expect(code(await f.merchant.call(INQUIRY, null, { raw: '[1,2]' }))).toBe('PARAM_ILLEGAL');
    const typed = await f.merchant.call(INQUIRY, { paymentId: 42 });
    expect(typed.json.result).toMatchObject({ resultCode: 'PARAM_ILLEGAL', resultStatus: 'F' });
    expect(typed.json.result.resultMessage).toMatch(/paymentId must be a string/);
    const missing = await f.merchant.call(INQUIRY, {});
    expect(missing.json.result.resultMessage).toMatch(/one of paymentId, paymentRequestId/);
  });

  it('HTTP 413 with a JSON body for an oversized body', async () => {
    const r = await f.merchant.call(INQUIRY, null, { raw: JSON.stringify({ paymentId: 'x'.repeat(1_100_000) }) });
    expect(r.status).toBe(413);
    expect(code(r)).toBe('PARAM_ILLEGAL');
  });

  it('HTTP 404 with a JSON body for an unknown path', async () => {
    const r = await f.merchant.call('/v1/payments/teleport', {});
    expect(r.status).toBe(404);
    expect(code(r)).toBe('NOT_FOUND');
    expect(r.signed).toBe(true);
  });

  it('survives a request cut off mid-body and a garbage request target', async () => {
    const url = new URL(f.sandbox.url);
    await new Promise<void>((done) => {
      const req = request({ host: url.hostname, port: url.port, path: INQUIRY, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
      req.on('error', () => done());
      req.write('{"paymentId":');
      setTimeout(() => {
        req.destroy();
        done();
      }, 50);
    });
    const r = await f.merchant.call(INQUIRY, { paymentId: 'still-alive' });
    expect(code(r)).toBe('ORDER_NOT_EXIST');
    const { accessToken } = await login(f);
    expect(accessToken).toMatch(/^2810/);
  });
});
