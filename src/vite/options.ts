/**
 * The plugin's options and their check. Everything reaches the page as JSON (the emulator's config
 * script), so only JSON values are accepted; a bad option is a TypeError naming `superqi({ option })`.
 */
import type { EmulatorFixtures, EmulatorOptions, HostProfile, PresetName } from '../emulator/types.js';

/**
 * The emulator's `install()` options that can travel to the page as JSON: no functions, elements,
 * storage backends or files. `sandbox` and `presets` have options of their own.
 */
export type SuperqiEmulatorOptions = Omit<EmulatorOptions, 'container' | 'storage' | 'onUnknownApi' | 'fixtures' | 'sandbox' | 'presets'> & {
  /** Calls to APIs outside the table: `'warn'` or `'error'` (a function cannot reach the page). @default 'warn' */
  onUnknownApi?: 'warn' | 'error';
  /** Fixture changes from the defaults (files, images and videos are generated: they cannot travel as JSON). */
  fixtures?: Omit<Partial<EmulatorFixtures>, 'images' | 'videos' | 'files'>;
};

/** Options of `superqi()`: all optional. */
export interface SuperqiViteOptions {
  /**
   * The sandbox wallet the emulator plays the phone through (and the devtools' wallet panel shows): a
   * running one's URL (`http://127.0.0.1:7001`), or `{ port?, dir? }` to start one with the dev server
   * and close it with the server (`startSandbox` from `superqi-bridge/sandbox`; needs `libsql`).
   * `dir` is relative to Vite's `root`. @default none
   */
  sandbox?: string | { port?: number; dir?: string } | false;
  /** The emulated host's language: `en` (English) or `ar` (Arabic, right-to-left). @default 'en' */
  language?: HostProfile['language'];
  /** The emulated user's role: `customer` or `business`. @default 'customer' */
  role?: HostProfile['role'];
  /** The emulator's named presets, applied at install ('user-cancels', 'offline', 'slow-network', …). */
  presets?: readonly PresetName[];
  /** Any other `install()` options, as JSON: `{ appId: 'my-miniapp', latency: 300, profile: { version: '1.29.0' } }`. */
  emulator?: SuperqiEmulatorOptions;
  /** Serve the devtools (the app in an emulated device beside the panels) under this path of the dev server; `false` for none. @default '/__superqi/' */
  devtools?: boolean | string;
}

/** The options once checked. */
export interface CheckedOptions {
  /** A running sandbox's URL (no trailing slash), one to start, or none. */
  readonly sandbox: string | { readonly port: number; readonly dir: string } | undefined;
  /** The emulator's `install()` options, JSON only, without the sandbox (known once it runs). */
  readonly install: Readonly<Record<string, unknown>>;
  /** The devtools' path (`/__superqi/`: leading and trailing slash), or none. */
  readonly devtools: string | undefined;
}

/** The default devtools path. */
export const DEVTOOLS_PATH = '/__superqi/';

const OPTIONS = ['sandbox', 'language', 'role', 'presets', 'emulator', 'devtools'] as const satisfies ReadonlyArray<keyof SuperqiViteOptions>;
const LANGUAGES = ['en', 'ar'] as const satisfies ReadonlyArray<HostProfile['language']>;
const ROLES = ['customer', 'business'] as const satisfies ReadonlyArray<HostProfile['role']>;
const PRESETS = ['user-cancels', 'offline', 'slow-network', 'payment-declined', 'payment-pending', 'permission-denied'] as const satisfies readonly PresetName[];
// Every preset the emulator knows is listed above (a new one fails the type check here).
const ALL_PRESETS: [Exclude<PresetName, (typeof PRESETS)[number]>] extends [never] ? true : never = true;
void ALL_PRESETS;

/** A path segment a URL keeps as written (no dot segments, nothing to decode). */
const PATH = /^\/([A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)+$/;

const fail = (option: string, message: string): TypeError => new TypeError(`superqi({ ${option} }): ${message}`);
const shown = (value: unknown): string => {
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return 'a value JSON cannot write';
  }
};

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Throws unless `value` is JSON data (null, booleans, finite numbers, strings, arrays, plain objects; no cycles); `at` names where it is. */
function checkJson(value: unknown, at: string, seen: Set<object>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  if (Array.isArray(value) || isPlainObject(value)) {
    if (seen.has(value)) throw fail('emulator', `${at} refers to itself: only JSON values reach the page`);
    seen.add(value);
    for (const [key, item] of Object.entries(value)) checkJson(item, Array.isArray(value) ? `${at}[${key}]` : `${at}.${key}`, seen);
    seen.delete(value);
    return;
  }
  throw fail('emulator', `${at} is ${typeof value === 'object' ? 'not a plain object' : shown(value)}: only JSON values reach the page (the emulator runs there)`);
}

const oneOf = <T extends string>(option: string, value: unknown, allowed: readonly T[]): T | undefined => {
  if (value === undefined || allowed.includes(value as T)) return value as T | undefined;
  throw fail(option, `must be ${allowed.map((v) => `'${v}'`).join(' or ')}, got ${shown(value)}`);
};

function checkSandbox(value: unknown): CheckedOptions['sandbox'] {
  if (value === undefined || value === false) return undefined;
  if (typeof value === 'string') {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (!url || !/^https?:$/.test(url.protocol)) throw fail('sandbox', `must be a sandbox wallet's http(s) URL, { port, dir } to start one, or false; got ${shown(value)}`);
    return url.href.replace(/\/$/, '');
  }
  if (!isPlainObject(value)) throw fail('sandbox', `must be a sandbox wallet's http(s) URL, { port, dir } to start one, or false; got ${shown(value)}`);
  const extra = Object.keys(value).find((k) => k !== 'port' && k !== 'dir');
  if (extra !== undefined) throw fail('sandbox', `unknown field ${JSON.stringify(extra)} (a started sandbox takes port and dir)`);
  const port = value['port'] ?? 0;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) throw fail('sandbox', `port must be 0–65535 (0: any free port), got ${shown(value['port'])}`);
  const dir = value['dir'] ?? '.superqi-sandbox';
  if (typeof dir !== 'string' || !dir) throw fail('sandbox', `dir must be a folder's path, got ${shown(value['dir'])}`);
  return { port, dir };
}

function checkDevtools(value: unknown): string | undefined {
  if (value === false) return undefined;
  if (value === undefined || value === true) return DEVTOOLS_PATH;
  const path = typeof value === 'string' && !value.endsWith('/') ? `${value}/` : value;
  if (typeof path !== 'string' || !PATH.test(path)) throw fail('devtools', `must be a path like '/__superqi/' (letters, digits, - _ . ~; not / itself), true or false; got ${shown(value)}`);
  return path;
}

/** Checks `superqi()`'s options; throws a TypeError naming the bad one. */
export function checkOptions(options: unknown): CheckedOptions {
  if (options === undefined) options = {};
  if (!isPlainObject(options)) throw new TypeError(`superqi(options): options must be an object, got ${shown(options)}`);
  const unknown = Object.keys(options).find((k) => !(OPTIONS as readonly string[]).includes(k));
  if (unknown !== undefined) throw fail(unknown, `unknown option (the options are ${OPTIONS.join(', ')})`);
  const o = options as Record<(typeof OPTIONS)[number], unknown>;
  const language = oneOf('language', o.language, LANGUAGES);
  const role = oneOf('role', o.role, ROLES);
  if (o.presets !== undefined && (!Array.isArray(o.presets) || o.presets.some((p) => !(PRESETS as readonly unknown[]).includes(p)))) {
    throw fail('presets', `must be an array of the emulator's presets (${PRESETS.join(', ')}), got ${shown(o.presets)}`);
  }
  const emulator = o.emulator ?? {};
  if (!isPlainObject(emulator)) throw fail('emulator', `must be an object of install() options, got ${shown(o.emulator)}`);
  checkJson(emulator, 'emulator', new Set());
  for (const key of ['sandbox', 'presets'] as const) if (key in emulator) throw fail('emulator', `pass ${key} as superqi({ ${key} }), not inside emulator`);
  if (emulator['profile'] !== undefined && !isPlainObject(emulator['profile'])) throw fail('emulator', `emulator.profile must be an object, got ${shown(emulator['profile'])}`);
  const profile = { ...(emulator['profile'] as Record<string, unknown> | undefined), ...(language ? { language } : {}), ...(role ? { role } : {}) };
  const install: Record<string, unknown> = { ...emulator, ...(Object.keys(profile).length ? { profile } : {}), ...(o.presets ? { presets: o.presets } : {}) };
  return { sandbox: checkSandbox(o.sandbox), install, devtools: checkDevtools(o.devtools) };
}
