// A merchant backend written from the docs (01-guide/11-Backend, 02-flows, 03-open-apis) with only
// `superqi-bridge/server`: the HTTP API a miniapp page calls, each endpoint calling the Super Qi Open
// APIs through the typed client (signed requests, verified answers, safe retries), and the payment
// notification endpoint (`nodeNotificationHandler`: verified, acknowledged after it is recorded). It
// reads the gateway, client id and key paths from a `.env` (the sandbox writes one), like the demo
// backend.
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

/** Product codes of 02-flows. */
export const PRODUCT = { cashier: '51051000101000000011', agreement: '51051000101000100031', escrow: '51051000101000100008' };
/** Where the wallet posts payment results. */
export const NOTIFY_PATH = '/api/notify/payment';

const MAX_BODY = 64 * 1024;
const requestId = (prefix) => `${prefix}-${randomUUID()}-${Date.now()}`;

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
 * shows them; `server`: the `superqi-bridge/server` module (`npm start` passes one built from source,
 * so it runs without `npm run build`). Resolves `{ handle(req, res) → Promise<boolean> (false: not
 * its path), notifications }`.
 */
export async function createMerchantBackend({ envPath, publicUrl, corsOrigin = '*', refundPollMs = 5000, trace = false, log = () => {}, server }) {
  const { clientFromEnv, iqd, nodeNotificationHandler, OPEN_API_PATHS } = server ?? (await import('superqi-bridge/server'));
  // ALIPAY_GATEWAY_URL, ALIPAY_CLIENT_ID, ALIPAY_MERCHANT_PRIVATE_KEY_PATH, ALIPAY_PUBLIC_KEY_PATH
  const qi = clientFromEnv(envPath);
  // With `trace`, each request's Open API calls are collected in its own async context.
  const traced = new AsyncLocalStorage();
  /** Calls Open API `name`: the client's verified outcome (S, A, U, F); network and signature faults throw. */
  const alipay = async (name, request) => {
    const outcome = await qi[name](request);
    traced.getStore()?.push({ path: OPEN_API_PATHS[name], request, response: outcome.response });
    return outcome;
  };
  const amount = (value) => {
    try {
      return iqd(typeof value === 'number' ? value : String(value ?? ''));
    } catch (e) {
      throw new BadRequest(`amount: ${e.message}`);
    }
  };
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
      const token = await alipay('applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: String(body.authCode ?? '') });
      if (token.status !== 'S') return outcome(token);
      const info = await alipay('inquiryUserInfo', { accessToken: token.accessToken });
      if (info.status !== 'S') return outcome(info);
      const t = randomBytes(16).toString('hex');
      sessions.set(t, { userId: info.userInfo.userId, customerId: token.customerId, accessToken: token.accessToken });
      return outcome(token, { token: t, customerId: token.customerId, userInfo: info.userInfo });
    },
    /** A cashier (or escrow) payment for the signed-in user: the page gets the cashier URL for tradePay. */
    async 'POST /api/payment/create'(body) {
      const s = session(body.token);
      const answer = await alipay('pay', {
        productCode: body.escrow ? PRODUCT.escrow : PRODUCT.cashier,
        paymentRequestId: requestId('PAY'),
        paymentAmount: amount(body.amount),
        order: { orderDescription: String(body.description ?? 'Order'), buyer: { referenceBuyerId: s.userId } },
        paymentNotifyUrl: selfUrl() + NOTIFY_PATH,
        paymentRedirectUrl: selfUrl() + '/order/return',
      });
      return outcome(answer, { paymentId: answer.paymentId, paymentUrl: answer.redirectActionForm?.redirectionUrl ?? answer.redirectActionForm?.redirectUrl });
    },
    async 'POST /api/payment/inquiry'(body) {
      const answer = await alipay('inquiryPayment', { paymentId: String(body.paymentId ?? '') });
      return outcome(answer, { paymentStatus: answer.paymentStatus, paymentAmount: answer.paymentAmount, paymentTime: answer.paymentTime });
    },
    /** A refund (the client already asked again on U, with the same refundRequestId); still U: poll inquiryRefund like the demo backend. */
    async 'POST /api/payment/refund'(body) {
      const refundRequestId = requestId('REFUND');
      let answer = await alipay('refund', { refundRequestId, paymentId: String(body.paymentId ?? ''), refundAmount: amount(body.amount), refundReason: 'Customer request' });
      if (answer.status !== 'U') return outcome(answer, { refundId: answer.refundId, refundStatus: answer.status === 'S' ? 'SUCCESS' : 'FAIL' });
      for (let i = 0; i < 12; i++) {
        await new Promise((r) => setTimeout(r, refundPollMs));
        answer = await alipay('inquiryRefund', { refundRequestId });
        if (answer.code === 'REFUND_NOT_EXIST' || (answer.refundStatus && answer.refundStatus !== 'PROCESSING')) break;
      }
      return outcome(answer, { refundId: answer.refundId, refundStatus: answer.refundStatus ?? 'PROCESSING' });
    },
    async 'POST /api/agreement/prepare'(body) {
      const language = body.language === 'ar-IQ' ? 'ar-IQ' : 'en-US';
      const answer = await alipay('prepare', { scopes: 'AGREEMENT_PAY', extendInfo: JSON.stringify({ language, contractDesc: String(body.contractDesc ?? 'Agreement') }) });
      return outcome(answer, { authUrl: answer.authUrl });
    },
    /** qicardSignContract's authCode → the agreement token (kept here; the page gets a session token). */
    async 'POST /api/agreement/apply-token'(body) {
      const token = await alipay('applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: String(body.authCode ?? '') });
      if (token.status !== 'S') return outcome(token);
      const t = randomBytes(16).toString('hex');
      sessions.set(t, { customerId: token.customerId, agreementToken: token.accessToken });
      return outcome(token, { token: t, customerId: token.customerId });
    },
    /** Charges the agreement with no user interaction. */
    async 'POST /api/agreement/pay'(body) {
      const s = session(body.token);
      const answer = await alipay('pay', {
        productCode: PRODUCT.agreement,
        paymentRequestId: requestId('AGREEMENT-PAY'),
        paymentAuthCode: s.agreementToken,
        paymentAmount: amount(body.amount),
        order: { orderDescription: String(body.description ?? 'Agreement payment') },
        paymentNotifyUrl: selfUrl() + NOTIFY_PATH,
      });
      return outcome(answer, { paymentId: answer.paymentId, paymentTime: answer.paymentTime });
    },
    async 'POST /api/escrow/accept'(body) {
      return outcome(await alipay('merchantAccept', { paymentId: String(body.paymentId ?? '') }));
    },
    async 'POST /api/escrow/confirm'(body) {
      const answer = await alipay('confirm', { paymentId: String(body.paymentId ?? ''), confirmRequestId: requestId('CONFIRM') });
      return outcome(answer, { confirmId: answer.confirmId, confirmTime: answer.confirmTime });
    },
    async 'POST /api/escrow/cancel'(body) {
      const answer = await alipay('cancel', { paymentId: String(body.paymentId ?? '') });
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

  /**
   * The wallet's payment notifications: verified over the raw body and the notify path with the wallet
   * public key (a forged one gets 401 and is recorded as such), recorded, then acknowledged.
   */
  const receiveNotification = nodeNotificationHandler(
    qi,
    (n) => {
      // verified: signed by the wallet for this Client-Id (verifyNotification refuses another)
      notifications.push({ verified: true, path: NOTIFY_PATH, clientId: qi.clientId, body: n, receivedAt: new Date().toISOString() });
      log(`notification verified: ${n.paymentId} ${n.notifyType === 'VOID_RESULT' ? n.voidResult.resultStatus : n.paymentResult.resultStatus}`);
    },
    {
      // recorded for the page as refused (its unverified body shown, never acted on)
      onError: (e, request) => {
        let body;
        try {
          body = JSON.parse(Buffer.from(request.body).toString('utf8'));
        } catch {
          body = undefined;
        }
        notifications.push({ verified: false, path: NOTIFY_PATH, body, error: String(e?.message ?? e), receivedAt: new Date().toISOString() });
        log(`notification REJECTED: ${e?.message ?? e}`);
      },
    },
  );

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
  const backend = await createMerchantBackend({ ...options, publicUrl: () => url });
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
