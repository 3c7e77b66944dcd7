/**
 * Ready notification endpoints: verify, run your callback, and only then acknowledge. The wallet
 * treats anything but HTTP 200 with `result.resultStatus: 'S'` as "not delivered" and sends it again
 * later, so: a notification that is not the wallet's gets 401/400 (never acted on), one your callback
 * threw on gets 500 (the wallet retries it), one it handled gets the acknowledgement. A notification
 * can arrive more than once: make the callback idempotent (act once per paymentId).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../node/http.js';
import { NotificationError } from './errors.js';
import { NOTIFICATION_ACK, type IncomingNotification, type Notification, type VerifyNotificationOptions } from './notifications.js';

/** What verifies notifications: a client (`createClient`), or anything with its `verifyNotification`. */
export interface NotificationVerifier {
  /** Verifies and types one notification, or throws a `NotificationError`. */
  verifyNotification(request: IncomingNotification, options?: VerifyNotificationOptions): Notification;
}

/** Your handling of a verified notification. Resolve when it is recorded; throw to have the wallet send it again. */
export type OnNotification = (notification: Notification) => unknown;

/** Options of the handlers. */
export interface NotificationHandlerOptions extends Pick<VerifyNotificationOptions, 'path' | 'maxAgeMs'> {
  /**
   * Sees every refused notification and every error your callback threw, with the request as received
   * (to log it; never act on it: it is not verified). Default: none (the answer says enough to the wallet).
   */
  onError?: (error: unknown, request: IncomingNotification) => void;
  /** Largest body accepted, in bytes. @default 1048576 */
  maxBodyBytes?: number;
}

/** The answer to a refused or failed notification: never `resultStatus: 'S'`, so the wallet retries what failed on your side. */
const refusal = (code: string, status: 'F' | 'U', message: string) => ({ result: { resultCode: code, resultStatus: status, resultMessage: message } });

/** Verifies, runs `onNotification`, and says what to answer: `[HTTP status, JSON body]`. */
async function handle(verifier: NotificationVerifier, onNotification: OnNotification, request: IncomingNotification, options: NotificationHandlerOptions): Promise<[number, unknown]> {
  let notification: Notification;
  try {
    notification = verifier.verifyNotification(request, { ...(options.path ? { path: options.path } : {}), ...(options.maxAgeMs !== undefined ? { maxAgeMs: options.maxAgeMs } : {}) });
  } catch (e) {
    options.onError?.(e, request);
    if (e instanceof NotificationError) return [e.status, refusal(e.status === 401 ? 'INVALID_SIGNATURE' : 'PARAM_ILLEGAL', 'F', e.message)];
    throw e;
  }
  try {
    await onNotification(notification);
  } catch (e) {
    options.onError?.(e, request);
    return [500, refusal('UNKNOWN_EXCEPTION', 'U', 'The merchant could not process this notification yet; send it again.')];
  }
  return [200, NOTIFICATION_ACK];
}

/** A node:http request, possibly with a raw body an Express middleware (`express.raw()`) put in `req.body`. */
export type NodeNotificationRequest = IncomingMessage & {
  /** Express: the raw body `express.raw()` read (a Buffer), if any. */
  body?: unknown;
  /** Express: the URL before a router's mount path was stripped (the path the wallet signed). */
  originalUrl?: string;
};

/**
 * A notification endpoint for `node:http` (`createServer(handler)` or a route of yours) and Express.
 * In Express, mount it with no JSON parser on its route, or after `express.raw({ type: '*\/*' })`:
 * it reads the raw body from the stream, or from `req.body` when that is a Buffer or string. A parsed
 * `req.body` object cannot be verified: the handler answers 500 and says so.
 */
export function nodeNotificationHandler(verifier: NotificationVerifier, onNotification: OnNotification, options: NotificationHandlerOptions = {}) {
  const max = options.maxBodyBytes ?? 1 << 20;
  return async (req: NodeNotificationRequest, res: ServerResponse): Promise<void> => {
    let body: IncomingNotification['body'] | null;
    if (Buffer.isBuffer(req.body) || typeof req.body === 'string') body = req.body;
    else if (req.body !== undefined && req.readableEnded) body = req.body as never; // parsed already: verifyNotification says so
    else body = await readBody(req, max);
    if (body === null) {
      options.onError?.(new NotificationError('too-large', 413, `notification body over ${max} bytes`), { method: req.method ?? 'GET', url: req.originalUrl ?? req.url ?? '/', headers: req.headers, body: '' });
      return sendJson(res, 413, refusal('PARAM_ILLEGAL', 'F', `The body is over ${max} bytes.`));
    }
    // Express strips a router's mount path from req.url; originalUrl keeps the path the wallet signed
    const [status, answer] = await handle(verifier, onNotification, { method: req.method ?? 'GET', url: req.originalUrl ?? req.url ?? '/', headers: req.headers, body }, options);
    sendJson(res, status, answer);
  };
}

/** The Express flavour of {@link nodeNotificationHandler} (the same handler: Express's req/res are node:http's). */
export const expressNotificationHandler = nodeNotificationHandler;

/**
 * A notification endpoint for the web `Request`/`Response` shape: Hono (`app.post(path, (c) =>
 * handler(c.req.raw))`), Next.js route handlers, Cloudflare/Deno/Bun, or Fastify via its raw body.
 */
export function webNotificationHandler(verifier: NotificationVerifier, onNotification: OnNotification, options: NotificationHandlerOptions = {}) {
  const max = options.maxBodyBytes ?? 1 << 20;
  return async (request: Request): Promise<Response> => {
    const body = new Uint8Array(await request.arrayBuffer());
    const [status, answer] =
      body.byteLength > max
        ? [413, refusal('PARAM_ILLEGAL', 'F', `The body is over ${max} bytes.`)]
        : await handle(verifier, onNotification, { method: request.method, url: request.url, headers: request.headers, body }, options);
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'no-store' } });
  };
}
