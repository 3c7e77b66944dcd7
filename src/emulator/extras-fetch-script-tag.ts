/**
 * The script tag's way to the emulator's lazily loaded part (rollup.config.mjs swaps it in for
 * extras-fetch.ts): a second script, superqi-emulator-extras.iife.js, from the folder the emulator's
 * own script came from (its URL and CSP nonce are taken while it runs). The extras script reads the
 * stateful modules it shares with this one (the file store) off SHARED_SLOT, so both see the same files.
 */
import type * as Extras from './extras.js';
import { EXTRAS_FILE, EXTRAS_SLOT, SHARED_SLOT } from './extras-slots.js';
import * as files from './files.js';

const self = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const base = self?.src;
const nonce = self?.nonce;

export function fetchExtras(): Promise<typeof Extras> {
  return new Promise((resolve, reject) => {
    if (!base) throw new Error(`${EXTRAS_FILE} has no known folder: superqi-emulator.iife.js did not run from a <script src>`);
    const g = globalThis as unknown as Record<symbol, unknown>;
    g[SHARED_SLOT] = { files };
    const s = document.createElement('script');
    s.src = new URL(EXTRAS_FILE, base).href;
    if (nonce) s.nonce = nonce;
    s.onload = () => {
      s.remove();
      const x = g[EXTRAS_SLOT] as typeof Extras | undefined;
      if (x) resolve(x);
      else reject(new Error(`${s.src} ran but left nothing`));
    };
    s.onerror = () => {
      s.remove();
      reject(new Error(`${s.src} did not load`));
    };
    (document.head ?? document.documentElement).append(s);
  });
}
