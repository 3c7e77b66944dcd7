import { InvalidParamsError } from '../errors/invalid-params-error.js';
import type { NativeAlias } from '../table/row.js';
import { own, ownValue } from './own.js';
import { check } from './validate.js';

/** Library-wide settings; change them with `configure()`. */
export interface SuperQiConfig {
  /**
   * Default timeout in ms for APIs that do not open UI. APIs that wait for the user (dialogs, pickers,
   * the cashier, consent) have no default timeout; network APIs wait for their documented host timeout
   * (`request` 30000, `uploadFile` 60000, or the call's own `timeout`) plus `timeoutGrace`.
   * `0` turns the default off.
   * @default 20000
   */
  timeout: number;
  /** Extra ms granted past a host-side timeout before the library gives up itself. @default 2000 */
  timeoutGrace: number;
  /**
   * How long calls made before `AlipayJSBridge` exists wait for it (the host injects it asynchronously)
   * before rejecting with `NotInHostError`.
   * @default 3000
   */
  readyTimeout: number;
  /**
   * Per-API native name and parameter renames sent to `AlipayJSBridge.call` in place of the documented
   * name (`showToast`) and parameters. The classic Alipay forms the table records (`toast`,
   * `actionSheet`, `setAPDataStorage`…) are `CLASSIC_NATIVES` (module export):
   * `configure({ natives: CLASSIC_NATIVES })`, or one API: `configure({ natives: { showToast: { name: 'toast' } } })`.
   * Which names a given Super Qi build accepts is only known on a device.
   * @default {}
   */
  natives: Readonly<Record<string, NativeAlias>>;
  /**
   * Forces the answer of `isSuperQi()`/`getEnvironment().host` instead of detecting it.
   * @default undefined
   */
  environment?: 'superqi' | 'browser';
}

/** The live settings (read on every call, so `configure()` applies to calls made after it). */
export const config: SuperQiConfig = {
  timeout: 20000,
  timeoutGrace: 2000,
  readyTimeout: 3000,
  natives: {},
};

// A pure call, not a spread: bundlers drop it from bundles that never configure or reset.
const DEFAULTS: SuperQiConfig = /* @__PURE__ */ Object.assign({}, config);

/** Copies `params` with keys renamed (documented → native). */
const rename = (params: Record<string, unknown>, names: Readonly<Record<string, string>>) => {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(params)) out[own(names, k) ? names[k]! : k] = params[k];
  return out;
};

/** Sends a bridge call under the `natives` setting's name and parameter renames for `api`, when it has them. */
const viaNatives = (
  bridge: { call(name: string, params: object, reply: (result: unknown) => void): unknown },
  api: string,
  name: string,
  params: Record<string, unknown>,
  reply: (result: unknown) => void,
): unknown => {
  // Own entries and fields only ('toString' is no override; an inherited `params` renames nothing).
  const alias = ownValue<NativeAlias>(config.natives, api);
  const renames = ownValue<Readonly<Record<string, string>>>(alias, 'params');
  return bridge.call(ownValue<string>(alias, 'name') ?? name, renames ? rename(params, renames) : params, reply);
};

/**
 * How the transport sends a bridge call once `configure()` has run: the `natives` setting only takes
 * effect through `configure()`, so a bundle that never configures carries neither lookup nor renames.
 */
export let callNatives: typeof viaNatives | undefined;

/** The longest delay a timer takes (longer ones fire at once). */
const MAX_DELAY = 2147483647;

/**
 * Changes library-wide settings; returns the settings now in force. The ms settings must be finite
 * numbers ≥ 0 (else `InvalidParamsError`, nothing changed) and are capped at 2^31-1 ms (~24.8 days),
 * the longest a timer waits.
 */
export function configure(changes: Partial<SuperQiConfig>): Readonly<SuperQiConfig> {
  callNatives = viaNatives;
  const next: Record<string, unknown> = {};
  // Own keys only (`__proto__` from JSON.parse, a polluted Object.prototype). `undefined` means
  // "leave as is" (spreading options objects must not switch a timeout off), except for
  // `environment`, where it clears the override.
  for (const k of Object.keys(changes ?? {})) {
    const v = changes[k as keyof SuperQiConfig];
    if (k === '__proto__' || (v === undefined && k !== 'environment')) continue;
    if (typeof DEFAULTS[k as keyof SuperQiConfig] === 'number') {
      const problem = check('configure', k, 'number', false, v) ?? ((v as number) < 0 ? new InvalidParamsError('configure', k, 'must be ≥ 0') : undefined);
      if (problem) throw problem;
      next[k] = Math.min(v as number, MAX_DELAY);
    } else next[k] = v;
  }
  return Object.assign(config, next);
}

/** Restores every setting to its default (for tests). */
export function resetConfig(): void {
  for (const k of Object.keys(config) as (keyof SuperQiConfig)[]) delete config[k];
  Object.assign(config, DEFAULTS);
}
