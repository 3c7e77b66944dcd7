/**
 * Entry of `dist/superqi-emulator.iife.js` (global `SuperQiEmulator`). Outside a host it installs
 * itself on load, with `window.SuperQiEmulatorConfig` (set before the script) as its options; set it to
 * `false` to load without installing. Load it before `superqi-bridge.iife.js` and the two replace the
 * closed CDN SDK with no other change to the page. Inside a real host it refuses and says why.
 */
import { install, installed } from './emulator/install.js';
import type { EmulatorOptions } from './emulator/types.js';

export * from './emulator/index.js';

const config = (globalThis as { SuperQiEmulatorConfig?: EmulatorOptions | false }).SuperQiEmulatorConfig;
// A second copy of this script joins the first: the emulator installed stays, with its frame.
if (config !== false && typeof window !== 'undefined' && !installed()) {
  try {
    install(config ?? {});
  } catch (e) {
    console.warn((e as Error).message);
  }
}
