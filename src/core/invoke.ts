/**
 * The one function that turns a wrapper call into a host call: validates, queues until the host is
 * ready, sends, and settles exactly once — through the Promise and, when given, the
 * success/fail/complete callbacks — on the first of: answer, timeout, abort.
 */
import { AbortedError } from '../errors/aborted-error.js';
import { HostError } from '../errors/host-error.js';
import { NotInHostError } from '../errors/not-in-host-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { ApiRow } from '../table/row.js';
import { config } from './config.js';
import { track, untrack, type Deadline } from './deadline.js';
import { normalise, type Outcome } from './normalise.js';
import { whenHost } from './ready.js';
import { transport } from './transport.js';
import { validate } from './validate.js';

/** Per-call options, the second argument of every wrapper. */
export interface CallOptions {
  /**
   * ms to wait for the host's answer before rejecting with `TimeoutError`; `0` waits forever.
   * Default: none for APIs that open UI, the documented host timeout plus `timeoutGrace` for
   * network APIs, else `configure({ timeout })` (20000).
   */
  timeout?: number;
  /** Aborting it rejects the call with `AbortedError` and frees its resources. */
  signal?: AbortSignal;
}

/** Post-processing for one API: returns the outcome to use, or undefined for the default. */
export type Finish = (raw: Record<string, unknown>, failed: boolean | undefined) => Outcome | undefined;

type Callbacks = {
  success?: (value: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (valueOrError: unknown) => void;
};

const defaultTimeout = (row: ApiRow | undefined, params: Record<string, unknown>): number =>
  row?.ui
    ? 0
    : row?.hostTimeout
      ? ((params['timeout'] as number | undefined) ?? row.hostTimeout) + config.timeoutGrace
      : config.timeout;

/** Calls `api` on the host. `task`: the returned Promise also has `abort()` (RequestTask). */
export function invoke(
  api: string,
  row: ApiRow | undefined,
  params?: object | null,
  options?: CallOptions,
  finish?: Finish,
  task?: boolean,
): Promise<unknown> {
  // Hot path: a ready host, no signal, no callbacks. Closures are made only where they are needed.
  let settled = false;
  let viaFail = false;
  let resolve!: (v: unknown) => void;
  let reject!: (e: unknown) => void;
  let deadline: Deadline | undefined;
  let stopWaiting: (() => void) | undefined;
  let onAbort: (() => void) | undefined;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const signal = options?.signal;

  const settle = (ok: boolean, value: unknown, routeToFail?: boolean): void => {
    if (settled) return;
    settled = true;
    if (deadline) untrack(deadline);
    if (onAbort) signal!.removeEventListener('abort', onAbort);
    if (stopWaiting) stopWaiting();
    viaFail = !ok || !!routeToFail;
    (ok ? resolve : reject)(value);
  };

  const cb = params as Callbacks | null | undefined;
  if (cb && (cb.success || cb.fail || cb.complete)) {
    // Callbacks run after the Promise settles (always asynchronously), exactly one of success/fail,
    // then complete (even when success/fail throws). A call that passes callbacks leaves no unhandled
    // rejection behind: the docs' own example pairs `success` with `.catch()` on the Promise.
    // Non-function callbacks (the call is then refused as invalid) are skipped.
    const route = (v: unknown) => {
      const main = viaFail ? cb.fail : cb.success;
      try {
        if (typeof main === 'function') main(v);
      } finally {
        if (typeof cb.complete === 'function') cb.complete(v);
      }
    };
    promise.then(route, route);
  }
  if (task) (promise as Promise<unknown> & { abort(): void }).abort = () => settle(false, new AbortedError(api));
  const problem = validate(api, row, params);
  if (problem) {
    settle(false, problem);
    return promise;
  }

  // The host gets the caller's parameters without the callbacks, never the caller's object itself.
  const clean: Record<string, unknown> = {};
  for (const k in params) if (k !== 'success' && k !== 'fail' && k !== 'complete') clean[k] = (params as Record<string, unknown>)[k];

  if (signal) {
    if (signal.aborted) {
      settle(false, new AbortedError(api, signal.reason));
      return promise;
    }
    onAbort = () => settle(false, new AbortedError(api, signal.reason));
    signal.addEventListener('abort', onAbort);
  }
  const timeout = options?.timeout ?? defaultTimeout(row, clean);
  if (timeout > 0 && timeout < Infinity) {
    deadline = { at: Date.now() + timeout, expire: () => settle(false, new TimeoutError(api, timeout)) };
    track(deadline);
  }

  const reply = (answer: unknown, failed?: boolean): void => {
    if (settled) return;
    const special = finish && answer && typeof answer === 'object' ? finish(answer as Record<string, unknown>, failed) : undefined;
    const outcome = special ?? normalise(api, row, answer, failed);
    settle(outcome[0], outcome[1], outcome[2]);
  };
  const send = (): void => {
    stopWaiting = undefined;
    if (settled) return;
    try {
      transport.send(api, row, clean, reply);
    } catch (e) {
      const text = `the host threw: ${(e as Error | null)?.message ?? String(e)}`;
      settle(false, new HostError(api, 3, text, { error: 3, errorMessage: text }));
    }
  };
  if (transport.ready()) send();
  else stopWaiting = whenHost(send, (waited) => settle(false, new NotInHostError(api, waited)));
  return promise;
}
