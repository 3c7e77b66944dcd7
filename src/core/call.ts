/** The typed escape hatch for JSAPIs the table does not have. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';
import type { HostAck } from '../types/common.js';
import { invoke, type CallOptions } from './invoke.js';
import type { Spec } from './spec.js';

/**
 * Calls any JSAPI by its native name with the same guarantees as the wrappers (readiness, one
 * settlement, timeout, abort, typed errors), but no parameter checks or renames: use it for APIs
 * neither the docs nor the table have (the table already has `openInBrowser`, `getSetting`…) or that are
 * newer than this library.
 * @example await call('startApp', { appId: '20000067' });
 */
export function call<Result = HostAck>(
  name: string,
  params?: Record<string, unknown>,
  options?: CallOptions,
): Promise<Result> {
  if (typeof name !== 'string' || !name) {
    return Promise.reject(new InvalidParamsError('call', 'name', 'must be a non-empty string'));
  }
  // No row: only the callbacks are checked. No prototype: an inherited `codes` or `ui` is no row field.
  return invoke(Object.setPrototypeOf({ api: name }, null) as Spec, params, options) as Promise<Result>;
}
