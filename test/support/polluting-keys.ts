/**
 * Names a page's old polyfills may add to `Object.prototype` (issue 19, item 8), for the
 * polluted-prototype tests in Node and Chromium: the ones tried in the issue, every API name, every
 * field of a row, a spec, a call, an answer, the settings and the emulator's options and profile, the
 * DOM option names the library passes, and every documented parameter name.
 */
import { DEFAULT_PROFILE } from '../../src/emulator/defaults.js';
import { API_NAMES, TABLE } from '../../src/table/index.js';

/** Tried in the issue: each broke every call with a synchronous TypeError. */
export const ISSUE_KEYS = ['success', 'error', 'timeout', 'signal', 'force', 'done', 'at', 'waiting', 'viaFail'] as const;

/** Fields of the library's and the emulator's objects that are read by name. */
export const FIELD_KEYS = [
  // a row, a spec (src/table/row.ts, src/core/spec.ts, src/core/validate.ts)
  'params', 'surface', 'native', 'results', 'ui', 'cancel', 'hostTimeout', 'errors', 'defaults', 'limits', 'alias', 'since',
  'group', 'doc', 'h5', 'codes', 'required', 'api', 'finish', 'task',
  // a call in flight (src/core/invoke.ts), its callbacks and options
  'resolve', 'reject', 'promise', 'listenedTo', 'host', 'spec', 'fail', 'complete',
  // a host's answer
  'errorCode', 'errorMessage', 'errMessage', 'message', 'resultCode', 'status', 'authCode', 'data', 'ok',
  // settings, natives
  'environment', 'natives', 'readyTimeout', 'timeoutGrace', 'name',
  // the emulator's options, its bridge mark
  'appId', 'profile', 'fixtures', 'latency', 'logLimit', 'storage', 'presets', 'startupParams', 'onUnknownApi', 'sandbox',
  'sandboxUser', 'devtools', 'container', 'once', '__superqiEmulator',
  // DOM options the library and the emulator pass (addEventListener, fetch)
  'capture', 'passive', 'headers', 'relative',
] as const;

/** The emulator profile's fields (and its device's). */
export const PROFILE_KEYS: readonly string[] = [...Object.keys(DEFAULT_PROFILE), ...Object.keys(DEFAULT_PROFILE.device)];

/** Every documented parameter name of the table. */
export const PARAM_KEYS: readonly string[] = [
  ...new Set(Object.values(TABLE).flatMap((row) => Object.keys(row.params as object))),
];

/** Every polluting key, once. */
export const POLLUTING_KEYS: readonly string[] = [...new Set<string>([...ISSUE_KEYS, ...API_NAMES, ...FIELD_KEYS, ...PROFILE_KEYS, ...PARAM_KEYS])];
