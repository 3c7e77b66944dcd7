/**
 * The emulated host: a fake `AlipayJSBridge` whose every call runs through the override list (first
 * match wins), then the API's default handler, then the unknown-API policy — and is always answered,
 * asynchronously, like a real host.
 */
import { EMULATOR_MARK } from '../core/environment.js';
import type { HostEventName } from '../core/events.js';
import { embeddedCallback } from '../core/embedded.js';
import { isFailure } from '../core/normalise.js';
import { bare, own, ownValue } from '../core/own.js';
import { HOST_TABLE as TABLE } from '../table/index.js';
import type { HostRow } from '../table/row.js';
import { isAvailable, unavailableReason } from './availability.js';
import { DEFAULT_FIXTURES, DEFAULT_PROFILE } from './defaults.js';
import { DEFAULT_HANDLERS } from './handlers/index.js';
import { documentedParams, nativeResult, resolveApi, unknownOverrideName } from './names.js';
import { applyPreset } from './presets.js';
import { checkSandboxOptions, linkSandbox } from './sandbox.js';
import { throughJson } from './serialise.js';
import type {
  CallRecord,
  Emulator,
  EmulatorOptions,
  FakeBridge,
  Handler,
  HandlerContext,
  HostFailure,
  HostProfile,
  LooseAnswer,
  PresetName,
  StorageBackend,
  UseOptions,
} from './types.js';
import type { EmulatorUi } from './ui/contract.js';

interface Override {
  api: string;
  handler: Handler;
  once: boolean;
}

const rows = TABLE as unknown as Record<string, HostRow>;

/** `ui` as one call's handler sees it: what its methods open belongs to `owner` (see `EmulatorUi.own`). */
const uiOf = (ui: EmulatorUi, owner: object): EmulatorUi =>
  ui.own
    ? new Proxy(ui, {
        get(target, key) {
          const v = Reflect.get(target, key) as unknown;
          return typeof v === 'function' ? (...args: unknown[]) => target.own!(owner, () => (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
        },
      })
    : ui;

/** A Web Storage stand-in for pages without localStorage (Node, sandboxed iframes). */
export function memoryStorage(): StorageBackend {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const defaultStorage = (): StorageBackend => {
  try {
    const s = globalThis.localStorage;
    if (s) return s;
  } catch {
    // access denied (sandboxed iframe, privacy mode)
  }
  return memoryStorage();
};

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The caller's options, own keys only, without a prototype (also `profile`): an option a page put on
 * Object.prototype (`latency`, `onUnknownApi`, `force`…) is not the caller's.
 */
export const ownOptions = (options: EmulatorOptions | undefined): EmulatorOptions => {
  const o = bare({ ...options });
  if (o.profile) o.profile = bare({ ...o.profile });
  return o;
};

/** Builds the emulator (not yet installed on `window`). */
export function createEmulator(given: EmulatorOptions, ui: EmulatorUi, onUninstall: () => void): Emulator {
  const options = ownOptions(given);
  checkSandboxOptions(options);
  const overrides: Override[] = [];
  const calls: CallRecord[] = [];
  const logLimit = options.logLimit ?? 1000;
  let seq = 0;
  let latency = options.latency ?? 0;
  // calls wait for this first (the devtools' scenario replayed after a load: devtools-link.ts)
  let gate: Promise<unknown> | undefined;
  // A sandbox user's role replaces the profile's, also after reset().
  let sandboxRole: Pick<HostProfile, 'role'> | undefined;
  const baseProfile = (): HostProfile => ({ ...DEFAULT_PROFILE, ...options.profile, ...sandboxRole, device: { ...DEFAULT_PROFILE.device, ...options.profile?.device } });
  let profile = baseProfile();
  const fixtures = { ...DEFAULT_FIXTURES, ...options.fixtures };

  const fail = (api: string, code: number | string, message?: string): HostFailure => {
    const text = message ?? ownValue<string>(ownValue<HostRow>(rows, api)?.errors, code) ?? `${api} failed`;
    return typeof code === 'string' ? { errorCode: code, errorMessage: text } : { error: code, errorMessage: text };
  };

  const unknownAnswer = async (name: string, params: Record<string, unknown>): Promise<LooseAnswer> => {
    const policy = options.onUnknownApi ?? 'warn';
    if (typeof policy === 'function') return policy(name, params);
    const text = `${name} is not supported`;
    const hint = `[superqi-bridge emulator] ${text}: the emulator has no answer for it. Script one with emulator.use('${name}', handler).`;
    (policy === 'error' ? console.error : console.warn)(hint);
    return { error: 1, errorMessage: text };
  };

  const run = (api: string, name: string, params: Record<string, unknown>, signal: AbortSignal, from: number, ui: EmulatorUi): Promise<LooseAnswer> => {
    for (let i = from; i < overrides.length; i++) {
      const o = overrides[i]!;
      if (o.api !== api && o.api !== name) continue;
      if (o.once) overrides.splice(i--, 1);
      const index = i + 1;
      return Promise.resolve(o.handler(context(api, name, params, signal, ui, () => run(api, name, params, signal, index, ui))));
    }
    // Own handlers only: 'constructor', 'toString'… are no APIs.
    const fallback = own(DEFAULT_HANDLERS, api) ? (DEFAULT_HANDLERS as unknown as Record<string, Handler>)[api] : undefined;
    return fallback
      ? Promise.resolve(fallback(context(api, name, params, signal, ui, () => Promise.resolve(fail(api, 3, 'no default answer')))))
      : unknownAnswer(name, params);
  };

  const context = (
    api: string,
    name: string,
    params: Record<string, unknown>,
    signal: AbortSignal,
    ui: EmulatorUi,
    next: () => Promise<LooseAnswer>,
  ): HandlerContext =>
    ({
      api,
      name,
      params,
      signal,
      profile,
      fixtures,
      ui,
      emulator,
      next,
      fail: (code: number | string, message?: string) => fail(api, code, message),
      delay,
    }) as unknown as HandlerContext;

  const dispatch = async (name: string, raw: unknown, signal: AbortSignal, owner: object): Promise<{ api: string; params: Record<string, unknown>; answer: LooseAnswer }> => {
    const documented = resolveApi(name);
    const api: string = documented ?? name;
    let params: Record<string, unknown>;
    try {
      params = throughJson(raw);
    } catch (e) {
      return { api, params: {}, answer: { error: 2, errorMessage: `parameters are not serialisable: ${(e as Error).message}` } };
    }
    if (documented) params = documentedParams(documented, params);
    if (gate) await gate;
    if (latency > 0) await delay(latency);
    const missing = documented && unavailableReason(documented, profile);
    let answer: LooseAnswer = missing ? { error: 1, errorMessage: missing } : await run(api, name, params, signal, 0, uiOf(ui, owner));
    if (!answer || typeof answer !== 'object') answer = {};
    if (documented && !isFailure(answer as Record<string, unknown>)) answer = nativeResult(documented, params, answer as Record<string, unknown>);
    return { api, params, answer };
  };

  const bridge: FakeBridge = {
    [EMULATOR_MARK]: true,
    // Not a real host method: lets the library's synchronous canIUse() reflect the profile.
    canIUse: (name: string) => isAvailable(String(name), profile),
    startupParams: { appId: options.appId ?? 'emulated-miniapp', ...options.startupParams },
    call(name: string, params?: object, callback?: (result: unknown) => void) {
      let cb = callback;
      try {
        // Callbacks embedded in params, as real pages write `AlipayJSBridge.call(name, { …, success, fail })`.
        if (typeof cb !== 'function') cb = embeddedCallback(params);
      } catch {
        // params that throw when read (a getter, a revoked Proxy): refused below as not serialisable
      }
      // A name is a string; anything else (a Symbol, an object whose toString throws) names no API and is never converted.
      const label = typeof name === 'string' ? name : `(${typeof name})`;
      const record: CallRecord = { id: ++seq, api: resolveApi(label) ?? label, name: label, params: {}, startedAt: now() };
      calls.push(record);
      if (calls.length > logLimit) calls.splice(0, calls.length - logLimit);
      // The page's abort (RequestTask.abort(), an AbortSignal, a timeout) reaches the handler as ctx.signal;
      // `owner` marks what the call's handlers open in the UI, so giving the call up closes its dialog.
      const work = new AbortController();
      const owner = {};
      (typeof name === 'string' ? dispatch(name, params, work.signal, owner) : Promise.resolve({ api: label, params: {}, answer: { error: 2, errorMessage: `the API name must be a string, got ${label}` } }))
        .catch((e: unknown): { api: string; params: Record<string, unknown>; answer: LooseAnswer } => ({
          api: record.api,
          params: {},
          answer: { error: 3, errorMessage: `the emulator's handler threw: ${(e as Error)?.message ?? String(e)}` },
        }))
        .then(({ params: p, answer }) => {
          (record as { params: Record<string, unknown> }).params = p;
          record.answer = answer as Record<string, unknown>;
          record.ok = !isFailure(answer as Record<string, unknown>);
          record.answeredAt = now();
          // Always at least one macrotask after the call, like a native host.
          setTimeout(() => cb?.(answer), 0);
        });
      // Not a real host's behaviour: lets the library say the page gave the call up (abort, timeout), so
      // the handler's work stops and the dialog the call opened goes away instead of staying under the next.
      return {
        abort() {
          if (record.answeredAt !== undefined || work.signal.aborted) return;
          record.aborted = true;
          work.abort();
          ui.cancel?.(owner);
        },
      };
    },
  } as FakeBridge;

  const emulator: Emulator = {
    bridge,
    ui,
    options,
    appId: options.appId ?? 'emulated-miniapp',
    storage: options.storage ?? defaultStorage(),
    get profile() {
      return profile;
    },
    fixtures,
    calls,
    use(api: string, handler: Handler | ((ctx: HandlerContext) => LooseAnswer | Promise<LooseAnswer>), o?: UseOptions) {
      // An override for a name no call will use would be silently ignored: refuse it now.
      const unknown = unknownOverrideName(api, options.extraApis);
      if (unknown) throw new TypeError(`emulator.use: ${unknown}`);
      if (typeof handler !== 'function') throw new TypeError(`emulator.use('${api}'): the handler must be a function`);
      const entry: Override = { api, handler: handler as Handler, once: !!ownValue(o, 'once') };
      overrides.unshift(entry);
      return () => {
        const i = overrides.indexOf(entry);
        if (i >= 0) overrides.splice(i, 1);
      };
    },
    reset() {
      overrides.length = 0;
      latency = options.latency ?? 0;
      profile = baseProfile();
      ui.setLanguage?.(profile.language);
      for (const p of options.presets ?? []) applyPreset(emulator, p);
    },
    preset(name: PresetName) {
      applyPreset(emulator, name);
    },
    setProfile(changes: Partial<HostProfile>) {
      profile = { ...profile, ...changes, device: { ...profile.device, ...ownValue(changes, 'device') } };
      if (ownValue(changes, 'language')) ui.setLanguage?.(profile.language);
    },
    setLatency(ms: number) {
      latency = Math.max(0, ms);
    },
    holdCalls(until: Promise<unknown>) {
      gate = until;
    },
    clearCalls() {
      calls.length = 0;
    },
    emit(event: HostEventName, data?: unknown) {
      const e = new Event(event, { cancelable: true });
      Object.defineProperty(e, 'data', { value: data });
      document.dispatchEvent(e);
      return !e.defaultPrevented;
    },
    uninstall: onUninstall,
  } as Emulator;
  if (options.sandbox !== undefined) {
    linkSandbox(emulator, options.sandbox, options.sandboxUser, ({ role }) => {
      sandboxRole = { role };
      profile = { ...profile, role };
    });
  }
  for (const p of options.presets ?? []) applyPreset(emulator, p);
  return emulator;
}

