/** Builds a typed wrapper function from a table row. */
import type { SuperQiError } from '../errors/superqi-error.js';
import type { ApiRow } from '../table/row.js';
import { invoke, type CallOptions, type Finish } from './invoke.js';

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

/** Makes the wrapper for one row. */
export const api = <P extends object, R, F = SuperQiError>(
  name: string,
  row: ApiRow<P, R>,
  finish?: Finish,
): ApiFunction<P, R, F> =>
  ((params?: object, options?: CallOptions) => invoke(name, row as ApiRow, params, options, finish)) as ApiFunction<
    P,
    R,
    F
  >;
