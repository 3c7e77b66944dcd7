/**
 * Entry of `dist/superqi-bridge.iife.js`: installs the `window.my` shim on load, so one script tag
 * replaces the closed CDN SDK, and defines the global `SuperQi` — the package but its ESM-only members
 * (src/index.ts: the API table's data, the scope lists, the amount helpers). That keeps the
 * documentation, error wording included, out of the script tag; errors carry the host's own text (or
 * a generic one).
 */
import * as library from './exports.js';
import { installShim } from './shim.js';
import { WRAPPERS as wrappers } from './wrapper-set.js';

/** Marks the `SuperQi` this script defines, so a second copy of the script joins the first. */
const LOADED = /* @__PURE__ */ Symbol.for('superqi-bridge.SuperQi');

const page = globalThis as { SuperQi?: Record<symbol, unknown> };
// Built from the wrapper set and the library's namespace, so the wrappers are listed once (the shim's `my` uses the same set).
// Loaded twice, the page keeps one library: the first copy's `SuperQi`, whose `configure()` drives its `my`.
// The script sets the global itself (no module exports): bundlers then add no export plumbing.
if (!page.SuperQi?.[LOADED]) {
  installShim();
  page.SuperQi = Object.defineProperty({ ...wrappers, ...library }, LOADED, { value: true });
}
