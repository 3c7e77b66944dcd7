/** Public types of the emulator. */
import type { HostEventName } from '../core/events.js';
import type { ApiErrorCode, ApiName, ApiResult, KnownApiName, KnownParams, KnownResult } from '../table/index.js';
import type { EmulatorContact, EmulatorPlace, EmulatorUi } from './ui/contract.js';

/** A failure as the host sends it: numeric `error` (most APIs) or string `errorCode` (Qi custom APIs). */
export type HostFailure =
  | {
      /** The documented error code. */
      error: number;
      /** The page's wording, or the handler's own. */
      errorMessage: string;
      [field: string]: unknown;
    }
  | {
      /** A Qi custom API's code, e.g. `'6001'`. */
      errorCode: string;
      /** The page's wording, or the handler's own. */
      errorMessage: string;
      [field: string]: unknown;
    };

/**
 * The success payload a host sends for `K`: the documented result — for tradePay just `resultCode`
 * (the library adds `status`); for an API registered in `Register['apis']`, its registered result.
 */
export type HostPayload<K extends KnownApiName> = K extends 'tradePay' ? Pick<ApiResult<'tradePay'>, 'resultCode'> : KnownResult<K>;

/** The codes a host may fail `K` with: a table API's `ApiErrorCode`; any code for a registered API. */
export type KnownErrorCode<K extends KnownApiName> = K extends ApiName ? ApiErrorCode<K> : number | string;

/** What a handler answers for `K`: its documented success payload, or a failure. */
export type Answer<K extends KnownApiName = ApiName> = HostPayload<K> | HostFailure;

/** An answer for an API outside the table. */
export type LooseAnswer = object;

/** The emulated host's facts: who the user is, what the app is, what it supports. */
export interface HostProfile {
  /** Host app runtime version; APIs whose row says `since` a later version answer error 1. @default '1.30.0' */
  version: string;
  /** `currentRole` of getDeviceInfo; decides which scope set getAuthCode accepts. @default 'customer' */
  role: 'customer' | 'business';
  /** UI language and `language` answers: `en` (English) or `ar` (Arabic, right-to-left). @default 'en' */
  language: 'en' | 'ar';
  /** `isProdEnv` of getDeviceInfo. @default false */
  production: boolean;
  /** APIs this host lacks: `canIUse` says false and calls answer error 1. @default [] */
  unsupported: readonly string[];
  /** Device facts used by getSystemInfo/getDeviceInfo. */
  device: {
    /** `platform` of getSystemInfo. */
    platform: 'Android' | 'iOS';
    /** OS version, e.g. `'14'`. */
    system: string;
    /** Phone model. */
    model: string;
    /** Phone brand. */
    brand: string;
  };
  /** The miniapp's display name on consent and cashier sheets. @default 'Emulated Miniapp' */
  appName: string;
}

/** Data the emulator answers with when it needs "the user's" things. */
export interface EmulatorFixtures {
  /** The phone book for choosePhoneContact. */
  contacts: readonly EmulatorContact[];
  /** getLocation's position and chooseLocation's choices; the first is the default (Baghdad). */
  places: readonly EmulatorPlace[];
  /** What scan reads in auto mode. */
  scanCode: string;
  /** Files chooseImage/chooseVideo/chooseFileFromDisk pick in auto mode (made on demand when empty). */
  images: readonly File[];
  /** Videos chooseVideo picks in auto mode (a generated MP4 header when empty). */
  videos: readonly File[];
  /** Files chooseFileFromDisk picks in auto mode (a small text file when empty). */
  files: readonly File[];
  /** Clipboard text when the browser denies clipboard access. */
  clipboard: string;
  /** Battery when the browser has no Battery API. */
  battery: {
    /** Charge in percent (0–100). */
    level: number;
    /** Whether the phone is charging. */
    isCharging: boolean;
  };
}

/** What happens to a call for an API the emulator does not know. */
export type UnknownApiPolicy =
  | 'warn'
  | 'error'
  | ((name: string, params: Record<string, unknown>) => LooseAnswer | Promise<LooseAnswer>);

/** Options of `install()`. */
export interface EmulatorOptions {
  /** `'dom'`: a phone frame with real dialogs (default in a page, also from a script in `<head>`); `'auto'`: no UI, documented defaults at once (default in a document without a body). */
  ui?: 'dom' | 'auto';
  /** The miniapp id: storage and saved files are namespaced by it. @default 'emulated-miniapp' */
  appId?: string;
  /** Host profile changes from the default. */
  profile?: Partial<HostProfile>;
  /** Fixture changes from the defaults. */
  fixtures?: Partial<EmulatorFixtures>;
  /** ms every answer waits (on top of the macrotask all answers wait). @default 0 */
  latency?: number;
  /** Calls to APIs outside the table. @default 'warn' */
  onUnknownApi?: UnknownApiPolicy;
  /**
   * APIs outside the table that this emulated host has (newer than the docs; type them in
   * `Register['apis']`): `use()` and the test helpers may script them. Any other name that is neither a
   * documented API nor its classic alias makes `use()` throw, since no call would ever reach it.
   */
  extraApis?: readonly string[];
  /** Presets to apply at install. */
  presets?: readonly PresetName[];
  /** Install even with a real bridge present or a host user agent. @default false */
  force?: boolean;
  /** Where the phone frame goes in dom mode: in that element's flow. @default document.body (fixed at the top right of the window) */
  container?: HTMLElement;
  /** `AlipayJSBridge.startupParams`. */
  startupParams?: Record<string, unknown>;
  /** How many calls the log keeps (oldest dropped first). @default 1000 */
  logLimit?: number;
  /** Storage backend for setStorage & co. @default window.localStorage (memory when unavailable) */
  storage?: StorageBackend;
  /**
   * The URL of a sandbox wallet (`superqi-sandbox`, `startSandbox()`): the emulated user becomes a
   * sandbox user (its role is the profile's role), getAuthCode's codes come from the wallet after
   * consent, the cashier and the signing page show the wallet's payment and contract and the wallet
   * answers the user's choice. Sandbox unreachable: getAuthCode error 3, tradePay 6002,
   * qicardSignContract '6002'. Without it nothing leaves the page.
   */
  sandbox?: string;
  /** The sandbox user to play (a `userId` of its session's `users`). @default the sandbox's default user */
  sandboxUser?: string;
  /**
   * Which devtools pages (`superqi-devtools`) may steer the emulator when the page is framed: their
   * exact origins, or `false` for none. Messages from any other window or origin are ignored, and
   * answers go to the asking origin only. @default loopback origins (localhost, 127.x.x.x, [::1]), any port
   */
  devtools?: string | readonly string[] | false;
}

/** The part of the Web Storage API the emulator's storage uses. */
export type StorageBackend = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** The named scenario presets. */
export type PresetName =
  | 'user-cancels'
  | 'offline'
  | 'slow-network'
  | 'payment-declined'
  | 'payment-pending'
  | 'permission-denied';

/** One call as the log keeps it. */
export interface CallRecord {
  /** Sequence number. */
  readonly id: number;
  /** The documented API name, or the name as called for APIs outside the table. */
  readonly api: string;
  /** The name the page called (a classic alias, for instance). */
  readonly name: string;
  /** Parameters as received (after JSON round-trip, as a native bridge would see them). */
  readonly params: Record<string, unknown>;
  /** The answer, once given. */
  answer?: Record<string, unknown>;
  /** Whether the answer was a success. */
  ok?: boolean;
  /** `performance.now()` at the call and at the answer. */
  readonly startedAt: number;
  /** `performance.now()` at the answer (undefined while pending). */
  answeredAt?: number;
  /** The page aborted the call before it was answered (its handler saw `ctx.signal` abort). */
  aborted?: boolean;
}

/** What a handler gets. */
export interface HandlerContext<K extends KnownApiName = ApiName> {
  /** The documented API name. */
  readonly api: K;
  /** Parameters under their documented names (classic renames undone). */
  readonly params: Partial<KnownParams<K>> & Record<string, unknown>;
  /** The name the page called. */
  readonly name: string;
  /** The profile in force. */
  readonly profile: HostProfile;
  /** The fixtures in force. */
  readonly fixtures: EmulatorFixtures;
  /** The UI (dom or auto). */
  readonly ui: EmulatorUi;
  /** The running emulator. */
  readonly emulator: Emulator;
  /** Aborts when the page aborts the call (RequestTask.abort(), an AbortSignal): stop the work. */
  readonly signal: AbortSignal;
  /** The default answer (or the next matching override's): lets an override pass through. */
  next(): Promise<Answer<K>>;
  /** A documented failure for this API: `error: code` (a string code: `errorCode`) and the page's meaning (or `message`). */
  fail(code: KnownErrorCode<K>, message?: string): HostFailure;
  /** Resolves after `ms`. */
  delay(ms: number): Promise<void>;
}

/** Answers one API. May be async; may never resolve (the host never answers). */
export type Handler<K extends KnownApiName = ApiName> = (ctx: HandlerContext<K>) => Answer<K> | Promise<Answer<K>>;

/** Every API's default handler: a table row without one fails the type check. */
export type DefaultHandlers = { readonly [K in ApiName]: Handler<K> };

/** Options of `emulator.use()`. */
export interface UseOptions {
  /** Answer one call only, then remove itself. */
  once?: boolean;
}

/** The running emulator. */
export interface Emulator {
  /** The fake bridge installed as `window.AlipayJSBridge`. */
  readonly bridge: FakeBridge;
  /** The profile in force (change it with `setProfile`). */
  readonly profile: Readonly<HostProfile>;
  /** The fixtures in force. */
  readonly fixtures: Readonly<EmulatorFixtures>;
  /** The UI in use. */
  readonly ui: EmulatorUi;
  /** The miniapp id (storage namespace). */
  readonly appId: string;
  /** The options `install()` got. */
  readonly options: Readonly<EmulatorOptions>;
  /** Where setStorage & co. keep data (localStorage, or memory when unavailable). */
  readonly storage: StorageBackend;
  /** Every call so far (up to `logLimit`), oldest first. */
  readonly calls: readonly CallRecord[];
  /**
   * Prepends an override for `api` (first match wins). Returns a function that removes it. `api` is a
   * documented name or its classic alias, or one of the install's `extraApis` (typed through
   * `Register['apis']`): any other name throws a TypeError at once.
   */
  use<K extends KnownApiName>(api: K, handler: Handler<K>, options?: UseOptions): () => void;
  /** Removes every override and preset, restores latency and profile to the install options. Keeps data. */
  reset(): void;
  /** Applies a named preset (overrides and settings). */
  preset(name: PresetName): void;
  /** Changes the profile (role, language, version, unsupported APIs…). */
  setProfile(changes: Partial<HostProfile>): void;
  /** Sets the latency every answer waits, in ms. */
  setLatency(ms: number): void;
  /** Empties the call log. */
  clearCalls(): void;
  /** Dispatches a host event on `document`; returns false when a handler called preventDefault. */
  emit(event: HostEventName, data?: unknown): boolean;
  /** Removes the fake bridge, the UI and the listeners; data (storage, saved files) stays. */
  uninstall(): void;
}

/** What the fake bridge's `call` returns: the library calls `abort()` when the page gives the call up (abort, timeout, failure). */
export interface CallHandle {
  /** Aborts the call's handler (`ctx.signal`) and closes the dialog it opened; no effect once answered. */
  abort(): void;
}

/** The fake `AlipayJSBridge`. */
export interface FakeBridge {
  /**
   * `AlipayJSBridge.call(name, params, callback)`: the callback gets one plain object, at least one
   * macrotask later. Returns a handle (real bridges return nothing) the library aborts when the page
   * gives the call up.
   */
  call(name: string, params?: object, callback?: (result: unknown) => void): CallHandle;
  /** `AlipayJSBridge.startupParams` (the install option `startupParams`). */
  startupParams: Record<string, unknown>;
  /**
   * Whether the emulated host has `name` (profile, version, table), synchronously. Real hosts have no
   * such method; the library's `canIUse()` uses it when present, so fallbacks can be tested.
   */
  canIUse(name: string): boolean;
  /** Marks an emulated bridge (see `getEnvironment().emulated`). */
  readonly __superqiEmulator: true;
}
