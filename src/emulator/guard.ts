/** The emulator must never play host inside a real host: it refuses, and says why. */
import { EMULATOR_MARK } from '../core/environment.js';

const HOST_UA = /\b(?:SuperQi|QiCard|QiServices)\b|AlipayClient|AliApp\(|Griver/i;

/** Why installing here would be wrong, or undefined when it is fine. */
export function refusalReason(): string | undefined {
  if (typeof window === 'undefined') return 'there is no window here (Node/SSR): the emulator plays the host inside a page';
  const bridge = (window as unknown as { AlipayJSBridge?: Record<string, unknown> }).AlipayJSBridge;
  if (bridge && !bridge[EMULATOR_MARK]) {
    return 'a real AlipayJSBridge is present: this page runs inside a host app, so the emulator stays out';
  }
  const ua = window.navigator?.userAgent ?? '';
  if (HOST_UA.test(ua)) return `the user agent says this is a host app (${ua.slice(0, 120)}): the emulator stays out`;
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
