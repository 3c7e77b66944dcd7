/**
 * The API table: every JSAPI of `04-jsapi`, one row each, in the docs' order.
 * `TABLE` aggregates the rows for code that needs all of them (the shim, `canIUse`, the emulator,
 * the playground); wrappers import their own row by name so a bundler keeps only what is used.
 */
import * as essential from './essential.js';
import * as ui from './ui.js';
import * as media from './media.js';
import * as storage from './storage.js';
import * as file from './file.js';
import * as location from './location.js';
import * as network from './network.js';
import * as device from './device.js';
import * as framework from './framework.js';
import type { ApiRow } from './row.js';

/** Every API row, keyed by documented name. */
export const TABLE = {
  ...essential,
  ...ui,
  ...media,
  ...storage,
  ...file,
  ...location,
  ...network,
  ...device,
  ...framework,
};

/** The table's type. */
export type Table = typeof TABLE;
/** A documented JSAPI name. */
export type ApiName = keyof Table;
/** The documented parameters of an API (without callbacks). */
export type ApiParams<K extends ApiName> = Table[K] extends ApiRow<infer P, infer _R> ? P : never;
/** The typed success payload of an API. */
export type ApiResult<K extends ApiName> = Table[K] extends ApiRow<infer _P, infer R> ? R : never;

/** Every documented API name, in the docs' order. */
export const API_NAMES = /* @__PURE__ */ Object.keys(TABLE) as ApiName[];
