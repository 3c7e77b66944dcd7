/** Builds a typed wrapper function from a table row. */
import type { SuperQiError } from '../errors/superqi-error.js';
import type { ApiRow } from '../table/row.js';
import { invoke, type CallOptions, type Finish } from './invoke.js';
import type { Spec } from './spec.js';
import { compile } from './validate.js';

/** The callbacks every JSAPI accepts in its options object, as the closed SDK did. */
export interface ApiCallbacks<R, F = SuperQiError> {
  /** Called with the result when the call succeeds. */
  success?: (result: R) => void;
  /** Called with the error (it has `error` and `errorMessage`, like the host's payload) when it fails. */
  fail?: (error: F) => void;
  /** Called after `success` or `fail`, with the same argument. */
  complete?: (resultOrError: R | F) => void;
}

/**
 * A wrapper: takes the documented options (parameters plus optional callbacks) and per-call options,
 * returns a Promise of the typed result. The options object is optional when no parameter is required.
 */
export type ApiFunction<P, R, F = SuperQiError> = {} extends P
  ? (params?: P & ApiCallbacks<R, F>, options?: CallOptions) => Promise<R>
  : (params: P & ApiCallbacks<R, F>, options?: CallOptions) => Promise<R>;

/**
 * Makes the wrapper for one row. Its spec is worked out on the first call (importing does no work);
 * `task`: the Promise also has `abort()` (RequestTask).
 */
export const api = <P extends object, R, F = SuperQiError>(
  name: string,
  row: ApiRow<P, R>,
  finish?: Finish,
  task?: boolean,
): ApiFunction<P, R, F> => {
  let spec: Spec | undefined;
  // The spec is written here, not in a helper: a bundler that does not inline one-use functions (esbuild) would keep one.
  // No prototype (set on the literal, which keeps V8's fast layout, where `__proto__: null` in it does
  // not): a field the row lacks (`ui`, `native`, `cancel`…) is undefined, whatever Object.prototype has.
  return ((params?: object, options?: CallOptions) =>
    invoke((spec ??= Object.setPrototypeOf({ ...(row as ApiRow), ...compile(row.params as Record<string, string>), api: name, finish, task }, null) as Spec), params, options)) as ApiFunction<P, R, F>;
};
