/**
 * The Open API client: one method per row of the shared contract (src/contract/open-apis.ts). Each
 * call checks the request against its row, signs it, POSTs it with `fetch`, verifies the answer's
 * signature over the raw bytes with the wallet public key before parsing, and resolves the business
 * outcome (S, A, U, F) as a value. Retries only what the contract says is safe to repeat.
 */
import { OPEN_APIS, validate, type OpenApiName, type OpenApiRow } from '../contract/open-apis.js';
import { parseSignatureHeader, sign, signatureHeader, signContent, verify } from '../contract/signing.js';
import type { RequestOf, ResponseFields, ResponseOf, ResultOf } from '../contract/types.js';
import type { ResultStatus } from '../contract/codes.js';
import {
  excerpt,
  GatewayConfigError,
  GatewayHttpError,
  GatewayTransportError,
  InvalidRequestError,
  MalformedResponseError,
  ResponseSignatureError,
  type TransportReason,
} from './errors.js';
import { loadPrivateKey, loadPublicKey, type KeyInput } from './keys.js';
import { verifyNotification, type IncomingNotification, type Notification, type VerifyNotificationOptions } from './notifications.js';
import { backoff, isRetrySafe, sleep } from './retry.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The gateway's base URL (`ALIPAY_GATEWAY_URL`), e.g. the sandbox's `http://127.0.0.1:8787`. A trailing slash is ignored. */
  gatewayUrl: string;
  /** Your Client-Id (`ALIPAY_CLIENT_ID`). */
  clientId: string;
  /** Your RSA private key: PEM text (PKCS#8 or PKCS#1), a path to a PEM file, base64 DER, or a KeyObject. Signs every request. */
  privateKey: KeyInput;
  /** The wallet's RSA public key (PEM text, path, base64 DER or KeyObject). Verifies every answer and notification. */
  walletPublicKey: KeyInput;
  /** Milliseconds one attempt may take before it is abandoned. @default 15000 */
  timeout?: number;
  /** Extra attempts for a call that is safe to repeat (a request id makes it idempotent, or it only reads). @default 2 */
  retries?: number;
  /** First wait between attempts, in ms; doubled each time, with jitter, at most 5 s. @default 250 */
  retryDelay?: number;
  /** The `fetch` to use (a test double, an undici dispatcher with a proxy…). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call, including its waits between retries (it rejects with a `GatewayTransportError`, reason `aborted`). */
  signal?: AbortSignal;
  /** Overrides the client's `timeout` for this call. */
  timeout?: number;
  /** Overrides the client's `retries` for this call (ignored for APIs that are not safe to repeat). */
  retries?: number;
}

/**
 * A verified answer of Open API `K`: its fields, plus `status`, `code` and `message` read off its
 * `result`. Discriminated by `status`: S success, A accepted (wait for the user or the notification),
 * U unknown (ask again with an inquiry; never assume either way), F failed (`code` says why).
 */
export type Outcome<K extends OpenApiName> = {
  [S in ResultStatus]: ResponseFields[K] & {
    /** `result.resultStatus`. */
    status: S;
    /** Whether `status` is S. */
    ok: S extends 'S' ? true : false;
    /** `result.resultCode`: SUCCESS, ACCEPT, or one of this API's (and the common) codes. */
    code: ResultOf<K>['resultCode'];
    /** `result.resultMessage`. */
    message: string;
    /** The answer's `result` as sent. */
    result: ResultOf<K>;
    /** The Open API that answered. */
    api: K;
    /** How many attempts it took (more than 1 after a retry). */
    attempts: number;
    /** The whole verified answer, as parsed. */
    response: ResponseOf<K>;
  };
}[ResultStatus];

/**
 * One method per Open API of `03-open-apis`, named as its page is. Each checks the request against the
 * contract, signs it, verifies the answer and resolves its {@link Outcome} (S, A, U, F); see
 * {@link createClient} for what throws.
 */
export interface OpenApiMethods {
  /** Exchanges an authCode (getAuthCode, qicardSignContract) or a refresh token for an access token (02-applyToken). Never retried: an authCode is single use. */
  applyToken(request: RequestOf<'applyToken'>, options?: CallOptions): Promise<Outcome<'applyToken'>>;
  /** Starts an agreement: the contract page (`authUrl`) for `qicardSignContract` (03-prepare). Never retried. */
  prepare(request: RequestOf<'prepare'>, options?: CallOptions): Promise<Outcome<'prepare'>>;
  /** Where a payment stands, by paymentId or paymentRequestId (04-inquiryPayment). Read-only: retried. */
  inquiryPayment(request: RequestOf<'inquiryPayment'>, options?: CallOptions): Promise<Outcome<'inquiryPayment'>>;
  /** Where a refund stands, by refundId or refundRequestId (05-inquiryRefund). Read-only: retried. */
  inquiryRefund(request: RequestOf<'inquiryRefund'>, options?: CallOptions): Promise<Outcome<'inquiryRefund'>>;
  /** Creates a payment: cashier (A: send the user to `redirectActionForm`), agreement (S), escrow (06-pay). Idempotent by paymentRequestId: retried with the same id and body. */
  pay(request: RequestOf<'pay'>, options?: CallOptions): Promise<Outcome<'pay'>>;
  /** Refunds (part of) a paid payment (07-refund). Idempotent by refundRequestId: retried with the same id and body. */
  refund(request: RequestOf<'refund'>, options?: CallOptions): Promise<Outcome<'refund'>>;
  /** Accepts a paid escrow payment (08-merchantAccept). Never retried (no request id). */
  merchantAccept(request: RequestOf<'merchantAccept'>, options?: CallOptions): Promise<Outcome<'merchantAccept'>>;
  /** Releases an accepted escrow payment to the merchant (09-confirm). Idempotent by confirmRequestId: retried. */
  confirm(request: RequestOf<'confirm'>, options?: CallOptions): Promise<Outcome<'confirm'>>;
  /** Cancels a payment not yet paid, or an escrow payment before merchantAccept (10-cancel). Never retried (no request id). */
  cancel(request: RequestOf<'cancel'>, options?: CallOptions): Promise<Outcome<'cancel'>>;
  /** Voids (part of) an accepted escrow payment back to the payer (11-void). Idempotent by voidRequestId: retried. */
  void(request: RequestOf<'void'>, options?: CallOptions): Promise<Outcome<'void'>>;
  /** The user's attributes the token's scopes granted (12-inquiryUserInfo). Read-only: retried. */
  inquiryUserInfo(request: RequestOf<'inquiryUserInfo'>, options?: CallOptions): Promise<Outcome<'inquiryUserInfo'>>;
  /** The user's cards (CARD_LIST scope; 13-inquiryUserCardList). Read-only: retried. */
  inquiryUserCardList(request: RequestOf<'inquiryUserCardList'>, options?: CallOptions): Promise<Outcome<'inquiryUserCardList'>>;
  /** The user's accounts (ACCOUNT_LIST scope; 14-inquiryUserAccountList). Read-only: retried. */
  inquiryUserAccountList(request: RequestOf<'inquiryUserAccountList'>, options?: CallOptions): Promise<Outcome<'inquiryUserAccountList'>>;
  /** Sends an inbox message (NOTIFICATION_INBOX scope; 15-sendInbox). Idempotent by requestId: retried. */
  sendInbox(request: RequestOf<'sendInbox'>, options?: CallOptions): Promise<Outcome<'sendInbox'>>;
  /** Sends a push message (NOTIFICATION_PUSH scope; 16-sendPush). Idempotent by requestId: retried. */
  sendPush(request: RequestOf<'sendPush'>, options?: CallOptions): Promise<Outcome<'sendPush'>>;
  /** A business user's merchant attributes (MERCHANT_* scopes; 17-inquiryMerchantInfo). Read-only: retried. */
  inquiryMerchantInfo(request: RequestOf<'inquiryMerchantInfo'>, options?: CallOptions): Promise<Outcome<'inquiryMerchantInfo'>>;
}

// compile-time: exactly one method per contract row, with its request and outcome types
type Derived = { [K in OpenApiName]: (request: RequestOf<K>, options?: CallOptions) => Promise<Outcome<K>> };
const methodsMatchContract: [Derived, keyof OpenApiMethods] extends [OpenApiMethods, OpenApiName] ? ([OpenApiMethods, OpenApiName] extends [Derived, keyof OpenApiMethods] ? true : false) : false = true;
void methodsMatchContract;

/** A Super Qi Open API client for a merchant backend. */
export interface Client extends OpenApiMethods {
  /** The Client-Id requests are signed as. */
  readonly clientId: string;
  /** The gateway base URL (no trailing slash). */
  readonly gatewayUrl: string;
  /** Calls Open API `name` (what each method does). */
  call<K extends OpenApiName>(name: K, request: RequestOf<K>, options?: CallOptions): Promise<Outcome<K>>;
  /**
   * Verifies a notification the wallet POSTed to your notify URL (signature over the raw body and the
   * notify path, with the wallet public key) and returns it typed; throws a `NotificationError` otherwise.
   */
  verifyNotification(request: IncomingNotification, options?: VerifyNotificationOptions): Notification;
}

/** The request time: ISO 8601 with milliseconds and an offset, as Qi's Node demo backend sends it. */
const requestTime = (): string => new Date().toISOString().replace('Z', '+00:00');

const JSON_TYPE = 'application/json; charset=UTF-8';

/** The first message in an error and its causes (fetch hides the socket error in `cause`). */
function describe(e: unknown): string {
  const parts: string[] = [];
  for (let c = e as { message?: string; code?: string; cause?: unknown } | undefined, i = 0; c && i < 4; c = c.cause as typeof c, i++) {
    if (c.message) parts.push(c.code ? `${c.code}: ${c.message}` : c.message);
  }
  return parts.join(' ← ') || String(e);
}

/** The attempt's signal: aborts after `timeout` ms or when the caller's signal does. `done()` clears the timer. */
function attemptSignal(signal: AbortSignal | undefined, timeout: number): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no answer in ${timeout} ms`));
  }, timeout);
  const onAbort = () => controller.abort(signal!.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Checks a number option. */
function count(option: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw new GatewayConfigError(option, `${option}: ${String(value)} is not a number ≥ ${min}`);
  return value;
}

/**
 * Makes a client. Keys are loaded once (PEM text or paths; PKCS#1 and PKCS#8). Throws a
 * `GatewayConfigError` naming the option when one is missing or unusable.
 *
 * Signing, as `03-open-apis/01-overview` means it: SHA256withRSA (PKCS#1 v1.5) over
 * `POST {path}\n{clientId}.{requestTime}.{body}`, base64, sent as
 * `Signature: algorithm=RSA256, keyVersion=1, signature=…`. The overview's Node snippet hashes the
 * content first and then signs the hash with `crypto.sign("RSA-SHA256", hash)`, which hashes it again:
 * the gateway (one hash) rejects that signature. This client signs the content itself. Answers are
 * verified the same way with the wallet key, over `Response-Time` and the raw bytes received.
 */
export function createClient(options: ClientOptions): Client {
  if (!options || typeof options !== 'object') throw new GatewayConfigError('options', 'createClient(options): give { gatewayUrl, clientId, privateKey, walletPublicKey }');
  const { gatewayUrl, clientId } = options;
  let base: URL;
  try {
    base = new URL(String(gatewayUrl));
  } catch {
    throw new GatewayConfigError('gatewayUrl', `gatewayUrl: ${JSON.stringify(gatewayUrl)} is not an absolute URL (e.g. https://gateway.example or the sandbox's http://127.0.0.1:8787)`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new GatewayConfigError('gatewayUrl', `gatewayUrl: ${base.protocol} is not http: or https:`);
  if (typeof clientId !== 'string' || !clientId.trim()) throw new GatewayConfigError('clientId', 'clientId: the Client-Id you were given at onboarding (ALIPAY_CLIENT_ID) is required');
  if (options.privateKey === undefined) throw new GatewayConfigError('privateKey', 'privateKey: your RSA private key (PEM text or a path) is required');
  if (options.walletPublicKey === undefined) throw new GatewayConfigError('walletPublicKey', "walletPublicKey: the wallet's RSA public key (PEM text or a path; 05-utilities/03-signature-validation gives UAT's and production's) is required");
  const privateKey = loadPrivateKey('privateKey', options.privateKey);
  const walletKey = loadPublicKey('walletPublicKey', options.walletPublicKey);
  const timeout = count('timeout', options.timeout, 15000, 1);
  const retries = Math.floor(count('retries', options.retries, 2, 0));
  const retryDelay = count('retryDelay', options.retryDelay, 250, 0);
  const doFetch = options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') throw new GatewayConfigError('fetch', 'fetch: no global fetch (Node ≥ 20 has one); pass options.fetch');
  const root = base.href.replace(/\/+$/, '');

  /** One signed exchange; resolves the outcome or throws (transport, HTTP, signature, malformed). */
  async function once<K extends OpenApiName>(name: K, url: string, path: string, body: string, signal: AbortSignal | undefined, ms: number, attempt: number): Promise<Outcome<K>> {
    const time = requestTime();
    const headers = {
      'content-type': JSON_TYPE,
      'client-id': clientId,
      'request-time': time,
      signature: signatureHeader(sign(signContent('POST', path, clientId, time, body), privateKey)),
    };
    const timed = attemptSignal(signal, ms);
    let res: Response;
    let raw: Buffer;
    try {
      res = await doFetch(url, { method: 'POST', headers, body, signal: timed.signal });
      raw = Buffer.from(await res.arrayBuffer());
    } catch (e) {
      const reason: TransportReason = signal?.aborted ? 'aborted' : timed.timedOut() ? 'timeout' : 'network';
      throw new GatewayTransportError(name, reason, transportMessage(name, reason, describe(e), ms), attempt, { cause: e });
    } finally {
      timed.done();
    }
    return read(name, path, res, raw, attempt);
  }

  /** Verifies an answer's signature over its raw bytes, then parses it. */
  function read<K extends OpenApiName>(name: K, path: string, res: Response, raw: Buffer, attempts: number): Outcome<K> {
    const responseTime = res.headers.get('response-time');
    const signature = parseSignatureHeader(res.headers.get('signature') ?? undefined);
    const answeredAs = res.headers.get('client-id') ?? clientId;
    if (!res.ok && (!responseTime || !signature)) {
      throw new GatewayHttpError(name, res.status, excerpt(raw.toString('utf8')), `${name}: HTTP ${res.status} from ${root}${path}, unsigned (not the gateway's answer: check gatewayUrl, a proxy in between, or the gateway's status)`, attempts);
    }
    if (!responseTime || !signature) {
      throw new ResponseSignatureError(name, 'missing', res.status, `${name}: the answer (HTTP ${res.status}) has no ${responseTime ? 'Signature' : 'Response-Time'} header, so it cannot be the wallet gateway's; it was not parsed. Check gatewayUrl (${root}).`);
    }
    if (answeredAs !== clientId) {
      throw new ResponseSignatureError(name, 'client-id', res.status, `${name}: the answer is signed for Client-Id ${JSON.stringify(answeredAs)}, not ${JSON.stringify(clientId)}; it was not parsed`);
    }
    if (!verify(signContent('POST', path, answeredAs, responseTime, raw), signature.signature, walletKey)) {
      throw new ResponseSignatureError(
        name,
        'mismatch',
        res.status,
        `${name}: the answer's signature does not verify over "POST ${path}\\n${answeredAs}.${responseTime}.<raw body>" with walletPublicKey: tampered with, or walletPublicKey is not this gateway's (UAT and production keys differ); it was not parsed`,
      );
    }
    if (!res.ok) {
      throw new GatewayHttpError(name, res.status, excerpt(raw.toString('utf8')), `${name}: HTTP ${res.status} from the gateway (signed): ${excerpt(raw.toString('utf8'), 300)}`, attempts);
    }
    let response: ResponseOf<K>;
    try {
      response = JSON.parse(raw.toString('utf8')) as ResponseOf<K>;
    } catch {
      throw new MalformedResponseError(name, excerpt(raw.toString('utf8')), `${name}: the signed answer is not JSON`);
    }
    const result = response && typeof response === 'object' ? (response as { result?: unknown }).result : undefined;
    const status = result && typeof result === 'object' ? (result as { resultStatus?: unknown }).resultStatus : undefined;
    if (status !== 'S' && status !== 'A' && status !== 'U' && status !== 'F') {
      throw new MalformedResponseError(name, excerpt(raw.toString('utf8')), `${name}: the signed answer has no result.resultStatus S, A, U or F`);
    }
    const r = result as ResultOf<K>;
    return { ...response, status, ok: status === 'S', code: r.resultCode, message: r.resultMessage, result: r, api: name, attempts, response } as unknown as Outcome<K>;
  }

  async function call<K extends OpenApiName>(name: K, request: RequestOf<K>, callOptions: CallOptions = {}): Promise<Outcome<K>> {
    const row = (Object.prototype.hasOwnProperty.call(OPEN_APIS, name) ? OPEN_APIS[name] : undefined) as OpenApiRow | undefined;
    if (!row) throw new InvalidRequestError(String(name), `${String(name)} is not an Open API of 03-open-apis (${Object.keys(OPEN_APIS).join(', ')})`);
    if (!request || typeof request !== 'object' || Array.isArray(request)) throw new InvalidRequestError(name, `${name}(request): the request must be an object`);
    const problem = validate(row, request as Record<string, unknown>);
    if (problem) throw new InvalidRequestError(name, `${problem} (nothing was sent)`, /^\w+: ([\w.]+) /.exec(problem)?.[1]);
    const body = JSON.stringify(request);
    const url = root + row.path;
    const path = base.pathname.replace(/\/+$/, '') + row.path;
    const safe = isRetrySafe(row);
    const allowed = safe ? Math.floor(count('retries', callOptions.retries, retries, 0)) : 0;
    const ms = count('timeout', callOptions.timeout, timeout, 1);
    const { signal } = callOptions;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new GatewayTransportError(name, 'aborted', `${name}: aborted by the caller's signal after ${attempt - 1} attempt(s)`, attempt - 1, { cause: signal.reason });
      const last = attempt > allowed;
      try {
        const outcome = await once(name, url, path, body, signal, ms, attempt);
        // U on a call that is safe to repeat: ask again (same id, same body); the last U is returned
        if (outcome.status !== 'U' || last) return outcome;
      } catch (e) {
        const retryable = (e instanceof GatewayTransportError && e.reason !== 'aborted') || (e instanceof GatewayHttpError && [429, 502, 503, 504].includes(e.status));
        if (last || !retryable) throw safe || !retryable ? e : notRepeated(name, e as GatewayTransportError | GatewayHttpError);
      }
      await sleep(backoff(retryDelay, attempt), signal).catch((reason: unknown) => {
        throw new GatewayTransportError(name, 'aborted', `${name}: aborted by the caller's signal after ${attempt} attempt(s)`, attempt, { cause: reason });
      });
    }
  }

  const methods = Object.fromEntries(
    (Object.keys(OPEN_APIS) as OpenApiName[]).map((name) => [name, (request: never, o?: CallOptions) => call(name, request, o)]),
  ) as unknown as OpenApiMethods;

  return Object.freeze({
    ...methods,
    clientId,
    gatewayUrl: root,
    call,
    verifyNotification: (request: IncomingNotification, o?: VerifyNotificationOptions) => verifyNotification(request, { walletPublicKey: walletKey, clientId, ...o }),
  });
}

/** The message of a transport failure: what happened, and what to do. */
function transportMessage(name: string, reason: TransportReason, detail: string, ms: number): string {
  if (reason === 'aborted') return `${name}: aborted by the caller's signal (${detail})`;
  const what = reason === 'timeout' ? `no answer in ${ms} ms` : `network error (${detail})`;
  return `${name}: ${what}. Whether the gateway acted is unknown: ask it with an inquiry API before acting again.`;
}

/** A failure of an API that is not safe to repeat: said so, with what to do. */
function notRepeated(name: string, e: GatewayTransportError | GatewayHttpError): Error {
  const advice = `${name} is not idempotent (no request id makes a repeat safe), so it was not retried; ${
    name === 'applyToken' ? 'the authCode may have been used: get a new one with my.getAuthCode' : 'check the order with inquiryPayment before acting again'
  }`;
  e.message = `${e.message} ${advice}.`;
  return e;
}

