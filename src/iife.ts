/**
 * Entry of `dist/superqi-bridge.iife.js` (global `SuperQi`): installs the `window.my` shim on load,
 * so one script tag replaces the closed CDN SDK.
 */
import { installShim } from './shim.js';

export * from './index.js';

installShim();
