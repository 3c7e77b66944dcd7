import type { NativeAlias } from '../table/row.js';

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

const DEFAULTS: SuperQiConfig = { ...config };

/** Changes library-wide settings; returns the settings now in force. */
export function configure(changes: Partial<SuperQiConfig>): Readonly<SuperQiConfig> {
  // `undefined` means "leave as is" (spreading options objects must not switch a timeout off),
  // except for `environment`, where it clears the override.
  for (const k in changes) {
    const v = changes[k as keyof SuperQiConfig];
    if (v !== undefined || k === 'environment') (config as unknown as Record<string, unknown>)[k] = v;
  }
  return config;
}

/** Restores every setting to its default (for tests). */
export function resetConfig(): void {
  for (const k of Object.keys(config) as (keyof SuperQiConfig)[]) delete config[k];
  Object.assign(config, DEFAULTS);
}
