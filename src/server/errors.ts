/**
 * What the client throws. Business outcomes (resultStatus S, A, U, F) are never thrown: they are the
 * value a method resolves. These errors are for everything that is not a verified answer of the
 * gateway: bad options, a request the contract refuses, a network fault, an HTTP fault, an answer
 * whose signature does not verify, a malformed answer, and a notification that is not the wallet's.
 * Each message says what to do.
 */

/** Which kind of failure a {@link GatewayError} is. */
export type GatewayErrorCode = 'CONFIG' | 'INVALID_REQUEST' | 'TRANSPORT' | 'HTTP' | 'RESPONSE_SIGNATURE' | 'MALFORMED_RESPONSE' | 'NOTIFICATION';

/** The base class of every error `superqi-bridge/server` throws. */
export class GatewayError extends Error {
  /** Which kind it is (also its class). */
  readonly code: GatewayErrorCode;
  /** The Open API concerned, when there is one. */
  readonly api: string | undefined;
  /** @internal */
  constructor(code: GatewayErrorCode, message: string, api?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.api = api;
  }
}

/** `createClient` / `clientFromEnv` options (or a key) are missing or wrong. */
export class GatewayConfigError extends GatewayError {
  /** The option or variable at fault (`privateKey`, `ALIPAY_CLIENT_ID`, …). */
  readonly option: string;
  /** @internal */
  constructor(option: string, message: string, options?: { cause?: unknown }) {
    super('CONFIG', message, undefined, options);
    this.option = option;
  }
}

/** The request breaks its Open API's contract (a required field missing, too long, wrong type…): nothing was sent. */
export class InvalidRequestError extends GatewayError {
  /** The field at fault (`order.orderDescription`), when one is named. */
  readonly field: string | undefined;
  /** @internal */
  constructor(api: string, message: string, field?: string) {
    super('INVALID_REQUEST', message, api);
    this.field = field;
  }
}

/** Why no answer came: the network failed, the attempt timed out, or the caller's `signal` aborted it. */
export type TransportReason = 'network' | 'timeout' | 'aborted';

/** No answer arrived (after the retries the API allows). Whether the gateway acted is unknown: ask it (an inquiry API) before acting again. */
export class GatewayTransportError extends GatewayError {
  /** What failed. */
  readonly reason: TransportReason;
  /** How many attempts were made. */
  readonly attempts: number;
  /** @internal */
  constructor(api: string, reason: TransportReason, message: string, attempts: number, options?: { cause?: unknown }) {
    super('TRANSPORT', message, api, options);
    this.reason = reason;
    this.attempts = attempts;
  }
}

/** The gateway (or something in front of it) answered a non-2xx HTTP status. */
export class GatewayHttpError extends GatewayError {
  /** The HTTP status. */
  readonly status: number;
  /** The start of the body as received (at most 1,000 characters), for the log. */
  readonly body: string;
  /** How many attempts were made. */
  readonly attempts: number;
  /** @internal */
  constructor(api: string, status: number, body: string, message: string, attempts: number) {
    super('HTTP', message, api);
    this.status = status;
    this.body = body;
    this.attempts = attempts;
  }
}

/** Why an answer's signature was refused. */
export type SignatureProblem = 'missing' | 'mismatch' | 'client-id';

/** An answer arrived but is not provably the wallet's: unsigned, tampered with, or signed with another key. It was not parsed. */
export class ResponseSignatureError extends GatewayError {
  /** What was wrong: headers missing, the signature does not verify, or it names another Client-Id. */
  readonly problem: SignatureProblem;
  /** The HTTP status it came with. */
  readonly status: number;
  /** @internal */
  constructor(api: string, problem: SignatureProblem, status: number, message: string) {
    super('RESPONSE_SIGNATURE', message, api);
    this.problem = problem;
    this.status = status;
  }
}

/** A verified answer that is not a JSON object with a `result` the client can read. */
export class MalformedResponseError extends GatewayError {
  /** The start of the body (at most 1,000 characters). */
  readonly body: string;
  /** @internal */
  constructor(api: string, body: string, message: string) {
    super('MALFORMED_RESPONSE', message, api);
    this.body = body;
  }
}

/** Why a notification was refused. */
export type NotificationProblem = 'method' | 'missing-headers' | 'signature' | 'client-id' | 'stale' | 'body' | 'too-large';

/** An incoming notification that is not a well-formed, wallet-signed one. Answer it with {@link NotificationError.status} (the handlers do). */
export class NotificationError extends GatewayError {
  /** What was wrong. */
  readonly problem: NotificationProblem;
  /** The HTTP status to answer it with (401 for a signature problem, 400 for a bad body, …). */
  readonly status: number;
  /** @internal */
  constructor(problem: NotificationProblem, status: number, message: string) {
    super('NOTIFICATION', message);
    this.problem = problem;
    this.status = status;
  }
}

/** The first `max` characters of a body, for an error. */
export const excerpt = (text: string, max = 1000): string => (text.length > max ? `${text.slice(0, max)}…` : text);
