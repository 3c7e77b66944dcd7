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
  HostPayload,
  KnownErrorCode,
  PresetName,
  UseOptions,
} from '../emulator/types.js';
import type { KnownApiName } from '../table/index.js';

const current = (): Emulator => {
  const em = installed();
  if (!em) throw new Error('superqi-bridge/testing: no emulator installed — call setupEmulator() first (e.g. in beforeEach)');
  return em;
};

/** What `setupEmulator` takes: the emulator's options, and what to do about overrides no call used. */
export interface SetupOptions extends EmulatorOptions {
  /**
   * Overrides this test set (`answer`, `fail`, `hang`, `delay`, `handle`) that no call used by
   * `teardownEmulator()`: `'warn'` logs them, `'error'` makes the teardown throw, naming each (like
   * msw's `onUnhandledRequest`). A forgotten call, or the wrong API scripted, then fails loudly.
   * @default undefined (not checked)
   */
  onUnusedOverride?: 'warn' | 'error';
}

/** An override a helper set, until a call uses it. */
interface Tracked {
  readonly label: string;
  used: boolean;
}
let tracked: Tracked[] = [];
let unusedPolicy: SetupOptions['onUnusedOverride'];

/** `emulator.use` with the helper's description kept until a call uses the override. */
function track<K extends KnownApiName>(label: string, api: K, handler: Handler<K>, options: UseOptions | undefined): () => void {
  const entry: Tracked = { label, used: false };
  const remove = current().use(
    api,
    (ctx) => {
      entry.used = true;
      return handler(ctx);
    },
    options,
  );
  tracked.push(entry);
  return remove;
}

/**
 * Installs a fresh emulator for one test: `ui: 'auto'` (every dialog answered at once with its
 * documented default), in-memory storage, forced past the host guard (test runners may look like
 * anything). Options override these. Also resets the library's transport and configuration.
 */
export function setupEmulator(options: SetupOptions = {}): Emulator {
  resetTransport();
  resetConfig();
  const { onUnusedOverride, ...emulatorOptions } = options;
  tracked = [];
  unusedPolicy = onUnusedOverride;
  return install({ ui: 'auto', storage: memoryStorage(), force: true, ...emulatorOptions });
}

/**
 * Removes the emulator, the `window.my` shim if any, and resets the library. With
 * `setupEmulator({ onUnusedOverride })`, then reports the overrides no call used (and throws for `'error'`).
 */
export function teardownEmulator(): void {
  installed()?.uninstall();
  delete (globalThis as { my?: unknown }).my;
  resetTransport();
  resetConfig();
  const unused = tracked.filter((t) => !t.used).map((t) => t.label);
  const policy = unusedPolicy;
  tracked = [];
  unusedPolicy = undefined;
  if (!policy || unused.length === 0) return;
  const text = `superqi-bridge/testing: ${unused.length === 1 ? 'an override was' : `${unused.length} overrides were`} set but no call used ${unused.length === 1 ? 'it' : 'them'}: ${unused.join(', ')}`;
  if (policy === 'error') throw new Error(text);
  console.warn(text);
}

/** The installed emulator (throws when none is). */
export const emulator = (): Emulator => current();

/**
 * Answers `api` with `payload` (a success: that API's documented result), for every call or
 * `{ once: true }`. Returns the remover. An unknown API name throws at once.
 */
export function answer<K extends KnownApiName>(api: K, payload: HostPayload<K>, options?: UseOptions): () => void {
  return track(`answer('${api}')`, api, () => payload, options);
}

/**
 * Fails `api` with one of its documented codes (numeric → `error`, string → `errorCode`) and the
 * page's meaning (or `message`). A code the API's page does not list is a type error (add newer ones to
 * `Register['errorCodes']`).
 */
export function fail<K extends KnownApiName>(api: K, code: KnownErrorCode<K>, message?: string, options?: UseOptions): () => void {
  return track(`fail('${api}', ${JSON.stringify(code)})`, api, (ctx) => ctx.fail(code, message), options);
}

/** Makes `api` never answer (the library's timeout then fires). */
export function hang<K extends KnownApiName>(api: K, options?: UseOptions): () => void {
  return track(`hang('${api}')`, api, () => new Promise<never>(() => {}), options);
}

/** Delays `api`'s default answer by `ms`. */
export function delay<K extends KnownApiName>(api: K, ms: number, options?: UseOptions): () => void {
  return track(
    `delay('${api}', ${ms})`,
    api,
    async (ctx) => {
      await ctx.delay(ms);
      return ctx.next();
    },
    options,
  );
}

/** Scripts `api` with a handler, typed by the API (its parameters, its result, its codes). */
export function handle<K extends KnownApiName>(api: K, handler: Handler<K>, options?: UseOptions): () => void {
  return track(`handle('${api}')`, api, handler, options);
}

/** Applies a named preset ('user-cancels', 'offline', 'slow-network', 'payment-declined', 'payment-pending', 'permission-denied'). */
export const preset = (name: PresetName): void => current().preset(name);

/** Every logged call to `api` (documented name, or the name as called for unknown APIs). */
export const callsTo = (api: KnownApiName): CallRecord[] => current().calls.filter((c) => c.api === api);

/** The last logged call to `api`, if any. */
export const lastCall = (api: KnownApiName): CallRecord | undefined => callsTo(api).at(-1);

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
