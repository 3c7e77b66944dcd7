/**
 * Default answers of the "Device APIs" pages. Facts come from the real browser where it has them
 * (window size, clipboard, battery, network, vibration) and from the profile and fixtures otherwise.
 */
import type { AddPhoneContactParams, SystemInfo } from '../../types/device.js';
import type { DefaultHandlers, Emulator, HandlerContext } from '../types.js';
import {
  browserNetwork,
  clampLevel,
  nav,
  readBrowserBattery,
  readBrowserClipboard,
  writeBrowserClipboard,
} from './device-browser.js';
import { hostLanguage } from './essential.js';
import type { DeviceApis } from './group-apis.js';

/** Per emulator: the clipboard when the browser's is out of reach, and the screen brightness. */
interface DeviceState {
  clipboard: string;
  brightness: number;
}
const states = new WeakMap<Emulator, DeviceState>();
function stateOf(ctx: HandlerContext): DeviceState {
  let s = states.get(ctx.emulator);
  if (!s) states.set(ctx.emulator, (s = { clipboard: String(ctx.fixtures.clipboard ?? ''), brightness: 0.5 }));
  return s;
}

/** What getSystemInfo reports about storage: the emulated phone's capacity. */
const STORAGE = '128 GB';
/** Android's default font size setting, in px. */
const FONT_SIZE = 16;
/** Bar heights (px) and bottom inset by platform: Android status 24 / title 48; iPhone (notch) 44 / 44, home bar 34. */
const BARS = { Android: { status: 24, title: 48, bottom: 0 }, iOS: { status: 44, title: 44, bottom: 34 } } as const;

/** A positive finite number, else `fallback`. */
const size = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);

/** The documented contact fields (all optional strings). */
const CONTACT_FIELDS: readonly (keyof AddPhoneContactParams)[] = [
  'photoFilePath', 'nickName', 'lastName', 'middleName', 'firstName', 'remark', 'mobilePhoneNumber',
  'homePhoneNumber', 'workPhoneNumber', 'homeFaxNumber', 'workFaxNumber', 'hostNumber', 'addressCountry',
  'addressState', 'addressCity', 'addressStreet', 'addressPostalCode', 'workAddressCountry', 'workAddressState',
  'workAddressCity', 'workAddressStreet', 'workAddressPostalCode', 'homeAddressCountry', 'homeAddressState',
  'homeAddressCity', 'homeAddressStreet', 'homeAddressPostalCode', 'organization', 'title', 'email', 'url',
];

/** Scan code for a type: qr → qrCode, bar → barCode. */
const SCAN_TYPES = ['qr', 'bar'] as const;

export const deviceHandlers: Pick<DefaultHandlers, DeviceApis> = {
  /** Every documented field with its documented type, from the real window and the profile. */
  getSystemInfo: async (ctx) => {
    const w = typeof window === 'undefined' ? undefined : window;
    const { platform, system, model, brand } = ctx.profile.device;
    const bars = BARS[platform] ?? BARS.Android;
    const windowWidth = size(w?.innerWidth, 360);
    const windowHeight = size(w?.innerHeight, 780);
    const screenWidth = size(w?.screen?.width, windowWidth);
    const screenHeight = size(w?.screen?.height, windowHeight);
    const battery = (await readBrowserBattery())?.level ?? clampLevel(ctx.fixtures.battery.level);
    const bottom = Math.max(bars.status, screenHeight - bars.bottom);
    const info: SystemInfo = {
      model,
      pixelRatio: size(w?.devicePixelRatio, 1),
      windowWidth,
      windowHeight,
      language: hostLanguage(ctx.profile),
      version: ctx.profile.version,
      storage: STORAGE,
      currentBattery: `${battery}%`,
      system,
      platform,
      titleBarHeight: String(bars.title),
      statusBarHeight: String(bars.status),
      screenWidth,
      screenHeight,
      brand,
      fontSizeSetting: FONT_SIZE,
      app: 'SuperQi',
      safeArea: { top: bars.status, left: 0, right: screenWidth, bottom, width: screenWidth, height: bottom - bars.status },
    };
    return info;
  },

  /** From navigator.onLine and the Network Information API (see `browserNetwork`). */
  getNetworkType: () => browserNetwork(),

  /** The browser's clipboard when readable, else this emulator's own (seeded from `fixtures.clipboard`). */
  getClipboard: async (ctx) => {
    const state = stateOf(ctx);
    const fromBrowser = await readBrowserClipboard();
    if (fromBrowser !== undefined) state.clipboard = fromBrowser;
    return { text: state.clipboard };
  },

  /** text required, a string (else 2); written to this emulator's clipboard and, when allowed, the browser's. */
  setClipboard: async (ctx) => {
    const value: unknown = ctx.params.text;
    if (typeof value !== 'string') return ctx.fail(2, 'invalid parameter `text`: must be a string');
    stateOf(ctx).clipboard = value;
    await writeBrowserClipboard(value);
    return {};
  },

  /** navigator.getBattery() when present (level 0–100, whole), else `fixtures.battery`. */
  getBatteryInfo: async (ctx) => {
    const real = await readBrowserBattery();
    if (real) return real;
    const { level, isCharging } = ctx.fixtures.battery;
    return { level: clampLevel(level), isCharging: isCharging === true };
  },

  /** This emulator's brightness, 0.5 at start. */
  getScreenBrightness: (ctx) => ({ brightness: stateOf(ctx).brightness }),

  /** brightness: a number in [0, 1] (else 2). */
  setScreenBrightness: (ctx) => {
    const b: unknown = ctx.params.brightness;
    if (typeof b !== 'number' || !Number.isFinite(b) || b < 0 || b > 1) {
      return ctx.fail(2, `invalid parameter \`brightness\`: must be a number between 0 and 1, got ${JSON.stringify(b) ?? String(b)}`);
    }
    stateOf(ctx).brightness = b;
    return {};
  },

  /** The add-contact form with the string fields given → `{ success: true }`; cancel → 11. */
  addPhoneContact: async (ctx) => {
    const contact: AddPhoneContactParams = {};
    for (const field of CONTACT_FIELDS) {
      const v = ctx.params[field];
      if (typeof v === 'string') contact[field] = v;
    }
    const saved = await ctx.ui.addPhoneContact(contact);
    return saved === true ? { success: true } : ctx.fail(11);
  },

  /** number required, a non-empty string (else 2); the dialer → `{}`. */
  makePhoneCall: async (ctx) => {
    const number: unknown = ctx.params.number;
    if (typeof number !== 'string' || !number.trim()) return ctx.fail(2, 'invalid parameter `number`: must be a non-empty string');
    await ctx.ui.makePhoneCall(number);
    return {};
  },

  /** type qr (default) or bar (else 2) → `{ code, qrCode }` / `{ code, barCode }`; cancel → 10; nothing read → 11. */
  scan: async (ctx) => {
    const t: unknown = ctx.params.type ?? 'qr';
    const type = SCAN_TYPES.find((s) => s === t);
    if (!type) return ctx.fail(2, `invalid parameter \`type\`: must be 'qr' or 'bar', got ${JSON.stringify(t)}`);
    const code = await ctx.ui.scan({ type, hideAlbum: ctx.params.hideAlbum === true, fixture: ctx.fixtures.scanCode });
    if (code === null || code === undefined) return ctx.fail(10);
    if (typeof code !== 'string' || code === '') return ctx.fail(11);
    return type === 'qr' ? { code, qrCode: code } : { code, barCode: code };
  },

  /** navigator.vibrate when the browser has it (and allows it) → `{}`. */
  vibrate: () => {
    try {
      const n = nav();
      if (typeof n?.vibrate === 'function') n.vibrate(200);
    } catch {
      // not allowed (no user gesture, iframe policy): a phone would still have buzzed
    }
    return {};
  },
};
