/**
 * `names.ts` as the script-tag build (dist/superqi-bridge.iife.js) has it: that build carries every
 * wrapper, so the API names are read off the wrappers' module rather than shipped a second time as a
 * list (~230 B min+gz). rollup.config.mjs puts this module in place of `names.ts` for that build
 * only; test/browser/script-tags.test.ts checks the built `canIUse` knows exactly the table's names.
 */
import { WRAPPERS as wrappers } from '../wrapper-set.js';

/** Every API name of the table: the wrappers' names and `canIUse`, which has none. */
export const NAMES: readonly string[] = [...Object.keys(wrappers), 'canIUse'];
