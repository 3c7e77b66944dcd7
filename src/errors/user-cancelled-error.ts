import { HostError } from './host-error.js';

/** The user cancelled: the API's documented cancel code (11, 1001, 6001, 10, 13, 15 … by page). */
export class UserCancelledError extends HostError {
  constructor(...args: ConstructorParameters<typeof HostError>) {
    super(args[0], args[1], args[2], args[3], 'UserCancelledError');
  }
}

/** True when the user cancelled. */
export const isUserCancelledError = (e: unknown): e is UserCancelledError =>
  (e as Error | null)?.name === 'UserCancelledError';
