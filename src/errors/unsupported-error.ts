import { HostError } from './host-error.js';
import type { ErrorCode } from './superqi-error.js';

/** The host does not have this API (its answer was error 1, "API not found"). */
export class UnsupportedError extends HostError {
  constructor(api: string, code: ErrorCode, text: string, raw: Record<string, unknown>) {
    super(api, code, text, raw, 'UnsupportedError');
  }
}

/** True when the host said it does not support the API. */
export const isUnsupportedError = (e: unknown): e is UnsupportedError =>
  (e as Error | null)?.name === 'UnsupportedError';
