import { SuperQiError, type ErrorCode } from './superqi-error.js';

/** The host answered with a failure: `error`/`errorCode` set in its result object. */
export class HostError extends SuperQiError {
  /** The host's result object, as it came. */
  declare readonly raw: Readonly<Record<string, unknown>>;
  /** `getAuthCode` only: scopes that failed, with their codes. */
  declare readonly authErrorScopes?: Readonly<Record<string, string>>;

  constructor(api: string, code: ErrorCode, text: string, raw: Record<string, unknown>, name = 'HostError') {
    super(api, code, text, name);
    this.raw = raw;
    if (raw['authErrorScopes']) this.authErrorScopes = raw['authErrorScopes'] as Record<string, string>;
  }
}

const HOST_NAMES = ['HostError', 'UserCancelledError', 'UnsupportedError'];

/** True for every failure the host reported (including cancels and "not supported"). */
export const isHostError = (e: unknown): e is HostError => HOST_NAMES.includes((e as Error | null)?.name as string);
