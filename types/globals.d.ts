/**
 * Ambient declarations for pages that use the host globals directly:
 *   /// <reference types="superqi-bridge/globals" />
 * `my` is the mini-program style object (the closed SDK's, or this library's shim); `AlipayJSBridge`
 * the host's bridge, typed from the same API table as the wrappers.
 */
import type * as SuperQiModule from '../dist/index.js';
import type { KnownApiName, KnownParams, KnownResult, MyShim } from '../dist/index.js';

/** What a bridge failure looks like: `error` (numeric) or `errorCode` (string), with a message. */
interface SuperQiBridgeFailure {
  error?: number | string;
  errorCode?: string;
  errorMessage?: string;
  errMessage?: string;
  [field: string]: unknown;
}

/** Callbacks pages embed in bridge params (`AlipayJSBridge.call(name, { …, success, fail })`). */
interface SuperQiBridgeCallbacks<R> {
  success?: (result: R) => void;
  fail?: (result: SuperQiBridgeFailure) => void;
  complete?: (result: R | SuperQiBridgeFailure) => void;
}

/** `AlipayJSBridge` as injected by the host. */
interface SuperQiBridge {
  /**
   * Calls a JSAPI by name: a table API, or one added to `Register['apis']` (declaration merging into
   * `superqi-bridge`'s `Register`), with its params; the callback gets its result or a failure. Any other
   * name (a typo such as `'tradepay'`) is a type error: register it, or use `SuperQi.call.unknown(name)`.
   */
  call<K extends KnownApiName>(
    name: K,
    params?: Partial<KnownParams<K>> & SuperQiBridgeCallbacks<KnownResult<K>> & Record<string, unknown>,
    callback?: (result: KnownResult<K> | SuperQiBridgeFailure) => void,
  ): void;
  /** Launch parameters of the page. */
  startupParams?: Record<string, unknown>;
}

declare global {
  /** The mini-program style API object. */
  var my: MyShim;
  /** The host bridge (injected asynchronously: wait for `AlipayJSBridgeReady` or use `SuperQi.ready()`). */
  var AlipayJSBridge: SuperQiBridge;
  /**
   * The script-tag build's exports: the package but its ESM-only members — the API table's data
   * (`TABLE`, `API_NAMES`, `CLASSIC_NATIVES`), the scope lists, the amount helpers, and the test/custom-host plumbing
   * (`setTransport`, `resetTransport`, `resetConfig`), and the deep-link helpers (landing pages and
   * backends build links; a miniapp page does not).
   */
  var SuperQi: Omit<
    typeof SuperQiModule,
    | 'TABLE'
    | 'API_NAMES'
    | 'CLASSIC_NATIVES'
    | 'CUSTOMER_SCOPES'
    | 'BUSINESS_SCOPES'
    | 'SILENT_SCOPES'
    | 'iqdToFils'
    | 'filsToIqd'
    | 'toPaymentAmount'
    | 'setTransport'
    | 'resetTransport'
    | 'resetConfig'
    | 'miniappDeepLink'
    | 'miniappWebLink'
    | 'parseDeepLink'
    | 'redirectToMiniapp'
    | 'DEEP_LINK_BASE'
    | 'DEEP_LINK_WEB'
    | 'STORE_URLS'
  >;
  interface DocumentEventMap {
    AlipayJSBridgeReady: Event;
  }
}

export {};
