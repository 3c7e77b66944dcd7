/**
 * Entry of `dist/superqi-emulator-extras.iife.js`: the script-tag emulator's lazily loaded part
 * (src/emulator/extras.ts). superqi-emulator.iife.js adds it on first use; it is no script to add
 * by hand. Its shared modules come from the emulator's script (rollup.config.mjs: `shareWithEmulator`).
 */
import * as extras from './emulator/extras.js';
import { EXTRAS_SLOT } from './emulator/extras-slots.js';

(globalThis as unknown as Record<symbol, unknown>)[EXTRAS_SLOT] = extras;
