/**
 * superqi-bridge/emulator: plays the Super Qi host in a desktop browser or happy-dom. It installs a fake
 * `AlipayJSBridge` and nothing else; the page, the shim and the wrappers run unchanged on top of it.
 */
export { install, uninstall, installed } from './install.js';
export { EmulatorRefusedError } from './guard.js';
export { PRESETS, CANCEL_ANSWERS } from './presets.js';
export { DEFAULT_PROFILE, DEFAULT_FIXTURES } from './defaults.js';
export { memoryStorage } from './engine.js';
export { navigationsOf, type NavigationRecord } from './handlers/essential.js';
export { filesOf, type FileStore } from './files.js';
export type * from './types.js';
export type { EmulatorUi, EmulatorContact, EmulatorPlace, CashierChoice, SigningChoice, TitleBarState } from './ui/contract.js';
