/**
 * Entry of `dist/superqi-bridge.iife.js`: installs the `window.my` shim on load, so one script tag
 * replaces the closed CDN SDK, and defines the global `SuperQi` — the package but its ESM-only members
 * (src/index.ts: the API table's data, the scope lists, the amount helpers). That keeps the
 * documentation, error wording included, out of the script tag; errors carry the host's own text (or
 * a generic one).
 */
import * as library from './exports.js';
import { installShim } from './shim.js';
import * as wrappers from './wrappers.js';

installShim();

// Built from the module namespaces, so the wrappers are listed once (the shim's `my` uses the same list).
export default { ...wrappers, ...library };
