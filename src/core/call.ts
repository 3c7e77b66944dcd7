/** The typed escape hatch for JSAPIs the wrappers do not cover. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';
import type { KnownApiName, KnownParams, KnownResult } from '../table/index.js';
import type { HostAck } from '../types/common.js';
import { invoke, type CallOptions } from './invoke.js';
import type { Spec } from './spec.js';

/** `call` by name: a table API or one added to `Register['apis']`, typed by it; `call.unknown` for any name. */
export interface CallFunction {
  /**
   * Calls a JSAPI by its native name with the same guarantees as the wrappers (readiness, one
   * settlement, timeout, abort, typed errors), but no parameter checks or renames. The name is checked
   * against the table and `Register['apis']`: a typo (`'tradepay'`) is a type error.
   * @example await call('openInBrowser', { url: 'https://qi.iq' });
   */
  <K extends KnownApiName>(name: K, params?: Partial<KnownParams<K>> & Record<string, unknown>, options?: CallOptions): Promise<KnownResult<K>>;
  /**
   * Calls any JSAPI by name, unchecked: for an API newer than this library that you did not add to
   * `Register['apis']`. Same guarantees as `call`.
   * @example await call.unknown('startApp', { appId: '20000067' });
   */
  unknown<Result = HostAck>(name: string, params?: Record<string, unknown>, options?: CallOptions): Promise<Result>;
}

function callByName(name: string, params?: Record<string, unknown>, options?: CallOptions): Promise<never> {
  if (typeof name !== 'string' || !name) {
    return Promise.reject(new InvalidParamsError('call', 'name', 'must be a non-empty string'));
  }
  // No row: only the callbacks are checked. No prototype: an inherited `codes` or `ui` is no row field.
  return invoke(Object.setPrototypeOf({ api: name }, null) as Spec, params, options) as Promise<never>;
}

/**
 * Calls any JSAPI by its native name with the same guarantees as the wrappers (readiness, one
 * settlement, timeout, abort, typed errors), but no parameter checks or renames: for APIs the wrappers
 * do not cover. Typed by name (the table, and `Register['apis']`); `call.unknown(name)` takes any name.
 * @example await call('openInBrowser', { url: 'https://qi.iq' });
 */
export const call: CallFunction = /* @__PURE__ */ Object.assign(callByName, { unknown: callByName }) as CallFunction;
