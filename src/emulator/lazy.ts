/**
 * Loads the emulator's rarely used part (extras.ts) on first use, once: a chunk of the page's bundle
 * (ESM) or superqi-emulator-extras.iife.js (script tag). A failed load is tried again on the next use.
 */
import type { ApiName } from '../table/index.js';
import { fetchExtras } from './extras-fetch.js';
import type { DefaultHandlers, Handler } from './types.js';

/** The lazily loaded part's exports. */
export type Part = typeof import('./extras.js');
let part: Part | undefined;
let loading: Promise<Part> | undefined;

/** Loads the part (once; again after a failure). */
export const loadExtras = (): Promise<Part> =>
  (loading ??= fetchExtras().then(
    (x) => (part = x),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  ));

/** Runs `use` on the part: synchronously once it is loaded (so what it opens stays the call's), else after loading it. */
export const withExtras = <T>(use: (x: Part) => T): T | Promise<Awaited<T>> => (part ? use(part) : (loadExtras().then(use) as Promise<Awaited<T>>));

/** Default handlers that load the part on their first call; a failed load answers 3 and says what failed. */
export function lazyHandlers<A extends ApiName>(apis: Record<A, 1>): Pick<DefaultHandlers, A> {
  const out: Record<string, Handler> = {};
  for (const api of Object.keys(apis)) {
    const run = (x: Part, ctx: Parameters<Handler>[0]) => (x.handlers as unknown as Record<string, Handler>)[api]!(ctx);
    out[api] = (ctx) =>
      part ? run(part, ctx) : loadExtras().then((x) => run(x, ctx), (e: unknown) => ctx.fail(3, `the emulator could not load its ${api}: ${(e as Error)?.message ?? e}`));
  }
  return out as unknown as Pick<DefaultHandlers, A>;
}
