/**
 * Where the script tag's two files meet on `globalThis` (registry symbols, so no page name is taken):
 * the emulator leaves the modules it shares under SHARED before it adds the extras script, and the
 * extras script leaves what it exports under EXTRAS. rollup.config.mjs (share-with-emulator) reads
 * SHARED by the same key.
 */
export const SHARED_SLOT: unique symbol = Symbol.for('superqi-bridge.emulator.shared');
export const EXTRAS_SLOT: unique symbol = Symbol.for('superqi-bridge.emulator.extras');
/** The extras script's file name, next to superqi-emulator.iife.js. */
export const EXTRAS_FILE = 'superqi-emulator-extras.iife.js';
