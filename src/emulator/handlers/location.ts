/**
 * Default answers of the "Location APIs" pages. getLocation asks the real browser: a browser without
 * geolocation, or one that refuses it, is a denied location right (the page's error 11); one that
 * cannot find the position or does not answer in time falls back to the first fixture place (Baghdad).
 * The pickers and the map go through `ctx.ui`.
 */
import type { GetLocationResult } from '../../types/location.js';
import type { DefaultHandlers, Emulator } from '../types.js';
import type { EmulatorPlace } from '../ui/contract.js';
import { nav } from './device-browser.js';
import type { LocationApis } from './group-apis.js';

/** How long getLocation waits for the browser (a permission prompt nobody answers included). */
export const GEOLOCATION_WAIT_MS = 4000;
/** Accuracy (m) reported for a fixture place. */
const FIXTURE_ACCURACY = '30';

interface CachedLocation {
  at: number;
  result: GetLocationResult;
}
/** The last real position per emulator (getLocation's `cacheTimeout`). */
const cache = new WeakMap<Emulator, CachedLocation>();

/**
 * The browser's position; `'denied'` when it has no geolocation or refuses it (permission, permissions
 * policy); undefined when the position is unavailable or slower than `GEOLOCATION_WAIT_MS`.
 */
function browserPosition(maxAgeMs: number, emulator: Emulator): Promise<GetLocationResult | 'denied' | undefined> {
  const geolocation = nav()?.geolocation;
  if (!geolocation || typeof geolocation.getCurrentPosition !== 'function') return Promise.resolve('denied');
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: GetLocationResult | 'denied' | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(v);
    };
    const timer = setTimeout(() => finish(undefined), GEOLOCATION_WAIT_MS);
    try {
      geolocation.getCurrentPosition(
        (position) => {
          const { latitude, longitude, accuracy } = position.coords;
          if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return finish(undefined);
          const result: GetLocationResult = {
            longitude: String(longitude),
            latitude: String(latitude),
            accuracy: String(Math.round(Number.isFinite(accuracy) ? accuracy : 0)),
          };
          // A late answer (the user allowed after the fallback went out) still fills the cache.
          cache.set(emulator, { at: Date.now(), result });
          finish(result);
        },
        // 1: PERMISSION_DENIED; 2 (unavailable) and 3 (timeout) fall back to the fixture.
        (error) => finish(error?.code === 1 ? 'denied' : undefined),
        { enableHighAccuracy: false, timeout: GEOLOCATION_WAIT_MS, maximumAge: maxAgeMs },
      );
    } catch {
      finish('denied'); // blocked by a permissions policy
    }
  });
}

/** A number from a coordinate parameter: a decimal string (or a number), else undefined. */
function coordinate(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || !/^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

const asNumber = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

export const locationHandlers: Pick<DefaultHandlers, LocationApis> = {
  /**
   * Coordinates as strings. A real position younger than `cacheTimeout` s (30 by default) is reused;
   * else the browser is asked, and the first fixture place answers when it cannot (13 when there is none).
   */
  getLocation: async (ctx) => {
    const t: unknown = ctx.params.cacheTimeout;
    const cacheTimeout = typeof t === 'number' && Number.isFinite(t) && t >= 0 ? t : 30;
    const hit = cache.get(ctx.emulator);
    if (hit && cacheTimeout > 0 && Date.now() - hit.at < cacheTimeout * 1000) return { ...hit.result };
    const real = await browserPosition(cacheTimeout * 1000, ctx.emulator);
    if (real === 'denied') return ctx.fail(11);
    if (real) return real;
    const place = ctx.fixtures.places[0];
    if (!place) return ctx.fail(13);
    return { longitude: String(place.longitude), latitude: String(place.latitude), accuracy: FIXTURE_ACCURACY };
  },

  /** Picks from `fixtures.places` (or a typed place) → `{ name, address, latitude, longitude }` as numbers; cancel → 13. */
  chooseLocation: async (ctx) => {
    const place: EmulatorPlace | null = await ctx.ui.chooseLocation(ctx.fixtures.places);
    if (!place) return ctx.fail(13);
    const latitude = asNumber(place.latitude);
    const longitude = asNumber(place.longitude);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return ctx.fail(13);
    return { name: String(place.name ?? ''), address: String(place.address ?? ''), latitude, longitude };
  },

  /**
   * longitude/latitude required (else 2), decimal strings within [-180, 180] / [-90, 90] (else 11);
   * scale 3–19 (15 by default, outside values clamped); the map → `{}`.
   */
  openLocation: async (ctx) => {
    const p = ctx.params;
    for (const key of ['longitude', 'latitude'] as const) {
      if (p[key] == null) return ctx.fail(2, `invalid parameter \`${key}\`: is required`);
    }
    const longitude = coordinate(p.longitude);
    const latitude = coordinate(p.latitude);
    if (longitude === undefined || latitude === undefined || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
      return ctx.fail(11, `Invalid coordinates provided: longitude ${JSON.stringify(p.longitude)}, latitude ${JSON.stringify(p.latitude)}`);
    }
    const s: unknown = p.scale;
    const scale = typeof s === 'number' && Number.isFinite(s) ? Math.min(19, Math.max(3, Math.round(s))) : 15;
    await ctx.ui.openLocation({
      latitude,
      longitude,
      ...(typeof p.name === 'string' ? { name: p.name } : {}),
      ...(typeof p.address === 'string' ? { address: p.address } : {}),
      scale,
    });
    return {};
  },
};
