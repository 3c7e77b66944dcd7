// A merchant backend written from the docs (01-guide/11-Backend, 02-flows, 03-open-apis), plain Node:
// the HTTP API a miniapp page calls, each endpoint calling the Super Qi Open APIs through the signing
// client, and the payment notification receiver that verifies the wallet's signature. It reads the
// gateway, client id and key paths from a `.env` (the sandbox writes one), like the demo backend.
//
//   ENV_FILE=/path/to/.env PORT=0 CORS_ORIGIN=http://127.0.0.1:5173 node server.mjs
//   import { startMerchantBackend } from './server.mjs'
//
// Sessions live in memory (the demo backend hands the page a JWE instead; the page only ever holds
// an opaque token, never an access token).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createAlipayClient, signatureOf, signContent, verify } from './alipay-client.mjs';
import { readEnv } from './env.mjs';

/** Product codes of 02-flows. */
export const PRODUCT = { cashier: '51051000101000000011', agreement: '51051000101000100031', escrow: '51051000101000100008' };
/** Where the wallet posts payment results. */
export const NOTIFY_PATH = '/api/notify/payment';

const MAX_BODY = 64 * 1024;
const requestId = (prefix) => `${prefix}-${randomUUID()}-${Date.now()}`;
const fils = (iqd) => String(Math.round(Number(iqd) * 1000));

class BadRequest extends Error {}

/** The page's JSON body. */
async function readJson(req) {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > MAX_BODY) throw new BadRequest('body too large');
  }
  return { raw, json: () => {
    try {
      const v = raw ? JSON.parse(raw) : {};
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
      return v;
    } catch {
      throw new BadRequest('Invalid request body');
    }
  } };
}

/** The page's view of an Open API answer: its result flattened, plus `success`. */
const outcome = (answer, extra = {}) => ({
  success: answer?.result?.resultStatus === 'S' || answer?.result?.resultStatus === 'A',
  resultStatus: answer?.result?.resultStatus,
  resultCode: answer?.result?.resultCode,
  resultMessage: answer?.result?.resultMessage,
  ...extra,
});

/**
 * The backend's request handling, without a server of its own (the playground's dev server mounts it
 * under `/api/`). `envPath`: the `.env` to read; `publicUrl()`: where it is reached (for the notify
 * URL); `corsOrigin`: the page's origin (default `*`; `null` sends no CORS headers); `refundPollMs`:
 * wait between inquiryRefund polls on a `U` refund (the demo backend: 5000, 12 times); `trace`: add
 * the Open API calls made (`openApi: [{ path, request, response }]`) to every answer, for a page that
 * shows them. Returns `{ handle(req, res) → Promise<boolean> (false: not its path), notifications }`.
 */
export function createMerchantBackend({ envPath, publicUrl, corsOrigin = '*', refundPollMs = 5000, trace = false, log = () => {} }) {
  const env = readEnv(envPath);
  for (const name of ['ALIPAY_GATEWAY_URL', 'ALIPAY_CLIENT_ID', 'ALIPAY_MERCHANT_PRIVATE_KEY_PATH', 'ALIPAY_PUBLIC_KEY_PATH']) {
    if (!env[name]) throw new Error(`${envPath}: ${name} is missing`);
  }
  // With `trace`, each request's Open API calls are collected in its own async context.
  const traced = new AsyncLocalStorage();
  const client = createAlipayClient({
    onCall: trace ? (c) => traced.getStore()?.push(c) : undefined,
    gatewayUrl: env.ALIPAY_GATEWAY_URL,
    clientId: env.ALIPAY_CLIENT_ID,
    privateKeyPath: env.ALIPAY_MERCHANT_PRIVATE_KEY_PATH,
    walletPublicKeyPath: env.ALIPAY_PUBLIC_KEY_PATH,
  });
  const alipay = client;
  /** token → { userId, accessToken } (login) or { customerId, agreementToken } (agreement). */
  const sessions = new Map();
  /** Every notification received: `{ verified, path, clientId, requestTime, body, receivedAt }`. */
  const notifications = [];
  const selfUrl = () => publicUrl().replace(/\/+$/, '');

  const session = (token) => {
    const s = sessions.get(token);
    if (!s) throw Object.assign(new BadRequest('Token validation failure'), { status: 401 });
    return s;
  };

  const routes = {
    /** getAuthCode's authCode → applyToken → inquiryUserInfo; the page gets a session token and the profile. */
    async 'POST /api/auth/apply-token'(body) {
      const token = await alipay.applyToken(String(body.authCode ?? ''));
      if (token.result?.resultCode !== 'SUCCESS') return outcome(token);
      const info = await alipay.inquiryUserInfo(token.accessToken);
      if (info.result?.resultStatus !== 'S') return outcome(info);
      const t = randomBytes(16).toString('hex');
      sessions.set(t, { userId: info.userInfo.userId, customerId: token.customerId, accessToken: token.accessToken });
      return outcome(token, { token: t, customerId: token.customerId, userInfo: info.userInfo });
    },
    /** A cashier (or escrow) payment for the signed-in user: the page gets the cashier URL for tradePay. */
    async 'POST /api/payment/create'(body) {
      const s = session(body.token);
      const answer = await alipay.pay({
        productCode: body.escrow ? PRODUCT.escrow : PRODUCT.cashier,
        paymentRequestId: requestId('PAY'),
        paymentAmount: { currency: 'IQD', value: fils(body.amount) },
        order: { orderDescription: String(body.description ?? 'Order'), buyer: { referenceBuyerId: s.userId } },
        paymentNotifyUrl: selfUrl() + NOTIFY_PATH,
        paymentRedirectUrl: selfUrl() + '/order/return',
      });
      return outcome(answer, { paymentId: answer.paymentId, paymentUrl: answer.redirectActionForm?.redirectionUrl ?? answer.redirectActionForm?.redirectUrl });
    },
    async 'POST /api/payment/inquiry'(body) {
      const answer = await alipay.inquiryPayment(String(body.paymentId ?? ''));
      return outcome(answer, { paymentStatus: answer.paymentStatus, paymentAmount: answer.paymentAmount, paymentTime: answer.paymentTime });
    },
    /** A refund; on `U` it polls inquiryRefund like the demo backend. */
    async 'POST /api/payment/refund'(body) {
      const refundRequestId = requestId('REFUND');
      let answer = await alipay.refund({ refundRequestId, paymentId: String(body.paymentId ?? ''), refundAmount: { currency: 'IQD', value: fils(body.amount) }, refundReason: 'Customer request' });
      if (answer.result?.resultStatus !== 'U') return outcome(answer, { refundId: answer.refundId, refundStatus: answer.result?.resultStatus === 'S' ? 'SUCCESS' : 'FAIL' });
      for (let i = 0; i < 12; i++) {
        await new Promise((r) => setTimeout(r, refundPollMs));
        answer = await alipay.inquiryRefund(refundRequestId);
        if (answer.result?.resultCode === 'REFUND_NOT_EXIST' || (answer.refundStatus && answer.refundStatus !== 'PROCESSING')) break;
      }
      return outcome(answer, { refundId: answer.refundId, refundStatus: answer.refundStatus ?? 'PROCESSING' });
    },
    async 'POST /api/agreement/prepare'(body) {
      const answer = await alipay.prepare(String(body.contractDesc ?? 'Agreement'), body.language === 'ar-IQ' ? 'ar-IQ' : 'en-US');
      return outcome(answer, { authUrl: answer.authUrl });
    },
    /** qicardSignContract's authCode → the agreement token (kept here; the page gets a session token). */
    async 'POST /api/agreement/apply-token'(body) {
      const token = await alipay.applyToken(String(body.authCode ?? ''));
      if (token.result?.resultCode !== 'SUCCESS' || token.result?.resultStatus !== 'S') return outcome(token);
      const t = randomBytes(16).toString('hex');
      sessions.set(t, { customerId: token.customerId, agreementToken: token.accessToken });
      return outcome(token, { token: t, customerId: token.customerId });
    },
    /** Charges the agreement with no user interaction. */
    async 'POST /api/agreement/pay'(body) {
      const s = session(body.token);
      const answer = await alipay.pay({
        productCode: PRODUCT.agreement,
        paymentRequestId: requestId('AGREEMENT-PAY'),
        paymentAuthCode: s.agreementToken,
        paymentAmount: { currency: 'IQD', value: fils(body.amount) },
        order: { orderDescription: String(body.description ?? 'Agreement payment') },
        paymentNotifyUrl: selfUrl() + NOTIFY_PATH,
      });
      return outcome(answer, { paymentId: answer.paymentId, paymentTime: answer.paymentTime });
    },
    async 'POST /api/escrow/accept'(body) {
      return outcome(await alipay.merchantAccept(String(body.paymentId ?? '')));
    },
    async 'POST /api/escrow/confirm'(body) {
      const answer = await alipay.confirm(String(body.paymentId ?? ''), requestId('CONFIRM'));
      return outcome(answer, { confirmId: answer.confirmId, confirmTime: answer.confirmTime });
    },
    async 'POST /api/escrow/cancel'(body) {
      const answer = await alipay.cancel(String(body.paymentId ?? ''));
      return outcome(answer, { cancelTime: answer.cancelTime });
    },
    /** The notifications received so far (`?paymentId=` filters), for the page and the tests. */
    async 'GET /api/notifications'(_body, url) {
      const id = url.searchParams.get('paymentId');
      return { notifications: id ? notifications.filter((n) => n.body?.paymentId === id) : notifications };
    },
  };

  const cors = corsOrigin === null ? {} : { 'access-control-allow-origin': corsOrigin, vary: 'origin' };
  const send = (res, status, value, headers = cors) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(value));

  /** The wallet's payment notification: verified over the raw body with the wallet public key, then recorded. */
  async function receiveNotification(req, res) {
    const { raw } = await readJson(req);
    const clientId = req.headers['client-id'];
    const time = req.headers['request-time'];
    const verified = !!clientId && !!time && verify(signContent('POST', NOTIFY_PATH, clientId, time, raw), signatureOf(req.headers['signature']), client.walletPublicKey);
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    notifications.push({ verified, path: NOTIFY_PATH, clientId, requestTime: time, body, receivedAt: new Date().toISOString() });
    log(`notification ${verified ? 'verified' : 'REJECTED (bad signature)'}: ${body?.paymentId ?? '?'} ${body?.paymentResult?.resultStatus ?? ''}`);
    if (!verified) return send(res, 401, { result: { resultCode: 'INVALID_SIGNATURE', resultStatus: 'F', resultMessage: 'signature verification failed' } }, {});
    send(res, 200, { result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } }, {});
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/order/return') return false;
    try {
      if (req.method === 'POST' && url.pathname === NOTIFY_PATH) {
        await receiveNotification(req, res);
        return true;
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' }).end();
        return true;
      }
      if (req.method === 'GET' && url.pathname === '/order/return') {
        send(res, 200, { ok: true });
        return true;
      }
      const route = routes[`${req.method} ${url.pathname}`];
      if (!route) {
        send(res, 404, { success: false, resultStatus: 'F', resultCode: 'NOT_FOUND', resultMessage: `no route ${req.method} ${url.pathname}` });
        return true;
      }
      const body = req.method === 'POST' ? (await readJson(req)).json() : {};
      const calls = [];
      const answer = await traced.run(calls, () => route(body, url));
      send(res, 200, trace ? { ...answer, openApi: calls } : answer);
    } catch (e) {
      const status = e instanceof BadRequest ? (e.status ?? 400) : 500;
      if (status === 500) log(`${url.pathname}: ${e?.stack ?? e}`);
      send(res, status, { success: false, resultStatus: 'F', resultCode: status === 401 ? 'UNAUTHORIZED' : status === 400 ? 'INVALID_REQUEST' : 'API_CALL_FAILED', resultMessage: String(e?.message ?? e) });
    }
    return true;
  }

  return { handle, notifications };
}

/** Starts the backend on its own server (`port` 0: any free one). Resolves `{ url, notifications, close() }`. */
export async function startMerchantBackend({ port = 0, ...options }) {
  let url = '';
  const backend = createMerchantBackend({ ...options, publicUrl: () => url });
  const server = createServer((req, res) => {
    backend.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404, { 'content-type': 'application/json' }).end('{"success":false,"resultCode":"NOT_FOUND"}');
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    notifications: backend.notifications,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startMerchantBackend({
    envPath: process.env.ENV_FILE ?? '.env',
    port: Number(process.env.PORT ?? 1999),
    corsOrigin: process.env.CORS_ORIGIN ?? '*',
    refundPollMs: Number(process.env.REFUND_POLL_MS ?? 5000),
    log: (m) => console.log(m),
  }).then(
    ({ url }) => console.log(`merchant backend listening on ${url}`),
    (e) => {
      console.error(e?.message ?? e);
      process.exit(1);
    },
  );
}
