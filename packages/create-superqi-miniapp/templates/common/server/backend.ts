// The merchant backend: the HTTP API the page calls (under /api), each endpoint calling the Super Qi
// Open APIs through `superqi-bridge/server` (signed requests, verified answers, safe retries), and the
// endpoint the wallet posts payment results to. Configured by a `.env` (01-guide/09-Testing-Locally):
// the sandbox's in development, your real one for the gateway.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientFromEnv, iqd, nodeNotificationHandler, readEnvFile, type Client } from 'superqi-bridge/server';

/** What the shop sells: prices live here, never in the page. */
export const MENU = { coffee: { description: 'Coffee', iqd: 3000 } } as const;
/** Where the wallet posts payment results (must be reachable by the gateway). */
export const NOTIFY_PATH = '/api/notify';
/** The cashier payment product code of 02-flows. */
const CASHIER = '51051000101000000011';

/** An order as the backend keeps it (in memory: use your database). */
export interface Order {
  paymentId: string;
  paymentRequestId: string;
  userId: string;
  item: keyof typeof MENU;
  /** What the verified notification said, once it came: `SUCCESS`, or why it failed. */
  notified?: string;
  /** Set once refunded. */
  refundId?: string;
}

/** Options of {@link startBackend}. */
export interface BackendOptions {
  /** The `.env` to read (ALIPAY_GATEWAY_URL, ALIPAY_CLIENT_ID, the two key paths; PUBLIC_URL). */
  envPath: string;
  /** 0: any free port. */
  port?: number;
}

/** A running backend. */
export interface Backend {
  url: string;
  orders: Map<string, Order>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 16_384) throw new HttpError(413, 'body too large');
  }
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'the body must be a JSON object');
}

/** Starts the backend on 127.0.0.1. */
export async function startBackend({ envPath, port = 0 }: BackendOptions): Promise<Backend> {
  const qi: Client = clientFromEnv(envPath); // a missing variable: an error naming it and the file
  // Where the gateway posts notifications: PUBLIC_URL in the .env (the real gateway cannot reach
  // 127.0.0.1), else this backend's own URL (the sandbox wallet runs on this machine).
  const publicUrl = readEnvFile(envPath).PUBLIC_URL?.replace(/\/+$/, '');
  const sessions = new Map<string, { userId: string }>(); // the page holds an opaque token, never an access token
  const orders = new Map<string, Order>();
  let url = '';

  const user = (req: IncomingMessage) => {
    const token = /^Bearer (\w+)$/.exec(req.headers.authorization ?? '')?.[1];
    const session = token ? sessions.get(token) : undefined;
    if (!session) throw new HttpError(401, 'sign in first');
    return session.userId;
  };
  const order = (req: IncomingMessage, paymentId: string) => {
    const found = orders.get(paymentId);
    if (!found || found.userId !== user(req)) throw new HttpError(404, 'no such order');
    return found;
  };
  const failed = (what: string, answer: { code: string; message: string }) => new HttpError(502, `${what}: ${answer.code} ${answer.message}`);

  /** getAuthCode's authCode → applyToken → inquiryUserInfo: the page gets a session token and the user. */
  async function login(req: IncomingMessage) {
    const { authCode } = await readJson(req);
    if (typeof authCode !== 'string' || !authCode) throw new HttpError(400, 'authCode is required');
    const token = await qi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode });
    if (token.status !== 'S' || !token.accessToken) throw failed('applyToken', token);
    const info = await qi.inquiryUserInfo({ accessToken: token.accessToken });
    if (info.status !== 'S' || !info.userInfo) throw failed('inquiryUserInfo', info);
    const session = randomBytes(16).toString('hex');
    sessions.set(session, { userId: info.userInfo.userId });
    return { token: session, user: { userId: info.userInfo.userId, name: info.userInfo.userName?.fullName ?? '' } };
  }

  /** A cashier payment: the page hands `paymentUrl` to tradePay. */
  async function createOrder(req: IncomingMessage) {
    const userId = user(req);
    const { item } = await readJson(req);
    if (typeof item !== 'string' || !Object.hasOwn(MENU, item)) throw new HttpError(400, `item must be one of ${Object.keys(MENU).join(', ')}`);
    const product = MENU[item as keyof typeof MENU];
    const paymentRequestId = `ORDER-${randomUUID()}`; // retried with the same id, the payment stays one
    const paid = await qi.pay({
      productCode: CASHIER,
      paymentRequestId,
      paymentAmount: iqd(product.iqd),
      order: { orderDescription: product.description, buyer: { referenceBuyerId: userId } },
      paymentNotifyUrl: (publicUrl ?? url) + NOTIFY_PATH,
    });
    const paymentUrl = paid.redirectActionForm?.redirectionUrl ?? paid.redirectActionForm?.redirectUrl;
    if (paid.status !== 'A' || !paid.paymentId || !paymentUrl) throw failed('pay', paid);
    orders.set(paid.paymentId, { paymentId: paid.paymentId, paymentRequestId, userId, item: item as keyof typeof MENU });
    return { paymentId: paid.paymentId, paymentUrl, description: product.description, iqd: product.iqd };
  }

  /** The payment as the gateway has it (inquiryPayment), and whether its notification came. */
  async function getOrder(req: IncomingMessage, paymentId: string) {
    const found = order(req, paymentId);
    const answer = await qi.inquiryPayment({ paymentId });
    if (answer.status !== 'S') throw failed('inquiryPayment', answer);
    return { paymentId, paymentStatus: answer.paymentStatus, notified: found.notified ?? null, refunded: !!found.refundId };
  }

  /** Refunds the whole payment. */
  async function refund(req: IncomingMessage, paymentId: string) {
    const found = order(req, paymentId);
    const answer = await qi.refund({ refundRequestId: `REFUND-${randomUUID()}`, paymentId, refundAmount: iqd(MENU[found.item].iqd), refundReason: 'Customer request' });
    if (answer.status !== 'S' || !answer.refundId) throw failed('refund', answer);
    found.refundId = answer.refundId;
    return { paymentId, refundId: answer.refundId };
  }

  // Verified over the raw body with the wallet's public key, acknowledged once recorded (a throw: the wallet retries).
  const notify = nodeNotificationHandler(qi, (n) => {
    if (n.notifyType !== 'PAYMENT_RESULT') return;
    const found = orders.get(n.paymentId);
    if (found && !found.notified) found.notified = n.paymentResult.resultCode; // it can come more than once: act once
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const { pathname } = new URL(req.url ?? '/', 'http://backend');
    const orderPath = /^\/api\/orders\/([\w-]+)(\/refund)?$/.exec(pathname);
    if (req.method === 'POST' && pathname === NOTIFY_PATH) return notify(req, res).then(() => undefined);
    if (req.method === 'POST' && pathname === '/api/login') return login(req);
    if (req.method === 'POST' && pathname === '/api/orders') return createOrder(req);
    if (req.method === 'GET' && orderPath && !orderPath[2]) return getOrder(req, orderPath[1]!);
    if (req.method === 'POST' && orderPath?.[2]) return refund(req, orderPath[1]!);
    throw new HttpError(404, `no route ${req.method} ${pathname}`);
  }

  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    route(req, res).then(
      (body) => body !== undefined && send(200, body),
      (e: unknown) => {
        if (!(e instanceof HttpError)) console.error(e);
        send(e instanceof HttpError ? e.status : 500, { error: e instanceof HttpError ? e.message : 'internal error' });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    orders,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
