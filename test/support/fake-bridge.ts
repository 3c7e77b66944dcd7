/**
 * A scriptable fake of the host's `AlipayJSBridge`, installed on happy-dom's `window`, plus the helpers
 * that put the library back in its initial state between tests.
 *
 * By default it answers like a real host: once, asynchronously (a `setTimeout(0)` after the call), with
 * the handler's answer for the native name, or `{}` when there is no handler. Per name (or for every
 * name with `'*'`), `modes` scripts the other behaviours real hosts show: answering twice, never,
 * throwing synchronously from `call`. A handler that returns a non-object makes the bridge answer that
 * non-object. Calls left unanswered (`never`) stay in `pending`, so a test can answer them late.
 */
import { vi } from 'vitest';
import { resetConfig } from '../../src/core/config.js';
import { unsupportedByHost } from '../../src/core/normalise.js';
import { READY_EVENT, resetTransport, type Bridge } from '../../src/core/transport.js';

/** What the fake does with one call. */
export type Mode = 'once' | 'twice' | 'never' | 'throw';

/** Computes the answer for one call; whatever it returns is the answer (a non-object included). */
export type Handler = (params: Record<string, unknown>, name: string) => unknown;

export interface FakeBridgeOptions {
  /** Native name → answer (function of the params, or the answer itself). `'*'` answers every other name. */
  handlers?: Record<string, Handler | object | null | undefined | string | number | boolean>;
  /** When the answer comes: `macrotask` (default, `setTimeout(0)` like real hosts), `microtask` or `sync` (inside `call`). */
  answer?: 'macrotask' | 'microtask' | 'sync';
  /** Dispatch `AlipayJSBridgeReady` on `document` once installed. Default false. */
  fireReady?: boolean;
  /** Native name (or `'*'` for every name) → behaviour. Default `once`. */
  modes?: Record<string, Mode>;
  /** With `twice`: the second answer (default: the first answer again). */
  second?: Handler | object;
  /** With `throw`: what `call` throws (default `new Error('bridge exploded')`). */
  throws?: unknown;
  /** Serialise params with `JSON.stringify` inside `call`, as a native bridge does (throws for cyclic data). */
  json?: boolean;
  /** Extra own properties of the bridge object (`startupParams`, `__superqiEmulator`…). */
  props?: Record<string, unknown>;
}

/** One call the bridge received, as it received it. */
export interface FakeCall {
  name: string;
  params: Record<string, unknown>;
  /** The third argument, as given. */
  callback: unknown;
}

/** A call the bridge did not answer (mode `never`); `reply` answers it now. */
export interface PendingCall extends FakeCall {
  reply(answer: unknown): void;
}

export interface FakeBridge {
  /** Every call, in the order the bridge received them. */
  readonly calls: FakeCall[];
  /** Calls left unanswered. */
  readonly pending: PendingCall[];
  /** The installed object (`window.AlipayJSBridge`). */
  readonly bridge: Bridge & Record<string, unknown>;
  /** Changes the behaviour for a native name (`'*'`: every name) from now on. */
  setMode(name: string, mode: Mode): void;
  /** Sets or replaces the handler of a native name. */
  handle(name: string, handler: Handler | object): void;
  /** Dispatches `AlipayJSBridgeReady` on `document`. */
  fireReady(): void;
  /** Removes `window.AlipayJSBridge` (when it is still this one) and drops every answer not yet delivered. */
  uninstall(): void;
}

type TestWindow = Window & { AlipayJSBridge?: unknown; my?: unknown };
const win = (): TestWindow => window as unknown as TestWindow;

const live = new Set<FakeBridge>();
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Builds a fake bridge object without installing it (for `patchBridge` tests and late injection). */
export function createFakeBridge(options: FakeBridgeOptions = {}): FakeBridge {
  const calls: FakeCall[] = [];
  const pending: PendingCall[] = [];
  const handlers: Record<string, unknown> = { ...options.handlers };
  const modes: Record<string, Mode> = { ...options.modes };
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let alive = true;

  const deliver = (fn: () => void): void => {
    const run = () => alive && fn();
    if (options.answer === 'sync') run();
    else if (options.answer === 'microtask') queueMicrotask(run);
    else {
      const t = setTimeout(() => {
        timers.delete(t);
        run();
      }, 0);
      timers.add(t);
    }
  };

  const answerFor = (name: string, params: Record<string, unknown>): unknown => {
    const h = own(handlers, name) ? handlers[name] : own(handlers, '*') ? handlers['*'] : {};
    return typeof h === 'function' ? (h as Handler)(params, name) : h;
  };

  const bridge = {
    ...options.props,
    call(name: string, params?: unknown, callback?: unknown): void {
      if (typeof params === 'function') {
        callback = params;
        params = undefined;
      }
      const p = (params ?? {}) as Record<string, unknown>;
      if (options.json) JSON.stringify(p);
      calls.push({ name, params: p, callback });
      const mode = (own(modes, name) ? modes[name] : modes['*']) ?? 'once';
      if (mode === 'throw') throw 'throws' in options ? options.throws : new Error('bridge exploded');
      const cb = typeof callback === 'function' ? (callback as (r: unknown) => void) : undefined;
      if (mode === 'never') {
        pending.push({ name, params: p, callback, reply: (answer) => cb?.(answer) });
        return;
      }
      const first = answerFor(name, p);
      deliver(() => cb?.(first));
      if (mode === 'twice') {
        const s = options.second;
        const second = s === undefined ? first : typeof s === 'function' ? (s as Handler)(p, name) : s;
        deliver(() => cb?.(second));
      }
    },
  } as Bridge & Record<string, unknown>;

  const fake: FakeBridge = {
    calls,
    pending,
    bridge,
    setMode: (name, mode) => void (modes[name] = mode),
    handle: (name, handler) => void (handlers[name] = handler),
    fireReady: () => void document.dispatchEvent(new Event(READY_EVENT)),
    uninstall() {
      alive = false;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      if (win().AlipayJSBridge === bridge) delete win().AlipayJSBridge;
      live.delete(fake);
    },
  };
  live.add(fake);
  return fake;
}

/** Installs a fake bridge as `window.AlipayJSBridge` (and fires `AlipayJSBridgeReady` when asked). */
export function installFakeBridge(options: FakeBridgeOptions = {}): FakeBridge {
  const fake = createFakeBridge(options);
  win().AlipayJSBridge = fake.bridge;
  if (options.fireReady) fake.fireReady();
  return fake;
}

/** Sets `navigator.userAgent` until `resetState()` (happy-dom defines it on the prototype). */
export function setUserAgent(ua: string): void {
  Object.defineProperty(window.navigator, 'userAgent', { value: ua, configurable: true });
}

/**
 * Puts the library and the page back as they were: host transport, default config, no remembered
 * "not found" APIs, no `AlipayJSBridge`, no `my`, the real user agent, real timers. Fake timers are
 * run out first (after the fakes are gone), so no armed fake timer is left in the library's module state.
 */
export function resetState(): void {
  for (const fake of [...live]) fake.uninstall();
  if (vi.isFakeTimers()) vi.runAllTimers();
  resetTransport();
  resetConfig();
  unsupportedByHost.clear();
  delete win().AlipayJSBridge;
  delete win().my;
  delete (window.navigator as unknown as Record<string, unknown>)['userAgent'];
  vi.useRealTimers();
}

/** Waits `ms` of real time (a macrotask at least). */
export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Settles-state of a promise, read without waiting for it. */
export function track<T>(p: Promise<T>): { readonly settled: boolean; readonly value?: T; readonly error?: unknown; readonly ok?: boolean } {
  const state: { settled: boolean; value?: T; error?: unknown; ok?: boolean } = { settled: false };
  p.then(
    (v) => Object.assign(state, { settled: true, ok: true, value: v }),
    (e) => Object.assign(state, { settled: true, ok: false, error: e }),
  );
  return state;
}

/** What `p` rejected with; fails the test when it resolved. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    (v) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(v)}`);
    },
    (e: unknown) => e,
  );
}

/** Collects Node's unhandled rejections until `stop()`. */
export function watchUnhandled(): { readonly seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const handler = (reason: unknown) => void seen.push(reason);
  process.on('unhandledRejection', handler);
  return { seen, stop: () => void process.off('unhandledRejection', handler) };
}
