/**
 * superqi-bridge/testing: helpers for miniapp unit tests (vitest or jest + happy-dom/jsdom).
 *
 * ```ts
 * import { setupEmulator, teardownEmulator, answer, fail, callsTo } from 'superqi-bridge/testing';
 * beforeEach(() => setupEmulator());
 * afterEach(() => teardownEmulator());
 * it('shows the receipt when payment succeeds', async () => {
 *   answer('tradePay', { resultCode: '9000' }, { once: true });
 *   await payButton.click();
 *   expect(callsTo('tradePay')).toHaveLength(1);
 * });
 * ```
 */
import { resetConfig } from '../core/config.js';
import { resetTransport } from '../core/transport.js';
import { memoryStorage } from '../emulator/engine.js';
import { install, installed } from '../emulator/install.js';
import type {
  CallRecord,
  Emulator,
  EmulatorOptions,
  Handler,
  HandlerContext,
  LooseAnswer,
  PresetName,
  UseOptions,
} from '../emulator/types.js';
import type { ApiName } from '../table/index.js';

const current = (): Emulator => {
  const em = installed();
  if (!em) throw new Error('superqi-bridge/testing: no emulator installed — call setupEmulator() first (e.g. in beforeEach)');
  return em;
};

/**
 * Installs a fresh emulator for one test: `ui: 'auto'` (every dialog answered at once with its
 * documented default), in-memory storage, forced past the host guard (test runners may look like
 * anything). Options override these. Also resets the library's transport and configuration.
 */
export function setupEmulator(options: EmulatorOptions = {}): Emulator {
  resetTransport();
  resetConfig();
  return install({ ui: 'auto', storage: memoryStorage(), force: true, ...options });
}

/** Removes the emulator, the `window.my` shim if any, and resets the library. */
export function teardownEmulator(): void {
  installed()?.uninstall();
  delete (globalThis as { my?: unknown }).my;
  resetTransport();
  resetConfig();
}

/** The installed emulator (throws when none is). */
export const emulator = (): Emulator => current();

/** Answers `api` with `payload` (a success), for every call or `{ once: true }`. Returns the remover. */
export function answer<K extends ApiName>(api: K | (string & {}), payload: LooseAnswer, options?: UseOptions): () => void {
  return current().use(api as string, () => payload, options);
}

/** Fails `api` with a documented `code` (numeric → `error`, string → `errorCode`) and the page's meaning. */
export function fail(api: ApiName | (string & {}), code: number | string, message?: string, options?: UseOptions): () => void {
  return current().use(api as string, (ctx: HandlerContext) => ctx.fail(code, message), options);
}

/** Makes `api` never answer (the library's timeout then fires). */
export function hang(api: ApiName | (string & {}), options?: UseOptions): () => void {
  return current().use(api as string, () => new Promise<LooseAnswer>(() => {}), options);
}

/** Delays `api`'s default answer by `ms`. */
export function delay(api: ApiName | (string & {}), ms: number, options?: UseOptions): () => void {
  return current().use(
    api as string,
    async (ctx: HandlerContext) => {
      await ctx.delay(ms);
      return ctx.next();
    },
    options,
  );
}

/** Scripts `api` with a handler (typed for table APIs). */
export function handle<K extends ApiName>(api: K, handler: Handler<K>, options?: UseOptions): () => void {
  return current().use(api, handler, options);
}

/** Applies a named preset ('user-cancels', 'offline', 'slow-network', 'payment-declined', 'payment-pending', 'permission-denied'). */
export const preset = (name: PresetName): void => current().preset(name);

/** Every logged call to `api` (documented name, or the name as called for unknown APIs). */
export const callsTo = (api: ApiName | (string & {})): CallRecord[] => current().calls.filter((c) => c.api === api);

/** The last logged call to `api`, if any. */
export const lastCall = (api: ApiName | (string & {})): CallRecord | undefined => callsTo(api).at(-1);

/** Waits until every call made so far has been answered (or `timeoutMs` passes). */
export async function settled(timeoutMs = 1000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (current().calls.some((c) => c.answeredAt === undefined) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 1));
  }
  await new Promise((r) => setTimeout(r, 0));
}

/** Leak checks: calls waiting for an answer with a timeout, and whether the shared deadline timer is armed. */
export { deadlineStats } from '../core/deadline.js';
/** Leak checks: calls queued until the host bridge appears. */
export { waitingForHost } from '../core/ready.js';

export type { CallRecord, Emulator, EmulatorOptions, Handler, HandlerContext, PresetName, UseOptions };
