/**
 * The emulator as the library's own code drives it, with API names and codes known only at run time
 * (the devtools' messages, the presets' loops over the table, the sandbox wallet's answers). The
 * public `use()` and `ctx.fail()` take the typed names and codes; this is the same function, seen loose.
 * Internal: not exported from any entry point.
 */
import type { Emulator, HandlerContext, HostFailure, LooseAnswer, UseOptions } from './types.js';

/** A handler context whose `fail` takes any code. */
export type LooseContext = Omit<HandlerContext, 'fail'> & { fail(code: number | string, message?: string): HostFailure };

/** A handler for a name known at run time. */
export type LooseHandler = (ctx: LooseContext) => LooseAnswer | Promise<LooseAnswer>;

/** `emulator.use` for a name known at run time (still checked by the engine: an unknown name throws). */
export const useLoose = (emulator: Emulator, api: string, handler: LooseHandler, options?: UseOptions): (() => void) =>
  (emulator.use as unknown as (api: string, handler: LooseHandler, options?: UseOptions) => () => void)(api, handler, options);

/** `ctx.fail` with a code known at run time (a wallet's answer, a row's cancel code). */
export const failLoose = (ctx: { fail(code: never, message?: string): HostFailure }, code: number | string, message?: string): HostFailure =>
  (ctx as LooseContext).fail(code, message);
