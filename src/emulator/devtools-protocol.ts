/**
 * The devtools protocol: what the devtools page (the device, the panels) and the emulator in the
 * framed miniapp say to each other over `postMessage`. Types only (nothing here reaches the bundle);
 * both sides check the other's window and origin on every message and post with an exact origin.
 *
 * The devtools asks, the emulator answers: every message from the devtools is a `DevtoolsRequest`
 * (`cmd` one of `DevtoolsCommands`), every message back a `DevtoolsReply` carrying its `id`.
 */
import type { HostEventName } from '../core/events.js';
import type { StoredFile } from './files.js';
import type { CallRecord, HostProfile, LooseAnswer, PresetName } from './types.js';
import type { TitleBarState } from './ui/contract.js';

/** The window name the devtools gives the miniapp's iframe: the emulator shows its dialogs full-screen there. */
export const DEVTOOLS_FRAME_NAME = 'superqi-devtools';

/** Marks the protocol's messages. */
export const DEVTOOLS_TAG = DEVTOOLS_FRAME_NAME;

/**
 * A per-API outcome as data (the devtools page cannot send a function): a fixed answer (the user's
 * cancel, a documented error), the API's default answer with every question answered at once (`auto`),
 * the default answer after `ms`, or no answer at all.
 */
export type OutcomeData =
  | { readonly kind: 'answer'; readonly answer: LooseAnswer }
  | { readonly kind: 'auto' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'never' };

/** What the devtools polls for. */
export interface DevtoolsQuery {
  /** Calls with an id from this one on. */
  readonly since: number;
  /** Include the miniapp's storage (backend keys and raw values). */
  readonly storage?: boolean;
  /** Include the saved files. */
  readonly files?: boolean;
  /** Include console and network entries added or changed from this revision on. */
  readonly log?: number;
}

/** A console level. */
export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** One console message, uncaught error or unhandled rejection of the app (text only, capped). */
export interface ConsoleEntry {
  readonly kind: 'console';
  /** Numbered in order of arrival. */
  readonly id: number;
  /** Bumped when the entry changes (the devtools asks from a revision on). */
  rev: number;
  /** The console method (uncaught errors and rejections: `error`). */
  readonly level: ConsoleLevel;
  /** The arguments as text, joined by spaces. */
  readonly text: string;
  /** `url:line` it came from, when known. */
  readonly source: string | undefined;
  /** `Date.now()` when it was logged. */
  readonly at: number;
}

/** One request of the app: its own `fetch`/XHR, or the one the emulator makes for `my.request` and the other network APIs. */
export interface NetworkEntry {
  readonly kind: 'network';
  /** Numbered in order of sending (with the console's). */
  readonly id: number;
  /** Bumped at every change (headers came, body read, failed). */
  rev: number;
  /** Who made it: `fetch`, `xhr`, or the JSAPI the emulator answered with it (`request`, `downloadFile`…). */
  via: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  /** `pending` until the response body is read (or the request failed). */
  state: 'pending' | 'done' | 'failed';
  /** The HTTP status, once headers came. */
  status?: number;
  /** Why it failed (network error, timeout, aborted). */
  error?: string;
  /** `Date.now()` when sent. */
  readonly at: number;
  /** Milliseconds until done or failed. */
  duration?: number;
  /** The headers the app set (the browser's own are not seen). */
  readonly requestHeaders: readonly (readonly [string, string])[];
  /** The body as text (capped), or a description of a binary one. */
  readonly requestBody: string | undefined;
  /** The response headers the page may read. */
  responseHeaders?: readonly (readonly [string, string])[];
  /** The response body as text (capped), or a description of a binary one. */
  responseBody?: string;
  /** Response size in bytes. */
  size?: number;
}

/** A Console or Network entry. */
export type LogEntry = ConsoleEntry | NetworkEntry;

/** The emulator's state the devtools shows (the first answer is the devtools' hello). */
export interface DevtoolsSnapshot {
  readonly appId: string;
  readonly profile: HostProfile;
  /** The title bar as `setNavigationBar` left it (undefined: never called, the app's name shows). */
  readonly bar: TitleBarState | undefined;
  /** Calls from `since` on (records as the log keeps them). */
  readonly calls: readonly CallRecord[];
  /** Ids of the devtools' overrides still in force (a `once` one goes when it answers). */
  readonly active: readonly number[];
  /** `[backend key, raw value]` of the miniapp's storage, when asked. */
  readonly storage?: readonly (readonly [string, string])[];
  /** The saved files, when asked. */
  readonly files?: readonly StoredFile[];
  /** Console and network entries from the asked revision on, when asked. */
  readonly log?: readonly LogEntry[];
}

/** The `Emulator` methods the devtools may call, as they are (arguments in an array). */
export const DEVTOOLS_METHODS = ['preset', 'reset', 'setLatency', 'setProfile', 'emit', 'clearCalls'] as const;

/** Each command: its arguments and its answer. */
export interface DevtoolsCommands {
  get: [arg: DevtoolsQuery, answer: DevtoolsSnapshot];
  preset: [arg: [name: PresetName], answer: void];
  reset: [arg: [], answer: void];
  setLatency: [arg: [ms: number], answer: void];
  setProfile: [arg: [changes: Partial<HostProfile>], answer: void];
  /** Dispatches a host event; answers false when the page called preventDefault(). */
  emit: [arg: [name: HostEventName, data?: unknown], answer: boolean];
  clearCalls: [arg: [], answer: void];
  use: [arg: { readonly id: number; readonly api: string; readonly outcome: OutcomeData; readonly once: boolean }, answer: void];
  unuse: [arg: number, answer: void];
  /** Sets (`value` a string) or removes (`null`) one backend key of the miniapp's storage (other keys: ignored). */
  storage: [arg: { readonly key: string; readonly value: string | null }, answer: void];
  /** Removes a saved file. */
  unsave: [arg: string, answer: boolean];
  /** The scenario is replayed (after a hello): calls the app made before it go on. */
  ready: [arg: null, answer: void];
  /** Forgets the console or network entries kept for the panels, up to the id the panel has seen (later ones are still to come). */
  clearLog: [arg: { readonly kind: LogEntry['kind']; readonly upTo: number }, answer: void];
}

/** A command name. */
export type DevtoolsCommand = keyof DevtoolsCommands;

/** A message from the devtools. */
export interface DevtoolsRequest<C extends DevtoolsCommand = DevtoolsCommand> {
  readonly tag: typeof DEVTOOLS_TAG;
  readonly id: number;
  readonly cmd: C;
  readonly arg: DevtoolsCommands[C][0];
}

/** A message from the emulator: the answer to request `re`, or why it failed. */
export type DevtoolsReply =
  | { readonly tag: typeof DEVTOOLS_TAG; readonly re: number; readonly value: unknown; readonly error?: undefined }
  | { readonly tag: typeof DEVTOOLS_TAG; readonly re: number; readonly error: string };
