// @vitest-environment node
/**
 * The sandbox driven as Ant's gateway SDKs drive a gateway (the Python one, unchanged, failed on each):
 * an absolute-form request target (`POST http://host/v1/... HTTP/1.1`, RFC 9112 §3.2.2), response headers
 * read by exact lower-case name, a URL-encoded `signature=` both ways, and a PKCS#1 merchant key. The
 * client here is written from that SDK's habits (quote_plus / unquote_plus, `json.dumps(indent=3)`,
 * a PKCS#1-only key loader), not from the sandbox's code.
 */
import { createPrivateKey, createPublicKey, createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALI, CASHIER, readEnv } from './merchant.js';
import { rid, startFixture, type Fixture } from './fixture.js';
import { parseArgs } from '../../src/sandbox/cli.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { requestTarget } from '../../src/sandbox/request-target.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let f: Fixture;
let walletKey: KeyObject;
beforeAll(async () => {
  f = await startFixture({ retryScheduleMs: [0, 50, 50] });
  walletKey = createPublicKey(readFileSync(readEnv(f.sandbox.envPath).ALIPAY_PUBLIC_KEY_PATH));
});
afterAll(() => f.close());

// ── the SDK's habits ─────────────────────────────────────────────────────────────────────────────
/** Python's `rsa.PrivateKey.load_pkcs1`: the DER inside `BEGIN RSA PRIVATE KEY`, PKCS#1 only (a PKCS#8 body does not parse). */
function loadPkcs1Only(pem: string): KeyObject {
  const m = /^-----BEGIN RSA PRIVATE KEY-----\n([\s\S]+?)\n-----END RSA PRIVATE KEY-----\n?$/.exec(pem);
  if (!m) throw new Error('not a PKCS#1 PEM');
  return createPrivateKey({ key: Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'pkcs1' });
}
/** `json.dumps(payload, indent=3)`: ensure_ascii escapes every non-ASCII character as \uXXXX. */
const pyJson = (v: unknown): string => JSON.stringify(v, null, 3).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** `urllib.parse.quote_plus` over base64 (letters and digits stay; `+ / =` become %2B %2F %3D). */
const quotePlus = (s: string): string => s.replace(/[^A-Za-z0-9_.~-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
/** `unquote_plus`: `+` is a space, then %XX decoded. */
const unquotePlus = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
/** `base64.b64decode` (validate=False): characters outside the alphabet are dropped. */
const b64decode = (s: string): Buffer => Buffer.from(s.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');

interface Exchange {
  status: number;
  /** Response headers by the exact name on the wire (rawHeaders), as `__parse_header` compares them. */
  exact: Record<string, string>;
  body: string;
}

/** One request through node:http with `target` as the request line's target (absolute-form if it is a URL). */
function send(target: string, headers: Record<string, string>, body?: string, method = 'POST'): Promise<Exchange> {
  const { port } = new URL(f.sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), method, path: target, headers }, (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const exact: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) exact[res.rawHeaders[i]!] = res.rawHeaders[i + 1]!;
        resolve({ status: res.statusCode!, exact, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An Open API call as the SDK's `DefaultAlipayClient.execute` makes it; `verified` is its own check of the answer. */
async function sdkCall(path: string, payload: unknown, o: { encode?: boolean; key?: KeyObject; absolute?: boolean } = {}): Promise<Exchange & { json: any; verified: boolean }> {
  const key = o.key ?? loadPkcs1Only(readFileSync(f.sandbox.merchantPrivateKeyPkcs1Path, 'utf8'));
  const body = pyJson(payload);
  const time = `${new Date().toISOString().slice(0, 19)}+00:00`;
  const b64 = createSign('RSA-SHA256').update(`POST ${path}\n${f.sandbox.clientId}.${time}.${body}`).sign(key, 'base64');
  const headers = {
    'Content-type': 'application/json; charset=UTF-8',
    'Request-Time': time,
    'client-id': f.sandbox.clientId,
    Signature: `algorithm=RSA256,keyVersion=1,signature=${o.encode === false ? b64 : quotePlus(b64)}`,
  };
  const r = await send(o.absolute === false ? path : `${f.sandbox.url}${path}`, headers, body);
  // __parse_header: exact lower-case names, the signature after "signature=", then unquote_plus + b64decode
  const sig = r.exact['signature']?.split('signature=')[1];
  const time2 = r.exact['response-time'];
  const client = r.exact['client-id'];
  const verified = !!sig && !!time2 && !!client && createVerify('RSA-SHA256').update(`POST ${path}\n${client}.${time2}.${r.body}`).verify(walletKey, b64decode(unquotePlus(sig)));
  return { ...r, json: JSON.parse(r.body), verified };
}

const payBody = () => ({
  productCode: CASHIER,
  paymentRequestId: rid('PY'),
  paymentAmount: { currency: 'IQD', value: '12500' },
  order: { orderDescription: 'كتاب — a book', buyer: { referenceBuyerId: ALI } },
});

describe("Ant's Python SDK, as it is", () => {
  it('pays and inquires: absolute-form target, URL-encoded signature, PKCS#1 key, \\u-escaped indented JSON; every answer passes its own checks', async () => {
    expect(readFileSync(f.sandbox.merchantPrivateKeyPkcs1Path, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const pay = await sdkCall('/v1/payments/pay', payBody());
    expect(pay.status).toBe(200);
    expect(pay.json.result).toMatchObject({ resultStatus: 'A', resultCode: 'ACCEPT' });
    expect(pay.verified).toBe(true);
    const inquiry = await sdkCall('/v1/payments/inquiryPayment', { paymentId: pay.json.paymentId });
    expect(inquiry.json).toMatchObject({ result: { resultStatus: 'S' }, paymentId: pay.json.paymentId, paymentStatus: 'PROCESSING' });
    expect(inquiry.verified).toBe(true);
  });
});

describe('absolute-form request targets (RFC 9112 §3.2.2)', () => {
  it('serves every surface: Open APIs, the wallet API, the admin API, the page', async () => {
    expect((await sdkCall('/v1/payments/inquiryPayment', { paymentId: 'none' })).json.result.resultCode).toBe('ORDER_NOT_EXIST');
    const session = await send(`${f.sandbox.url}/wallet-api/session`, {}, undefined, 'GET');
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body).user.userId).toBe(ALI);
    const payments = await send(`${f.sandbox.url}/wallet-api/payments?paymentId=none`, {}, undefined, 'GET');
    expect(JSON.parse(payments.body)).toMatchObject({ error: 'PAYMENT_NOT_FOUND' });
    const state = await send(`${f.sandbox.url}/sandbox-api/state`, {}, undefined, 'GET');
    expect(JSON.parse(state.body).clientId).toBe(f.sandbox.clientId);
    const page = await send(`${f.sandbox.url}/`, {}, undefined, 'GET');
    expect(page.status).toBe(200);
    expect(page.exact['Content-Type']).toMatch(/^text\/html/);
  });

  it('reads an https target, a trailing-slash gateway URL (//v1/...) in either form, and still origin-form', async () => {
    const https = `https://127.0.0.1:${f.sandbox.port}`;
    const sent = await send(`${https}/wallet-api/session`, {}, undefined, 'GET');
    expect(sent.status).toBe(200);
    const path = '/v1/payments/inquiryPayment';
    expect((await sdkCall(path, { paymentId: 'none' }, { absolute: false })).json.result.resultCode).toBe('ORDER_NOT_EXIST');
    // `${gateway}/` + `/v1/...`: the sandbox verifies the signature over either path, as today
    const body = JSON.stringify({ paymentId: 'none' });
    const time = new Date().toISOString();
    const sig = createSign('RSA-SHA256').update(`POST ${path}\n${f.sandbox.clientId}.${time}.${body}`).sign(f.merchant.privateKey, 'base64');
    const headers = { 'content-type': 'application/json', 'client-id': f.sandbox.clientId, 'request-time': time, signature: `algorithm=RSA256, keyVersion=1, signature=${sig}` };
    for (const target of [`${f.sandbox.url}/${path}`, `/${path}`]) {
      const r = await send(target, headers, body);
      expect(JSON.parse(r.body).result.resultCode, target).toBe('ORDER_NOT_EXIST');
    }
  });

  it('over a raw socket: the request line as the SDK writes it', async () => {
    const body = pyJson({ paymentId: 'none' });
    const path = '/v1/payments/inquiryPayment';
    const time = `${new Date().toISOString().slice(0, 19)}+00:00`;
    const sig = quotePlus(createSign('RSA-SHA256').update(`POST ${path}\n${f.sandbox.clientId}.${time}.${body}`).sign(f.merchant.privateKey, 'base64'));
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(f.sandbox.port, '127.0.0.1', () => {
        socket.end(
          `POST ${f.sandbox.url}${path} HTTP/1.1\r\nHost: 127.0.0.1:${f.sandbox.port}\r\nContent-type: application/json; charset=UTF-8\r\n` +
            `Request-Time: ${time}\r\nclient-id: ${f.sandbox.clientId}\r\nSignature: algorithm=RSA256,keyVersion=1,signature=${sig}\r\n` +
            `Connection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      });
      let out = '';
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => (out += c));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text).toContain('ORDER_NOT_EXIST');
    expect(text).toMatch(/\r\nsignature: algorithm=RSA256, keyVersion=1, signature=[A-Za-z0-9%]+\r\n/);
  });

  it('refuses a target that is neither a path nor an http(s) URL with a JSON 400', async () => {
    const r = await send('ftp://127.0.0.1/v1/payments/pay', { 'content-type': 'application/json' }, '{}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).result).toMatchObject({ resultCode: 'PARAM_ILLEGAL', resultMessage: expect.stringMatching(/not an http\(s\) URL/) });
  });

  it('requestTarget: the authority of an absolute-form target is the host that counts (Host is ignored then)', () => {
    const req = (url: string, host?: string) => ({ url, headers: host ? { host } : {} }) as IncomingMessage;
    expect(requestTarget(req('https://gateway.example:8443/v1/payments/pay?x=1', '127.0.0.1:9'))).toMatchObject({ host: 'gateway.example:8443', absolute: true });
    const t = requestTarget(req('https://gateway.example/v1/payments/pay?x=1', '127.0.0.1:9'));
    expect(typeof t !== 'string' && [t.url.pathname, t.url.search]).toEqual(['/v1/payments/pay', '?x=1']);
    expect(requestTarget(req('/v1/payments/pay', 'localhost:5'))).toMatchObject({ host: 'localhost:5', absolute: false });
    const slash = requestTarget(req('//v1/payments/pay', 'localhost:5'));
    expect(typeof slash !== 'string' && slash.url.pathname).toBe('//v1/payments/pay');
    expect(requestTarget(req('*'))).toMatchObject({ host: undefined, absolute: false });
    expect(requestTarget(req('mailto://x'))).toMatch(/not an http\(s\) URL/);
  });
});

/** A notification endpoint that keeps each request's raw header names, its signature= value and the content it signs. */
async function hook(): Promise<{ server: Server; url: string; got: Array<{ names: string[]; signature: string; content: string }> }> {
  const got: Array<{ names: string[]; signature: string; content: string }> = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      const names = req.rawHeaders.filter((_, i) => i % 2 === 0);
      const signature = String(req.headers['signature']).split('signature=')[1]!;
      const content = `POST ${req.url}\n${req.headers['client-id']}.${req.headers['request-time']}.${raw}`;
      got.push({ names, signature, content });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, got };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(ok()).toBe(true);
};

describe('header names on the wire are lower-case', () => {
  it('answers client-id, response-time and signature by exact lower-case name, to any client', async () => {
    const r = await sdkCall('/v1/payments/inquiryPayment', { paymentId: 'none' }, { encode: false });
    expect(Object.keys(r.exact).filter((n) => /^(client-id|response-time|signature)$/i.test(n)).sort()).toEqual(['client-id', 'response-time', 'signature']);
    expect(r.exact['client-id']).toBe(f.sandbox.clientId);
    expect(r.exact['response-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
  });

  it('sends notifications with lower-case names too', async () => {
    const h = await hook();
    try {
      const r = await f.merchant.call('/v1/payments/pay', { ...payBody(), paymentNotifyUrl: h.url });
      await f.app.post('/wallet-api/payments/decide', { paymentId: r.json.paymentId, userId: ALI, decision: 'pay' });
      await until(() => h.got.length === 1);
      expect(h.got[0]!.names).toEqual(expect.arrayContaining(['client-id', 'request-time', 'signature', 'content-type']));
      expect(h.got[0]!.names.filter((n) => n !== n.toLowerCase() && n !== 'Host' && n !== 'Connection')).toEqual([]); // those two are node:http's own
    } finally {
      await new Promise((r) => h.server.close(r));
    }
  });
});

describe('signature encoding: the answer in the encoding of the request', () => {
  const ENCODED = /^(?:[A-Za-z0-9]|%2B|%2F|%3D)+$/;
  const PLAIN = /^[A-Za-z0-9+/]+={0,2}$/;

  it('URL-encoded in, URL-encoded out (a business answer and a refusal alike)', async () => {
    const ok = await sdkCall('/v1/payments/inquiryPayment', { paymentId: 'none' });
    const sig = ok.exact['signature']!.split('signature=')[1]!;
    expect(sig).toMatch(ENCODED);
    expect(sig).toContain('%3D'); // a 2048-bit signature's base64 ends in ==
    expect(ok.verified).toBe(true);
    // signed with another key: INVALID_SIGNATURE, still answered URL-encoded
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const refused = await sdkCall('/v1/payments/inquiryPayment', { paymentId: 'none' }, { key: stranger });
    expect(refused.json.result.resultCode).toBe('INVALID_SIGNATURE');
    expect(refused.exact['signature']!.split('signature=')[1]).toMatch(ENCODED);
    expect(refused.verified).toBe(true);
  });

  it('plain in, plain out (the docs: a URL-decoding client would not verify it, a docs client does)', async () => {
    const r = await sdkCall('/v1/payments/inquiryPayment', { paymentId: 'none' }, { encode: false });
    const sig = r.exact['signature']!.split('signature=')[1]!;
    expect(sig).toMatch(PLAIN);
    expect(createVerify('RSA-SHA256').update(`POST /v1/payments/inquiryPayment\n${r.exact['client-id']}.${r.exact['response-time']}.${r.body}`).verify(walletKey, sig, 'base64')).toBe(true);
  });

  it('notifications: plain by default, URL-encoded with notifySignatureEncoding (and --notify-signature)', async () => {
    const h = await hook();
    const encoded = await startFixture({ notifySignatureEncoding: 'url-encoded' });
    try {
      for (const [g, n] of [[f, 1], [encoded, 2]] as const) {
        const r = await g.merchant.call('/v1/payments/pay', { ...payBody(), paymentNotifyUrl: h.url });
        await g.app.post('/wallet-api/payments/decide', { paymentId: r.json.paymentId, userId: ALI, decision: 'pay' });
        await until(() => h.got.length === n);
      }
      expect(h.got[0]!.signature).toMatch(PLAIN);
      expect(h.got[1]!.signature).toMatch(ENCODED);
      const keys = [f, encoded].map((g) => createPublicKey(readFileSync(g.sandbox.walletPublicKeyPath)));
      expect(h.got.map((g, i) => createVerify('RSA-SHA256').update(g.content).verify(keys[i]!, decodeURIComponent(g.signature), 'base64'))).toEqual([true, true]);
    } finally {
      await encoded.close();
      await new Promise((r) => h.server.close(r));
    }
    await expect(startSandbox({ dir: f.dir, notifySignatureEncoding: 'base64' as never })).rejects.toThrow(/startSandbox: options\.notifySignatureEncoding must be 'plain' or 'url-encoded'/);
    expect(parseArgs(['--notify-signature', 'url-encoded'])).toMatchObject({ notifySignatureEncoding: 'url-encoded' });
    expect(() => parseArgs(['--notify-signature', 'yes'])).toThrow(/--notify-signature must be plain or url-encoded/);
  });
});
