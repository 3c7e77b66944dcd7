import { SuperQiError } from './superqi-error.js';

/** The host did not answer within the call's timeout. Code `'TIMEOUT'`. */
export class TimeoutError extends SuperQiError {
  /** The timeout that expired, in ms. */
  declare readonly timeout: number;
  constructor(api: string, timeout: number) {
    super(api, 'TIMEOUT', `no answer in ${timeout} ms`, 'TimeoutError');
    this.timeout = timeout;
  }
}

/** True when a call timed out. */
export const isTimeoutError = (e: unknown): e is TimeoutError => (e as Error | null)?.name === 'TimeoutError';
