/**
 * Notifications the wallet POSTs to the merchant (`paymentNotifyUrl`, `voidNotifyUrl`), verified as
 * `05-utilities/03-signature-validation` says: SHA256withRSA by the wallet key over
 * `POST {notify path}\n{Client-Id}.{Request-Time}.{raw body}` (the path of your notify URL, without
 * its query; `Request-Time`, not `Response-Time`). Verify the raw bytes as received: a body parsed and
 * serialised again is not what was signed.
 */
import type { KeyObject } from 'node:crypto';
import { parseSignatureHeader, parseTime, signContent, verify } from '../contract/signing.js';
import type { Amount } from '../contract/types.js';
import { NotificationError } from './errors.js';

/** A notification's result object. */
export interface NotificationResult {
  /** SUCCESS when paid (or voided); else why not (pay's codes, e.g. USER_BALANCE_NOT_ENOUGH, ORDER_STATUS_INVALID). */
  resultCode: string;
  /** S: paid (voided). F: failed or closed unpaid. */
  resultStatus: 'S' | 'F' | 'U' | 'A';
  /** The wallet's words. */
  resultMessage: string;
}

/** A payment reached a final state (Alipay+ `notifyPayment`): paid (S) or failed / closed unpaid (F). */
export interface PaymentNotification {
  /** `PAYMENT_RESULT` (filled in when the wallet leaves it out: the body has `paymentResult`). */
  notifyType: 'PAYMENT_RESULT';
  /** The outcome. */
  paymentResult: NotificationResult;
  /** Your id for the payment. */
  paymentRequestId: string;
  /** The wallet's id for the payment. */
  paymentId: string;
  /** What was asked. */
  paymentAmount: Amount;
  /** When the payment was created (ISO 8601). */
  paymentCreateTime?: string;
  /** When it was paid (ISO 8601), when it was. */
  paymentTime?: string;
  /** The payer. */
  customerId?: string;
}

/** An escrow payment was voided (pay's `voidNotifyUrl`). */
export interface VoidNotification {
  /** `VOID_RESULT`. */
  notifyType: 'VOID_RESULT';
  /** The outcome. */
  voidResult: NotificationResult;
  /** The wallet's id for the payment. */
  paymentId: string;
  /** Your id for the payment. */
  paymentRequestId?: string;
  /** The wallet's id for the void. */
  voidId?: string;
  /** Your id for the void. */
  voidRequestId?: string;
  /** What was voided. */
  voidAmount?: Amount;
  /** When (ISO 8601). */
  voidTime?: string;
}

/** A verified notification, discriminated by `notifyType`. */
export type Notification = PaymentNotification | VoidNotification;

/** Headers as node:http gives them (`req.headers`), as a plain record, or a web `Headers`. */
export type HeadersInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** An incoming notification request, as received. */
export interface IncomingNotification {
  /** The HTTP method (the wallet POSTs). */
  method: string;
  /** The request URL: absolute, or the path and query as received (`req.url`). Its path is what was signed. */
  url: string;
  /** The request headers (`Client-Id`, `Request-Time`, `Signature`). */
  headers: HeadersInput;
  /** The raw body as received: bytes or the exact text. A parsed object cannot be verified. */
  body: string | Uint8Array | ArrayBuffer;
}

/** Options of notification verification. */
export interface VerifyNotificationOptions {
  /** The wallet's public key (set by the client). */
  walletPublicKey?: KeyObject;
  /** Your Client-Id: a notification signed for another one is refused (set by the client). */
  clientId?: string;
  /** The path your notify URL had when you gave it, if a proxy in front of you rewrites it (`/api/notify/payment`). */
  path?: string;
  /** Refuse notifications whose `Request-Time` is further than this from now (ms), against replays. Off by default: the wallet's retries span a day. */
  maxAgeMs?: number;
}

/** The acknowledgement the wallet expects (HTTP 200 with this body); anything else is retried. */
export const NOTIFICATION_ACK: {
  /** The acknowledgement's result. */
  readonly result: {
    /** `SUCCESS`. */
    readonly resultCode: 'SUCCESS';
    /** `S`: received. */
    readonly resultStatus: 'S';
    /** `success`. */
    readonly resultMessage: 'success';
  };
} = Object.freeze({ result: Object.freeze({ resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } as const) });

function header(headers: HeadersInput, name: string): string | undefined {
  const value = typeof (headers as Headers).get === 'function' ? (headers as Headers).get(name) : ((headers as Record<string, string | readonly string[] | undefined>)[name] ?? findHeader(headers as Record<string, unknown>, name));
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : String(value);
}

/** A header of a plain record whatever the case of its name (node:http lower-cases; a hand-built record may not). */
function findHeader(headers: Record<string, unknown>, name: string): unknown {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function bytesOf(body: IncomingNotification['body']): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new NotificationError(
    'body',
    500,
    `verifyNotification: body is ${body === null ? 'null' : typeof body} (parsed already?); give the raw body as received (Express: express.raw({ type: '*/*' }) on this route; Fastify: its raw body)`,
  );
}

const isResult = (v: unknown): v is NotificationResult =>
  !!v && typeof v === 'object' && typeof (v as NotificationResult).resultCode === 'string' && ['S', 'F', 'U', 'A'].includes((v as NotificationResult).resultStatus);

/**
 * Verifies a wallet notification and returns it typed. Throws a {@link NotificationError} (with the
 * HTTP status to answer) when the method is not POST, a header is missing, the signature does not
 * verify with the wallet key over the notify path, it names another Client-Id, or the body is not a
 * payment or void notification.
 */
export function verifyNotification(request: IncomingNotification, options: VerifyNotificationOptions): Notification {
  const key = options.walletPublicKey;
  if (!key) throw new NotificationError('signature', 500, 'verifyNotification: options.walletPublicKey is required (or call client.verifyNotification)');
  if (String(request.method).toUpperCase() !== 'POST') throw new NotificationError('method', 405, `verifyNotification: the wallet POSTs notifications; got ${request.method}`);
  const clientId = header(request.headers, 'client-id');
  const time = header(request.headers, 'request-time');
  const signature = parseSignatureHeader(header(request.headers, 'signature'));
  if (!clientId || !time || !signature) {
    const missing = [!clientId && 'Client-Id', !time && 'Request-Time', !signature && 'Signature (with signature=…)'].filter(Boolean).join(', ');
    throw new NotificationError('missing-headers', 401, `verifyNotification: missing ${missing}: not a wallet notification`);
  }
  if (options.clientId !== undefined && clientId !== options.clientId) {
    throw new NotificationError('client-id', 401, `verifyNotification: signed for Client-Id ${JSON.stringify(clientId)}, not yours (${JSON.stringify(options.clientId)})`);
  }
  const raw = bytesOf(request.body);
  const path = options.path ?? new URL(request.url, 'http://notify.invalid').pathname;
  if (!verify(signContent('POST', path, clientId, time, raw), signature.signature, key)) {
    throw new NotificationError(
      'signature',
      401,
      `verifyNotification: the signature does not verify over "POST ${path}\\n${clientId}.${time}.<raw body>" with the wallet public key (tampered, another key, or a proxy changed the path: pass options.path)`,
    );
  }
  if (options.maxAgeMs !== undefined) {
    const at = parseTime(time);
    if (Number.isNaN(at) || Math.abs(Date.now() - at) > options.maxAgeMs) throw new NotificationError('stale', 401, `verifyNotification: Request-Time ${time} is more than ${options.maxAgeMs} ms from now`);
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new NotificationError('body', 400, 'verifyNotification: the signed body is not JSON');
  }
  if (!body || typeof body !== 'object' || typeof body['paymentId'] !== 'string') throw new NotificationError('body', 400, 'verifyNotification: the signed body has no paymentId');
  if (isResult(body['paymentResult']) && (body['notifyType'] ?? 'PAYMENT_RESULT') === 'PAYMENT_RESULT') return { ...body, notifyType: 'PAYMENT_RESULT' } as unknown as PaymentNotification;
  if (isResult(body['voidResult']) && body['notifyType'] === 'VOID_RESULT') return body as unknown as VoidNotification;
  throw new NotificationError('body', 400, `verifyNotification: the signed body is neither a PAYMENT_RESULT (paymentResult) nor a VOID_RESULT (voidResult) notification`);
}
