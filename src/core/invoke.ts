/**
 * The one function that turns a wrapper call into a host call: validates, queues until the host is
 * ready, sends, and settles exactly once — through the Promise and, when given, the
 * success/fail/complete callbacks — on the first of: answer, timeout, abort.
 */
import { AbortedError } from '../errors/aborted-error.js';
import { HostError } from '../errors/host-error.js';
import { InvalidParamsError } from '../errors/invalid-params-error.js';
import { NotInHostError } from '../errors/not-in-host-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { RuntimeRow } from '../table/row.js';
import { config } from './config.js';
import { track, type Deadline } from './deadline.js';
import { failure, success, unsupportedByHost } from './normalise.js';
import { ifOwn, ownValue } from './own.js';
import { leave, whenHost, type Waiter } from './ready.js';
import type { Spec } from './spec.js';
import { transport } from './transport.js';
import { check } from './validate.js';

/** Per-call options, the second argument of every wrapper. */
export interface CallOptions {
  /**
   * ms to wait for the host's answer before rejecting with `TimeoutError`; `0` waits forever. Counted
   * from the library's shared timer's next run: never before the call, at most a task after it.
   * Default: none for APIs that open UI, the documented host timeout plus `timeoutGrace` for
   * network APIs, else `configure({ timeout })` (20000).
   */
  timeout?: number;
  /** Aborting it rejects the call with `AbortedError` and frees its resources. */
  signal?: AbortSignal;
}

/** What a `Finish` gets to settle the call with. */
export interface Settler {
  /** The API's spec (name, row fields). */
  readonly spec: Spec;
  /** Settles the call: resolves with `value` (`ok`) or rejects with it; `viaFail` routes a value to `fail`. */
  settle(ok: boolean, value: unknown, viaFail?: boolean): void;
}

/**
 * Post-processing for one API's answer object: settles `call` itself and returns true, or returns a
 * falsy value for the default path. It settles rather than returning an outcome: no array per answer.
 */
export type Finish = (raw: Record<string, unknown>, failed: boolean | undefined, call: Settler) => unknown;

type Callbacks = {
  success?: (value: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (valueOrError: unknown) => void;
};

/** What a thrown value says, without trusting it (a throwing `message` getter, a Symbol). */
const describe = (e: unknown): string => {
  try {
    return String((e as Error | null)?.message ?? e);
  } catch {
    return 'unreadable';
  }
};

// `new Promise` runs its executor synchronously: the resolvers are handed to the call being opened
// through this variable, so a call makes no executor closure.
let opening: Call;
const capture = (resolve: (value: unknown) => void, reject: (error: unknown) => void): void => {
  opening.resolve = resolve;
  opening.reject = reject;
};

/**
 * One call in flight. It is its own deadline (for the shared timer), its own ready-queue waiter and its
 * own abort listener (`handleEvent`), so a call allocates this object, its Promise, its parameters and
 * the one callback the host needs — nothing per concern.
 */
class Call implements Deadline, Waiter, EventListenerObject, Settler {
  declare resolve: (value: unknown) => void;
  declare reject: (error: unknown) => void;
  declare done?: boolean;
  /** The settled value goes to `fail` (errors, and tradePay's failed/cancelled results). */
  declare viaFail?: boolean;
  declare signal?: AbortSignal | undefined;
  /** The signal this call's abort listener is on (added a promise job after the call, if still pending). */
  declare listenedTo?: AbortSignal;
  declare timeout: number;
  declare readonly spec: Spec;
  declare readonly promise: Promise<unknown>;
  /** The caller's parameters without the callbacks (the host never gets the caller's object). */
  declare params: Record<string, unknown>;
  /** Deadline (epoch ms) while the shared timer watches this call, else 0. */
  declare at: number;
  /** What the host returned for the call; its `abort()`, when it has one, is called on abort. */
  declare host?: unknown;

  // Fields are `declare`d and set here: under the define semantics of class fields, initialised ones
  // compile to a helper call each.
  constructor(spec: Spec) {
    this.spec = spec;
    this.params = {};
    this.at = 0;
    // Set here, as they are read before anything else sets them: none may come from Object.prototype
    // (a page's `Object.prototype.done` must not decide a call's fate, nor its `host.abort` run).
    this.done = false;
    this.listenedTo = this.host = undefined;
    opening = this;
    this.promise = new Promise(capture);
  }

  /** Settles once, and lets go of the deadline, the signal and the ready queue. */
  settle(ok: boolean, value: unknown, viaFail = !ok): void {
    if (this.done) return;
    this.done = true;
    if (ok) unsupportedByHost.delete(this.spec.api); // an answer: a "not found" is not for good
    this.viaFail = viaFail;
    this.at = 0; // the shared timer drops it (see deadline.ts)
    // Only when added: removeEventListener costs ~0.4 µs in Chromium even with nothing to remove.
    this.listenedTo?.removeEventListener('abort', this);
    leave(this);
    (ok ? this.resolve : this.reject)(value);
    // Failed or given up (abort, timeout) before the answer: a host that can hear it stops its work (a
    // RequestTask's fetch; the emulator's fetch and the call's dialog). Real bridges return nothing.
    if (!ok) {
      try {
        // A host without abort() (nullish, or abort not a function) either skips or throws here: both end quietly.
        (this.host as { abort?: () => void } | null | undefined)?.abort?.();
      } catch {
        // the call is settled; a host that fails to stop is not the page's problem
      }
    }
  }

  /**
   * The host's answer; `failed`: it came through a `fail` callback. Later answers are dropped; an answer
   * that throws when read (a getter, a Proxy) fails the call rather than the host's callback.
   */
  answer(answer: unknown, failed?: boolean): void {
    // Settled already: dropped (settle() ignores it). Aborted before its answer, perhaps before the call
    // listened for the abort (see `invoke`): an abort.
    if (this.done || this.signal?.aborted) return this.handleEvent();
    try {
      const spec = this.spec;
      if (spec.finish && answer && typeof answer === 'object' && spec.finish(answer as Record<string, unknown>, failed, this)) return;
      const value = failed ? undefined : success(answer);
      if (value) this.settle(true, value);
      else this.settle(false, failure(spec, answer));
    } catch (e) {
      this.fault(e);
    }
  }

  /** The host is there: sends the call. `waited` set: no host came (none can: 0; none within `waited` ms). */
  go(waited?: number): void {
    const api = this.spec.api;
    if (waited !== undefined) return this.settle(false, new NotInHostError(api, waited));
    if (this.done) return;
    try {
      // APIs outside the table (`call()`) have no row. The one closure a call needs.
      this.host = transport.send(api, this.spec.params && (this.spec as RuntimeRow), this.params, (answer, failed) => this.answer(answer, failed));
    } catch (e) {
      this.fault(e);
    }
  }

  /** Fails the call with HostError 3: the host threw, or its answer did when read. */
  fault(e: unknown): void {
    const text = `host threw: ${describe(e)}`;
    this.settle(false, new HostError(this.spec.api, 3, text, { error: 3, errorMessage: text }));
  }

  /** The shared deadline timer found this call past its deadline. */
  expire(): void {
    this.settle(false, new TimeoutError(this.spec.api, this.timeout));
  }

  /** The signal aborted (or RequestTask.abort()): settles, and tells the host when it can be told. */
  handleEvent(): void {
    this.settle(false, new AbortedError(this.spec.api, this.signal?.reason)); // settle() ignores it once settled
  }
}


/** Calls the API of `spec` on the host; with `spec.task`, the Promise also has `abort()` (RequestTask). */
export function invoke(spec: Spec, params?: Callbacks | null, options?: CallOptions): Promise<unknown> {
  const call = new Call(spec);
  const promise = call.promise;
  const clean = call.params;
  const api = spec.api;

  // Reading the caller's objects can throw (a getter, a Proxy): that is a refusal, never a synchronous throw.
  let problem;
  let where = 'params';
  let signal: AbortSignal | undefined;
  let timeout: unknown;
  /** Set when the caller passed callbacks of its own (an inherited `success`, from a polluted Object.prototype, is none). */
  let callbacks: unknown;
  try {
    // `params` must be an object (or nothing). One pass over the caller's own keys: callbacks must be
    // functions and stay here; the rest is copied for the host, documented parameters checked against
    // their type (each read once: a getter runs once). Then the required ones must not be missing.
    // Walking the caller's keys, not the row's, reads only what is there (a row has up to 31). The walk
    // goes on past the first problem, only to see the callbacks, which get the refusal too.
    problem = check(api, 'params', 'object', false, params);
    if (!problem) {
      if (params)
        for (const k of Object.keys(params)) {
          const v = (params as Record<string, unknown>)[k];
          const code = k === 'success' || k === 'fail' || k === 'complete' ? (callbacks = 'function') : ((clean[k] = v), spec.codes?.[k]);
          if (code && !problem) problem = check(api, k, code, false, v);
        }
      for (const k of spec.required ?? []) problem ||= check(api, k, '', true, ifOwn(clean, k, clean[k]));
    }
    where = 'options';
    signal = ifOwn(options, 'signal', options?.signal);
    timeout = ifOwn(options, 'timeout', options?.timeout);
    // A number of ms ≥ 0 (0: none); a signal must be one (an AbortController is not).
    problem ||=
      check(api, 'timeout', 'number', false, timeout) ||
      ((timeout as number) < 0
        ? new InvalidParamsError(api, 'timeout', 'must be >= 0')
        : signal != null && typeof signal.addEventListener !== 'function'
          ? new InvalidParamsError(api, 'signal', 'must be an AbortSignal')
          : undefined);
  } catch (e) {
    problem = new InvalidParamsError(api, where, `unreadable: ${describe(e)}`);
  }
  if (callbacks) {
    // Callbacks run after the Promise settles (always asynchronously), exactly one of success/fail,
    // then complete (even when success/fail throws). A call that passes callbacks leaves no unhandled
    // rejection behind: the docs' own example pairs `success` with `.catch()` on the Promise.
    // Non-function callbacks (the call is then refused as invalid) are skipped.
    const route = (v: unknown) => {
      const main = ownValue(params, call.viaFail ? 'fail' : 'success');
      try {
        if (typeof main === 'function') main(v);
      } finally {
        const complete = ownValue(params, 'complete');
        if (typeof complete === 'function') complete(v);
      }
    };
    promise.then(route, route);
  }
  if (spec.task) (promise as Promise<unknown> & { abort(): void }).abort = () => call.handleEvent();
  if (problem) {
    call.settle(false, problem);
    return promise;
  }

  call.signal = signal;
  if (signal?.aborted) {
    call.handleEvent();
    return promise;
  }
  // The default: none for UI that waits for the user; the host's own timeout and a grace; else config's.
  // Written inline: esbuild keeps one-use helpers as functions.
  const ms =
    (timeout as number | undefined) ??
    (spec.ui === true || (spec.ui && ownValue(clean, spec.ui))
      ? 0
      : spec.hostTimeout
        ? (ifOwn(clean, 'timeout', clean['timeout'] as number | undefined) ?? spec.hostTimeout) + config.timeoutGrace
        : config.timeout);
  // The deadline: the shared timer stamps it on its next run (see deadline.ts), so a call reads no
  // clock. Tracked before it is sent: a call settled at once (a host that throws) lets go of it there.
  if (ms > 0) track(call, (call.timeout = ms));
  whenHost(call);
  // An abort listener only for a call still pending a promise job later: a host that answers
  // sooner (most do) adds and removes none (removeEventListener alone costs ~0.4 µs in Chromium). An
  // abort before the answer is seen by answer(); one before the job, here. A promise job, not
  // queueMicrotask(), which costs microseconds in Chromium.
  if (signal)
    Promise.resolve().then(() => {
      if (!call.done) signal.aborted ? call.handleEvent() : (call.listenedTo = signal).addEventListener('abort', call);
    });
  return promise;
}
