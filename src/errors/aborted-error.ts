import { SuperQiError } from './superqi-error.js';

/** The call's `signal` was aborted (or `RequestTask.abort()` was called). Code `'ABORTED'`. */
export class AbortedError extends SuperQiError {
  /** The signal's reason, when it had one. */
  declare readonly reason: unknown;
  constructor(api: string, reason?: unknown) {
    super(api, 'ABORTED', 'aborted', 'AbortedError');
    this.reason = reason;
  }
}

/** True when a call was aborted. */
export const isAbortedError = (e: unknown): e is AbortedError => (e as Error | null)?.name === 'AbortedError';
