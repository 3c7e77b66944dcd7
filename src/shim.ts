/**
 * The drop-in for the closed CDN SDK: a mini-program style `window.my` (defined only when absent)
 * over the typed wrappers, and `AlipayJSBridge.call` taught the embedded-callbacks style real pages use.
 */
import { call } from './core/call.js';
import { canIUse } from './core/can-i-use.js';
import type { CallOptions } from './core/invoke.js';
import { embeddedCallback } from './core/embedded.js';
import { ownValue } from './core/own.js';
import { hostWindow, READY_EVENT, SHIM_MARK, type Bridge } from './core/transport.js';
import type { HostAck } from './types/common.js';
import { WRAPPERS as wrappers } from './wrapper-set.js';
import type * as wrapperModule from './wrappers.js';

type Wrappers = typeof wrapperModule;
type WrapperName = Exclude<keyof Wrappers, 'RequestTask' | 'RequestFunction'>;

/** `window.my` as this library defines it: every table API, plus `call` and `canIUse`. */
export type MyShim = { readonly [K in WrapperName]: Wrappers[K] } & {
  /**
   * Calls any JSAPI by name. Known APIs behave as their wrapper; others go to the host by name and
   * always get an answer (the host's, or a typed error). `callback` receives the result or the error.
   */
  call<Result = HostAck>(
    name: string,
    params?: Record<string, unknown> | ((result: unknown) => void),
    callback?: (result: Result | Error) => void,
    options?: CallOptions,
  ): Promise<Result>;
  /** Whether the host supports an API (see `canIUse`). */
  canIUse: typeof canIUse;
};

const PATCHED = /* @__PURE__ */ Symbol.for('superqi-bridge.patched');

/**
 * `my.call('canIUse', { name })`: `{ canIUse }`, exactly what `my.canIUse(name)` answers (false for a
 * name that is missing or no API's, as there; params that throw when read have no name).
 */
const canIUseAnswer = async (params: unknown): Promise<{ canIUse: boolean }> => {
  let name: unknown;
  try {
    name = ownValue(params, 'name');
  } catch {
    // a revoked Proxy, a throwing getter: no name
  }
  return { canIUse: canIUse(name as string) };
};

/** Creates a `my` object (does not install it). */
export function createMy(): MyShim {
  const my = {
    ...wrappers,
    canIUse,
    call(name: string, params?: unknown, callback?: (result: unknown) => void, options?: CallOptions) {
      if (typeof params === 'function') {
        callback = params as (result: unknown) => void;
        params = undefined;
      }
      // Own wrappers only (the wrapper set has no prototype: 'toString' is not in it); a name that is
      // no string is never converted here (its toString may throw): call() refuses it.
      const wrapper = typeof name === 'string' && name in wrappers ? (wrappers as Record<string, unknown>)[name] : undefined;
      const p =
        name === 'canIUse'
          ? canIUseAnswer(params)
          : typeof wrapper === 'function'
            ? (wrapper as (p: unknown, o?: CallOptions) => Promise<unknown>)(params, options)
            : call.unknown(name, params as Record<string, unknown>, options);
      if (typeof callback === 'function') p.then(callback, callback);
      return p;
    },
  };
  Object.defineProperty(my, SHIM_MARK, { value: true });
  return my as unknown as MyShim;
}

/**
 * Lets `AlipayJSBridge.call(name, { ...params, success, fail, complete })` (no third argument) work:
 * the callbacks are taken out of the params and called from the host's single answer. Idempotent.
 */
export function patchBridge(bridge: Bridge | undefined): void {
  if (!bridge || typeof bridge.call !== 'function' || (bridge as unknown as Record<symbol, unknown>)[PATCHED]) return;
  const original = bridge.call;
  bridge.call = function (this: Bridge, name: string, params?: object, callback?: (result: unknown) => void) {
    try {
      const embedded = typeof callback !== 'function' && embeddedCallback(params);
      if (embedded) {
        callback = embedded;
        const { success: _s, fail: _f, complete: _c, ...rest } = params as Record<string, unknown>;
        params = rest;
      }
    } catch {
      // params that throw when read (a getter, a revoked Proxy) go to the host as they are: it refuses them
    }
    return original.call(this, name, params, callback);
  };
  (bridge as unknown as Record<symbol, unknown>)[PATCHED] = true;
}

/**
 * Installs the shim: defines `window.my` when the page has none (a `my` already there — the closed
 * SDK or the host's — is kept), and patches `AlipayJSBridge.call` now or when it is injected.
 * Returns the `my` in place, or undefined outside a browser.
 */
export function installShim(): MyShim | undefined {
  const w = hostWindow() as (ReturnType<typeof hostWindow> & { my?: unknown }) | undefined;
  if (!w) return undefined;
  let my: unknown;
  try {
    if (!w.my) w.my = createMy();
    my = w.my;
  } catch {
    // a `my` the page made read-only, or whose getter throws: it stays, and the rest of the shim still installs
  }
  const d = w.document;
  // Patches the bridge now if it is there, else on the first AlipayJSBridgeReady once it is: an event
  // fired before it (a page's, a spurious one) must not end the wait. No options object: one would
  // inherit a page's Object.prototype.signal.
  const patch = (): void => {
    if (w.AlipayJSBridge) {
      d?.removeEventListener(READY_EVENT, patch);
      patchBridge(w.AlipayJSBridge);
    }
  };
  d?.addEventListener(READY_EVENT, patch);
  patch();
  return my as MyShim | undefined;
}
