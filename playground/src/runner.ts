/**
 * Runs one API the way a page would: through its ESM wrapper, with success/fail/complete callbacks,
 * and reports each callback (with its time since the call) as it fires.
 */
import * as superqi from '../../src/index.js';
import type { ApiName, CallOptions } from '../../src/index.js';
import { forgetPath, rememberPaths } from './files.js';

/** A wrapper as the runner calls it. */
type Wrapper = (params?: object, options?: CallOptions) => Promise<unknown>;

/**
 * Every table API but `canIUse` (whose `canIUse()` export is synchronous) has a wrapper export of its
 * name: the assignment fails the type check when one is missing.
 */
const WRAPPERS: { readonly [K in Exclude<ApiName, 'canIUse'>]: (...args: never[]) => Promise<unknown> } = superqi;

/** What happened during a run. */
export type RunEvent =
  | { readonly kind: 'success'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'fail'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'complete'; readonly at: number };

/** Options of one run. */
export interface RunOptions {
  /** ms before the call rejects with TimeoutError (undefined: the library's default for this API). */
  readonly timeout?: number;
  /** Aborts the call (AbortedError). */
  readonly signal?: AbortSignal;
}

const now = () => performance.now();

/** Calls `api` with `params`; `onEvent` hears success/fail, then complete. Resolves when complete fired. */
export function runApi(api: ApiName, params: Record<string, unknown>, options: RunOptions, onEvent: (e: RunEvent) => void): Promise<void> {
  const started = now();
  const at = () => Math.round((now() - started) * 10) / 10;
  const callOptions: CallOptions = {};
  if (options.timeout !== undefined) callOptions.timeout = options.timeout;
  if (options.signal) callOptions.signal = options.signal;

  return new Promise<void>((done) => {
    const success = (value: unknown) => {
      rememberPaths(api, value, params);
      if (api === 'removeSavedFile') forgetPath(params['apFilePath']);
      onEvent({ kind: 'success', at: at(), value });
    };
    const fail = (value: unknown) => onEvent({ kind: 'fail', at: at(), value });
    const complete = () => {
      onEvent({ kind: 'complete', at: at() });
      done();
    };

    if (api === 'canIUse') {
      // `canIUse(name)` is synchronous; `isSupported(name)` asks the host's canIUse JSAPI.
      const name = String(params['name'] ?? '');
      superqi.isSupported(name).then(
        (ok) => {
          success({ canIUse: ok, synchronousAnswer: superqi.canIUse(name) });
          complete();
        },
        (e: unknown) => {
          fail(e);
          complete();
        },
      );
      return;
    }
    const wrapper = WRAPPERS[api] as unknown as Wrapper;
    let promise: Promise<unknown>;
    try {
      promise = wrapper({ ...params, success, fail, complete }, callOptions);
    } catch (e) {
      // A wrapper never throws synchronously; if one did, say so rather than hang.
      fail(e);
      complete();
      return;
    }
    // The callbacks report; the Promise is observed so a rejection is never "unhandled".
    promise.catch(() => undefined);
  });
}
