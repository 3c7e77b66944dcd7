import { HostError } from './host-error.js';

/** The host does not have this API (its answer was error 1, "API not found"). */
export class UnsupportedError extends HostError {
  constructor(...args: ConstructorParameters<typeof HostError>) {
    super(args[0], args[1], args[2], args[3], 'UnsupportedError');
  }
}

/** True when the host said it does not support the API. */
export const isUnsupportedError = (e: unknown): e is UnsupportedError =>
  (e as Error | null)?.name === 'UnsupportedError';
