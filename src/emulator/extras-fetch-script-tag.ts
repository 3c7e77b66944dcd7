/**
 * The script tag's way to the emulator's lazily loaded part (rollup.config.mjs swaps it in for
 * extras-fetch.ts): a second script, superqi-emulator-extras.iife.js, from the folder the emulator's
 * own script came from (its URL and CSP nonce are taken while it runs). The extras script reads the
 * stateful modules it shares with this one (the file store) off SHARED_SLOT, so both see the same files.
 *
 * Under a CSP with `require-trusted-types-for 'script'` a script URL must be a TrustedScriptURL: the
 * URL goes through a Trusted Types policy named `superqi-bridge` (TRUSTED_TYPES_POLICY), which the
 * page lists in its `trusted-types` directive. The policy passes that one URL and nothing else.
 */
import type * as Extras from './extras.js';
import { EXTRAS_FILE, EXTRAS_SLOT, SHARED_SLOT } from './extras-slots.js';
import * as files from './files.js';

/** The Trusted Types policy the extras script is loaded through: `trusted-types superqi-bridge` in a page's CSP. */
export const TRUSTED_TYPES_POLICY = 'superqi-bridge';

const self = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const base = self?.src;
const nonce = self?.nonce;

/** The part of the Trusted Types API used here (not in TypeScript's DOM types). */
interface TrustedTypes {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

/** The policy once made (per copy of this script); `null` when the page's CSP refused it. */
let policy: ReturnType<TrustedTypes['createPolicy']> | null | undefined;

/** `url` as a script's `src` takes it: a TrustedScriptURL from this script's policy where the page has Trusted Types. */
function scriptUrl(url: string): unknown {
  const tt = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
  if (!tt) return url;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL: (u) => {
          if (u !== url) throw new TypeError(`the ${TRUSTED_TYPES_POLICY} policy only loads ${url}`);
          return u;
        },
      });
    } catch {
      policy = null; // not allowed by the page's `trusted-types` directive (or taken): the plain URL may still do
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}

export function fetchExtras(): Promise<typeof Extras> {
  return new Promise((resolve, reject) => {
    if (!base) throw new Error(`${EXTRAS_FILE} has no known folder: superqi-emulator.iife.js did not run from a <script src>`);
    const g = globalThis as unknown as Record<symbol, unknown>;
    g[SHARED_SLOT] = { files };
    const s = document.createElement('script');
    const url = new URL(EXTRAS_FILE, base).href;
    try {
      (s as { src: unknown }).src = scriptUrl(url);
    } catch {
      throw new Error(
        `${url} cannot load under this page's Trusted Types policy: allow the "${TRUSTED_TYPES_POLICY}" policy in the page's ` +
          `Content-Security-Policy (trusted-types ${TRUSTED_TYPES_POLICY}), or import the emulator as a module (superqi-bridge/emulator)`,
      );
    }
    if (nonce) s.nonce = nonce;
    s.onload = () => {
      s.remove();
      const x = g[EXTRAS_SLOT] as typeof Extras | undefined;
      if (x) resolve(x);
      else reject(new Error(`${url} ran but left nothing`));
    };
    s.onerror = () => {
      s.remove();
      reject(new Error(`${url} did not load`));
    };
    (document.head ?? document.documentElement).append(s);
  });
}
