/**
 * superqi-bridge: typed, Promise-first wrappers for every Super Qi JSAPI.
 * This file only re-exports, by name; importing it touches no global and starts nothing.
 */
export * from './wrappers.js';
export * from './exports.js';
export { TABLE } from './table/exported.js';
export { API_NAMES } from './table/index.js';
