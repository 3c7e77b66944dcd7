/**
 * Host detection and the transport: the one place that touches `window.my` and `AlipayJSBridge`.
 * Tests (and the emulator's test helpers) swap it with `setTransport()` and restore it with `resetTransport()`.
 */
import type { RuntimeRow } from '../table/row.js';
import { callNatives } from './config.js';
import { unsupportedByHost } from './normalise.js';

/** `AlipayJSBridge` as the host injects it into an H5 page. */
export interface Bridge {
  /**
   * Calls a JSAPI; the callback receives ONE plain object. Real bridges return nothing; one that returns
   * an object with `abort()` (the emulator's) gets it called when the page aborts the call.
   */
  call(name: string, params?: object, callback?: (result: unknown) => void): unknown;
  /** Launch parameters of the page. */
  startupParams?: Record<string, unknown>;
}

/** A mini-program style `my` object (the closed CDN SDK, a host's own, or this library's shim). */
export interface MyLike {
  [api: string]: unknown;
  /** The SDK's synchronous capability check, when it has one. */
  canIUse?: (name: string) => boolean;
}

/** What the library needs from a host. */
export interface Transport {
  /** `true`: calls can go out now; `false`: not yet (the host injects the bridge later); `undefined`: never (Node, SSR). */
  ready(): boolean | undefined;
  /** Calls `callback` once when the host appears; returns a function that stops waiting. */
  onReady(callback: () => void): () => void;
  /**
   * Sends one call. `row` holds the runtime fields of the API's table row (undefined for `call()` to an
   * API outside the table). `reply` gets the host's answer object; `failed` is true when it arrived
   * through a `fail` callback (mini-program style hosts) rather than as one result object (the bridge).
   * Returns what the host returned for the call: when that has an `abort()` (a `my.request` RequestTask,
   * the emulator's call handle), a call that fails or is given up (aborted, timed out) before its answer
   * calls it, so the host stops its work too (the emulator also closes the call's dialog).
   */
  send(
    api: string,
    row: RuntimeRow | undefined,
    params: Record<string, unknown>,
    reply: (result: unknown, failed?: boolean) => void,
  ): unknown;
  /**
   * The host's synchronous `canIUse` answer, when it has one. Without this method, the page's foreign
   * `my.canIUse` answers (what the real-host transport does).
   */
  canIUse?(name: string): boolean | undefined;
}

/** Marks the `my` object this library's shim defines, so the transport never calls through itself. */
export const SHIM_MARK = /* @__PURE__ */ Symbol.for('superqi-bridge.shim');
/** The event the host fires on `document` once `AlipayJSBridge` exists. */
export const READY_EVENT = 'AlipayJSBridgeReady';

type HostWindow = { my?: MyLike; AlipayJSBridge?: Bridge; document?: Document };

/** The page's window, or undefined in Node/SSR. Never read at import time. */
export const hostWindow = (): HostWindow | undefined =>
  typeof window === 'undefined' ? undefined : (window as unknown as HostWindow);

/** The page's `my` when it is not this library's shim (none when reading it throws: a page's hostile getter). */
export const foreignMy = (w = hostWindow()): MyLike | undefined => {
  try {
    const m = w?.my;
    return m && typeof m === 'object' && !(m as Record<symbol, unknown>)[SHIM_MARK] ? m : undefined;
  } catch {
    // none: reading it threw
  }
};

/** The host's bridge, when injected. */
export const currentBridge = (): Bridge | undefined => hostWindow()?.AlipayJSBridge;

/** The bridge the page had when it had no `my` of its own (see `send`). */
let bridgeWithoutMy: Bridge | undefined;

/**
 * The real-host transport: a foreign `my` when the page has one, else `AlipayJSBridge.call`. Its
 * `canIUse` is `foreignCanIUse`, which `canIUse()` uses when a transport has none (so a bundle without
 * `canIUse()` does not carry it).
 */
export const hostTransport: Transport = {
  ready() {
    const w = hostWindow();
    try {
      return w && !!(w.AlipayJSBridge || foreignMy(w));
    } catch {
      return true; // a host whose globals throw when read: `send` meets the throw and fails the call
    }
  },
  onReady(callback) {
    const d = hostWindow()?.document;
    // Not `once`: the ready queue calls the remover as soon as the event has fired.
    d?.addEventListener(READY_EVENT, callback);
    return () => d?.removeEventListener(READY_EVENT, callback);
  },
  send(api, row, params, reply) {
    const w = hostWindow();
    const bridge = w?.AlipayJSBridge;
    let my: MyLike | undefined;
    // Reading a window property the page does not have costs ~70 ns in Chromium (its named-property
    // interceptor), on every call: once a bridge is there and the page has no `my` of its own, `my` is
    // looked up again only when the bridge changes (the closed SDK loads before the page's code).
    if (!row?.surface && (!bridge || bridge !== bridgeWithoutMy)) {
      my = foreignMy(w);
      if (!my) bridgeWithoutMy = bridge;
    }
    const fn = my?.[api];
    // The page's `my` may be a class instance (methods on its prototype), but Object.prototype's are no APIs.
    if (typeof fn === 'function' && fn !== ({} as MyLike)[api]) {
      return fn.call(my, { ...params, success: (r: unknown) => reply(r), fail: (r: unknown) => reply(r, true) });
    }
    if (!bridge) {
      reply({ error: 1, errorMessage: `no AlipayJSBridge or my.${api}` });
      unsupportedByHost.delete(api); // no host said so: canIUse() must not remember it
      return;
    }
    const name = row?.native ?? api;
    return callNatives ? callNatives(bridge, api, name, params, reply) : bridge.call(name, params, reply);
  },
};

/**
 * The host's own synchronous answer, when it has one that answers: a foreign `my.canIUse`, else a
 * bridge-level `AlipayJSBridge.canIUse` (the emulator has one, so its profile's unsupported APIs and
 * version show in `canIUse()`; real bridges are not known to).
 */
export function foreignCanIUse(name: string): boolean | undefined {
  try {
    const owner: { canIUse?: unknown } | undefined = foreignMy() ?? (currentBridge() as { canIUse?: unknown } | undefined);
    // Object.prototype's `canIUse` (a polluted one) is not the host's.
    if (typeof owner?.canIUse !== 'function' || owner.canIUse === ({} as typeof owner).canIUse) return undefined;
    return !!(owner.canIUse as (n: string) => unknown)(name);
  } catch {
    return undefined;
  }
}

/** The transport in use. */
export let transport: Transport = hostTransport;

/** Replaces the transport (tests, custom hosts). Omitted methods keep the host transport's. */
export function setTransport(custom: Partial<Transport>): void {
  transport = { ...hostTransport, ...custom };
  unsupportedByHost.clear();
}

/** Restores the real-host transport and forgets what the library learned from the previous host. */
export function resetTransport(): void {
  transport = hostTransport;
  unsupportedByHost.clear();
}
