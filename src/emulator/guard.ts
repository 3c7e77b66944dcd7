/** The emulator must never play host inside a real host: it refuses, and says why. */
import { isHostUserAgent } from '../core/environment.js';

/**
 * Why installing here would be wrong, or undefined when it is fine. `ours`: the bridge of the
 * emulator installed now (by any copy of the emulator on the page); any other bridge — even one
 * carrying the public emulator mark — is a host's. The user agent is classified as
 * `getEnvironment()` classifies it.
 */
export function refusalReason(ours?: unknown): string | undefined {
  if (typeof window === 'undefined') return 'there is no window here (Node/SSR): the emulator plays the host inside a page';
  const bridge = (window as unknown as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  if (bridge && bridge !== ours) {
    return 'a real AlipayJSBridge is present: this page runs inside a host app, so the emulator stays out';
  }
  const ua = window.navigator?.userAgent ?? '';
  if (isHostUserAgent(ua)) return `the user agent says this is a host app (${ua.slice(0, 120)}): the emulator stays out`;
  return undefined;
}

/** Thrown by `install()` when it refuses. */
export class EmulatorRefusedError extends Error {
  constructor(reason: string) {
    // Without a window there is nothing to force: do not suggest it.
    const hint = typeof window === 'undefined' ? ' Install it in a page, or in a test environment with a DOM (happy-dom, jsdom).' : ' Pass { force: true } to install anyway.';
    super(`superqi-bridge emulator refused to install: ${reason}.${hint}`);
    this.name = 'EmulatorRefusedError';
  }
}
