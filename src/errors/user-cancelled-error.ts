import { HostError } from './host-error.js';
import type { ErrorCode } from './superqi-error.js';

/** The user cancelled: the API's documented cancel code (11, 1001, 6001, 10, 13, 15 … by page). */
export class UserCancelledError extends HostError {
  constructor(api: string, code: ErrorCode, text: string, raw: Record<string, unknown>) {
    super(api, code, text, raw, 'UserCancelledError');
  }
}

/** True when the user cancelled. */
export const isUserCancelledError = (e: unknown): e is UserCancelledError =>
  (e as Error | null)?.name === 'UserCancelledError';
