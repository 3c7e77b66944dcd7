/** A code an error carries: the host's documented code, or the library's own for local failures. */
export type ErrorCode = number | string;

/**
 * Base class of every error this library rejects with. Besides `message`, it carries the fields the
 * closed SDK's `fail` payload had (`error`, `errorMessage`), so page code written for it keeps working.
 */
export class SuperQiError extends Error {
  // Fields here and in the subclasses are `declare`d and assigned in the constructor: under the define
  // semantics of class fields, declared ones would compile to a helper call per field in every bundle.
  /** The documented API name the call was for. */
  declare readonly api: string;
  /** The documented code (`error`/`errorCode` of the host), or the library's own code. */
  declare readonly code: ErrorCode;
  /** Same as `code`, under the name the host's `fail` payload uses. */
  declare readonly error: ErrorCode;
  /** The failure's text without the API prefix, as the host's `fail` payload names it. */
  declare readonly errorMessage: string;

  constructor(api: string, code: ErrorCode, text: string, name = 'SuperQiError') {
    super(`${api}: ${text} (${code})`);
    // Defined, not assigned: under frozen intrinsics (SES lockdown) assigning over Error.prototype.name throws.
    Object.defineProperty(this, 'name', { value: name, writable: true });
    this.api = api;
    this.code = this.error = code;
    this.errorMessage = text;
  }
}

const NAMES = [
  'SuperQiError', 'HostError', 'UserCancelledError', 'UnsupportedError',
  'TimeoutError', 'AbortedError', 'NotInHostError', 'InvalidParamsError',
];

/** Checks by `name`, so it also works for errors from another realm (iframe) or another copy of the library. */
export const isSuperQiError = (e: unknown): e is SuperQiError => NAMES.includes((e as Error | null)?.name as string);
