/**
 * Default answers of the APIs real pages call that the docs omit, the way Alipay+ hosts answer them:
 * hideKeyboard blurs the focused field, setKeepScreenOn takes a screen wake lock where the browser has
 * one, getSetting/openSetting report the permissions this miniapp has asked for (read off the call
 * log: a permission failure means denied), openInBrowser opens http(s)/tel/mailto URLs in a new tab
 * (dom mode), beehiveGetPOI is chooseLocation's picker. getFacePhotoData answers from face-photo.ts
 * (it loads with the extras: its photo is bytes).
 */
import { ownValue } from '../../core/own.js';
import type { AuthSettingResult } from '../../types/undocumented.js';
import type { CallRecord, DefaultHandlers, Emulator } from '../types.js';
import { nav } from './device-browser.js';
import type { LazyUndocumentedApis, UndocumentedApis } from './group-apis.js';
import { locationHandlers } from './location.js';

/** The permission an API asks for, and the error codes that mean the user denied it. */
const PERMISSIONS: Readonly<Record<string, readonly [permission: string, denied: readonly (number | string)[]]>> = {
  getLocation: ['location', [11]],
  chooseLocation: ['location', [11]],
  beehiveGetPOI: ['location', [11]],
  chooseImage: ['album', [15]],
  saveImage: ['album', [15]],
  chooseVideo: ['camera', [14]],
  scan: ['camera', []],
  choosePhoneContact: ['contact', [10]],
};

/** Permission → allowed, for the permissions the page's answered calls asked for (the latest answer wins). */
export function authSettingOf(calls: readonly CallRecord[]): AuthSettingResult {
  const authSetting: Record<string, boolean> = {};
  for (const c of calls) {
    const entry = ownValue(PERMISSIONS, c.api);
    if (!entry || !c.answer) continue;
    const code = ownValue(c.answer, 'error') ?? ownValue(c.answer, 'errorCode');
    authSetting[entry[0]] = !entry[1].some((d) => String(d) === String(code));
  }
  return { authSetting };
}

/** The wake lock setKeepScreenOn holds, per emulator. */
const wakeLocks = new WeakMap<Emulator, { release(): Promise<void> }>();

const OPENABLE = /^(?:https?:\/\/|tel:|mailto:)/i;

export const undocumentedHandlers: Pick<DefaultHandlers, Exclude<UndocumentedApis, LazyUndocumentedApis>> = {
  hideKeyboard: () => {
    const active = typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null);
    if (active && /^(?:INPUT|TEXTAREA)$/.test(active.tagName)) active.blur();
    return {};
  },

  /** keepScreenOn must be a boolean (else 2); the browser's wake lock is best effort. */
  setKeepScreenOn: async (ctx) => {
    const on: unknown = ctx.params.keepScreenOn;
    if (typeof on !== 'boolean') return ctx.fail(2, 'invalid parameter `keepScreenOn`: must be a boolean');
    const held = wakeLocks.get(ctx.emulator);
    if (!on) {
      wakeLocks.delete(ctx.emulator);
      await held?.release().catch(() => undefined);
      return {};
    }
    const wakeLock = nav()?.['wakeLock'] as { request?(type: 'screen'): Promise<{ release(): Promise<void> }> } | undefined;
    if (!held && typeof wakeLock?.request === 'function') {
      const lock = await wakeLock.request('screen').catch(() => undefined);
      if (lock) wakeLocks.set(ctx.emulator, lock);
    }
    return {};
  },

  getSetting: (ctx) => authSettingOf(ctx.emulator.calls),
  // No settings page of its own: the user "comes back" at once with the same permissions.
  openSetting: (ctx) => authSettingOf(ctx.emulator.calls),

  /** url: an http(s), tel: or mailto: URL (else 2); opened in a new tab in dom mode. */
  openInBrowser: (ctx) => {
    const url: unknown = ctx.params.url;
    if (typeof url !== 'string' || !OPENABLE.test(url)) return ctx.fail(2, 'invalid parameter `url`: must be an http(s), tel: or mailto: URL');
    if (ctx.ui.kind === 'dom' && typeof window !== 'undefined') window.open(url, '_blank', 'noopener');
    return {};
  },

  beehiveGetPOI: (ctx) => locationHandlers.chooseLocation(ctx as never),
};
