/** What the HTTP surfaces (Open APIs, wallet API, admin API, page) share while the sandbox runs. */
import type { AllowedHosts } from '../node/hosts.js';
import type { AllowOrigins } from '../node/origins.js';
import type { Credentials } from './credentials.js';
import type { Ctx, Limits } from './handlers/context.js';
import { sweep } from './handlers/lifecycle.js';
import type { Notifier } from './notify.js';
import type { ForcedOutcome } from './protocol.js';
import type { Store, Tx } from './store.js';
import { COMMON_CODES } from './table/codes.js';
import { OPEN_APIS, type OpenApiName } from './table/index.js';

export interface Runtime {
  store: Store;
  credentials: Credentials;
  limits: Limits;
  clock: () => number;
  notifier: Notifier;
  /** The gateway URL (known once listening). */
  url: string;
  /** How long a forced `slow` waits (ms). */
  slowMs: number;
  /** Largest request body accepted (bytes). */
  maxBodyBytes: number;
  /** Scripted answers: the next call of the API answers the code (see `FailNextRequest`). In memory only. */
  failNext: Map<string, string>;
  warn: (message: string) => void;
  /** Host names answered besides loopback names and IP literals (`SandboxOptions.allowedHosts`). */
  allowedHosts: AllowedHosts;
  /** Page origins the wallet API answers besides loopback pages (`SandboxOptions.allowOrigins`). */
  allowOrigins: AllowOrigins;
}

/**
 * Runs `fn` as one transaction with due work (expiry, settling) done first, then waits until the
 * change is committed and wakes the notifier. `clientId` is the caller (the Open APIs' Client-Id).
 */
export async function run<R>(rt: Runtime, clientId: string, fn: (ctx: Ctx) => R): Promise<R> {
  const result = rt.store.transact((tx: Tx) => {
    const ctx: Ctx = { tx, clientId, now: rt.clock(), url: rt.url, limits: rt.limits };
    if (rt.store.nextDue() <= ctx.now) {
      sweep(ctx);
      rt.store.forgetDue();
    }
    return fn(ctx);
  });
  await rt.store.flush();
  rt.notifier.kick();
  return result;
}

/**
 * Scripts the next call of Open API `api` to answer `resultCode` (`null` clears it). Returns an error
 * text when `api` is no Open API or the code is neither one its page documents nor a common one
 * (`99-common-error-codes`).
 */
export function setFailNext(rt: Runtime, api: unknown, resultCode: unknown): string | undefined {
  if (typeof api !== 'string' || !Object.prototype.hasOwnProperty.call(OPEN_APIS, api)) return `api must be one of ${Object.keys(OPEN_APIS).join(', ')}`;
  if (resultCode === null) {
    rt.failNext.delete(api);
    return undefined;
  }
  const codes: readonly string[] = [...new Set([...OPEN_APIS[api as OpenApiName].codes, ...COMMON_CODES])];
  if (typeof resultCode !== 'string' || !codes.includes(resultCode)) return `resultCode must be null or one of ${api}'s documented codes: ${codes.join(', ')}`;
  rt.failNext.set(api, resultCode);
  return undefined;
}

/** Takes a forced `slow` (if it is the one forced) and waits `slowMs`. */
export async function maybeSlow(rt: Runtime): Promise<void> {
  if (rt.store.get('forced', 'next') !== ('slow' satisfies ForcedOutcome)) return;
  rt.store.transact((tx) => tx.put('forced', 'next', undefined));
  await new Promise((r) => setTimeout(r, rt.slowMs));
}
