/**
 * The real browser's device facts, read defensively: every browser API here may be missing, may
 * reject (permissions, no focus), or may never settle (a permission prompt nobody answers). Each read
 * gives up after a short wait so the emulator always answers.
 */
import type { NetworkTypeResult } from '../../types/device.js';

/**
 * `run()`'s value, or undefined when it throws, rejects or takes longer than `ms`.
 * The timer is cleared as soon as `run()` settles.
 */
export async function within<T>(run: () => T | PromiseLike<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(run),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The page's navigator, or undefined outside a browser. */
export const nav = (): (Navigator & Record<string, unknown>) | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator as Navigator & Record<string, unknown>);

/** How long clipboard and battery reads may take before the fallback answers. */
export const BROWSER_WAIT_MS = 1500;

/** The system clipboard's text, or undefined when the browser has no clipboard or refuses. */
export async function readBrowserClipboard(): Promise<string | undefined> {
  const clipboard = nav()?.clipboard;
  if (!clipboard || typeof clipboard.readText !== 'function') return undefined;
  const value = await within(() => clipboard.readText(), BROWSER_WAIT_MS);
  return typeof value === 'string' ? value : undefined;
}

/** Writes the system clipboard; true when the browser took it. */
export async function writeBrowserClipboard(text: string): Promise<boolean> {
  const clipboard = nav()?.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') return false;
  const done = await within(() => clipboard.writeText(text).then(() => true), BROWSER_WAIT_MS);
  return done === true;
}

interface BatteryManagerLike {
  level: number;
  charging: boolean;
}

/** The Battery Status API's level (0–100, whole) and charging state, when the browser has it. */
export async function readBrowserBattery(): Promise<{ level: number; isCharging: boolean } | undefined> {
  const n = nav();
  const getBattery = n?.['getBattery'];
  if (typeof getBattery !== 'function') return undefined;
  const battery = await within(() => (getBattery as () => Promise<BatteryManagerLike>).call(n), BROWSER_WAIT_MS);
  if (!battery || typeof battery.level !== 'number' || !Number.isFinite(battery.level)) return undefined;
  return { level: clampLevel(battery.level * 100), isCharging: battery.charging === true };
}

/** A battery level as the page documents it: a whole number 0–100. */
export const clampLevel = (level: number): number => (Number.isFinite(level) ? Math.min(100, Math.max(0, Math.round(level))) : 0);

interface NetworkInformationLike {
  type?: string;
  effectiveType?: string;
}

const EFFECTIVE: Readonly<Record<string, NetworkTypeResult['networkType']>> = {
  '4g': '4G',
  '3g': '3G',
  '2g': '2G',
  'slow-2g': '2G',
};

/**
 * The network as getNetworkType reports it, from `navigator.onLine` and the Network Information API:
 * offline → NOTREACHABLE; `type` wifi/ethernet → WIFI; `type` none → NOTREACHABLE; else the
 * `effectiveType` (4g/3g/2g/slow-2g, which DevTools throttling changes); another `type` → UNKNOWN;
 * no information at all → WIFI (a desktop).
 */
export function browserNetwork(): NetworkTypeResult {
  const n = nav();
  if (n && n.onLine === false) return { networkAvailable: false, networkType: 'NOTREACHABLE' };
  const connection = n?.['connection'] as NetworkInformationLike | undefined;
  const type = typeof connection?.type === 'string' ? connection.type : undefined;
  if (type === 'none') return { networkAvailable: false, networkType: 'NOTREACHABLE' };
  if (type === 'wifi' || type === 'ethernet' || type === 'wimax') return { networkAvailable: true, networkType: 'WIFI' };
  const effective = typeof connection?.effectiveType === 'string' ? EFFECTIVE[connection.effectiveType] : undefined;
  if (effective) return { networkAvailable: true, networkType: effective };
  // cellular without effectiveType, bluetooth, other, unknown…
  if (type) return { networkAvailable: true, networkType: 'UNKNOWN' };
  return { networkAvailable: true, networkType: 'WIFI' };
}
