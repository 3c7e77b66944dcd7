/**
 * Every wrapper by name, as one object: the shim's `my` and the script tag's `SuperQi` spread it. The
 * script-tag build puts wrapper-set-script-tag.ts in its place (rollup.config.mjs), which makes the
 * same wrappers from the table's rows, keyed by name, so that build writes each name once.
 */
import * as wrappers from './wrappers.js';

/** The wrappers module's namespace (no prototype: `'toString' in WRAPPERS` is false). */
export const WRAPPERS: typeof wrappers = wrappers;
