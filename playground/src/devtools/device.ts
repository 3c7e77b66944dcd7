/**
 * The device the devtools draws around the miniapp: a phone-sized screen (iPhone 390×844, Android
 * 360×800 or a small Android 360×640; portrait or landscape), scaled down to fit the window unless
 * shown at 100%, with the host's status bar (time, emulated network type, battery), its title bar
 * (the `setNavigationBar` title, image and colours, a back button, the option menu) and the app in an
 * iframe under them. Arabic lays the host's parts out right-to-left. Page data is text only.
 */
import type { HostProfile } from '../../../src/emulator/index.js';
import { DEVTOOLS_FRAME_NAME } from '../../../src/emulator/devtools-protocol.js';
import type { TitleBarState } from '../../../src/emulator/ui/contract.js';
import { safeColor, safeImage } from '../../../src/emulator/ui/dom.js';
import { isDark } from '../../../src/emulator/ui/frame.js';
import { button, h } from '../dom.js';

/** A device the devtools can show. */
export interface DeviceProfile {
  readonly id: 'iphone' | 'android' | 'android-small';
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** What getSystemInfo / getDeviceInfo say about it. */
  readonly device: HostProfile['device'];
}

export const DEVICE_PROFILES: readonly DeviceProfile[] = [
  { id: 'iphone', label: 'iPhone (390×844)', width: 390, height: 844, device: { platform: 'iOS', system: '17.5', model: 'iPhone 15', brand: 'Apple' } },
  { id: 'android', label: 'Android (360×800)', width: 360, height: 800, device: { platform: 'Android', system: '14', model: 'SM-S921B', brand: 'samsung' } },
  // the cheap phones many users in Iraq have
  { id: 'android-small', label: 'Android small (360×640)', width: 360, height: 640, device: { platform: 'Android', system: '11', model: 'SM-A022F', brand: 'samsung' } },
];

/** How the device is held. */
export type Orientation = 'portrait' | 'landscape';
/** `fit`: scaled down (never up) so the whole device shows in the window; `actual`: 100%. */
export type Zoom = 'fit' | 'actual';

/** The device's frame around its screen (`.device`'s border), each side, in CSS px. */
const BEZEL = 10;
/** Room the panels beside the device keep in a wide window, and the margin under the device. */
const PANELS_MIN = 420;
const MARGIN = 12;
/** Below this the device would be too small to read: scrolling is better. */
const MIN_SCALE = 0.4;

/**
 * The scale that shows a `width`×`height` screen (plus bezel) whole below `top` (px from the top of
 * the document) in a `viewport`; 1 when it fits as it is. Wide windows keep PANELS_MIN for the panels.
 */
export function fitScale(width: number, height: number, top: number, viewport: { width: number; height: number }): number {
  const availH = viewport.height - top - MARGIN;
  const availW = viewport.width > 900 ? viewport.width - PANELS_MIN - 3 * 16 : viewport.width - 2 * 16;
  return Math.max(MIN_SCALE, Math.min(1, availH / (height + 2 * BEZEL), availW / (width + 2 * BEZEL)));
}

export interface Device {
  /** What goes in the page: the device in a holder sized to its scaled size. */
  readonly el: HTMLElement;
  readonly frame: HTMLIFrameElement;
  setProfile(profile: DeviceProfile, orientation?: Orientation): void;
  /** Fit to the window (default) or 100%. */
  setZoom(zoom: Zoom): void;
  /** Recomputes the fit (the window or the page above the device changed). */
  fit(): void;
  /** The title bar as the app left it; undefined shows `appName`. */
  setTitleBar(state: TitleBarState | undefined, appName: string): void;
  setLanguage(language: 'en' | 'ar'): void;
  /** The status bar's network type (`WIFI`, `4G`, `NOTREACHABLE`…) and battery. */
  setStatus(network: string, battery: { level: number; isCharging: boolean }): void;
  /** Shows a note over the app (loading, not linked), or hides it (`undefined`). */
  setNote(text: string | undefined): void;
}

/** The device; `onButton` hears the host's buttons (back, option menu, a click on the title). */
export function createDevice(appUrl: string, onButton: (event: 'back' | 'optionMenu' | 'titleClick') => void): Device {
  const time = h('span', { class: 'dev-time' });
  const network = h('span', { class: 'dev-net', id: 'device-network' });
  const battery = h('span', { class: 'dev-battery', id: 'device-battery' });
  const status = h('div', { class: 'dev-status' }, time, h('span', { class: 'dev-gap' }), network, battery);
  const tick = () => (time.textContent = new Date().toTimeString().slice(0, 5));
  tick();
  setInterval(tick, 30_000);

  const back = button('‹', { class: 'dev-back', id: 'device-back', 'aria-label': 'Back' }, () => onButton('back'));
  const title = h('span', { class: 'dev-title', id: 'device-title' });
  const image = h('img', { class: 'dev-title-image', id: 'device-title-image', alt: '', hidden: true });
  const heading = button('', { class: 'dev-heading', 'aria-label': 'Title' }, () => onButton('titleClick'));
  heading.append(title, image);
  const menu = button('⋯', { class: 'dev-menu', id: 'device-menu', 'aria-label': 'Options' }, () => onButton('optionMenu'));
  const bar = h('div', { class: 'dev-bar', id: 'device-bar', role: 'banner' }, back, heading, menu);

  const frame = h('iframe', { id: 'device-app', name: DEVTOOLS_FRAME_NAME, title: 'Miniapp', src: appUrl });
  const note = h('div', { class: 'dev-note', id: 'device-note', hidden: true });
  const screen = h('div', { class: 'dev-screen' }, frame, note);
  const el = h('div', { class: 'device', id: 'device' }, status, bar, screen);
  const holder = h('div', { class: 'device-holder', id: 'device-holder' }, el);
  let size = { width: 390, height: 844 };
  let zoom: Zoom = 'fit';

  const fit = () => {
    const top = holder.getBoundingClientRect().top + window.scrollY;
    const scale = zoom === 'fit' ? fitScale(size.width, size.height, top, { width: window.innerWidth, height: window.innerHeight }) : 1;
    // CSSOM, not a style attribute: allowed under the page's strict CSP. The holder takes the scaled
    // size, so the layout around the device follows it.
    el.style.setProperty('transform', scale === 1 ? '' : `scale(${scale})`);
    holder.style.setProperty('width', `${(size.width + 2 * BEZEL) * scale}px`);
    holder.style.setProperty('height', `${(size.height + 2 * BEZEL) * scale}px`);
    holder.dataset['scale'] = String(Math.round(scale * 1000) / 1000);
  };
  window.addEventListener('resize', fit);

  return {
    el: holder,
    frame,
    setProfile(p, orientation = 'portrait') {
      el.dataset['profile'] = p.id;
      el.dataset['orientation'] = orientation;
      size = orientation === 'landscape' ? { width: p.height, height: p.width } : { width: p.width, height: p.height };
      el.style.setProperty('width', `${size.width}px`);
      el.style.setProperty('height', `${size.height}px`);
      fit();
    },
    setZoom(z) {
      zoom = z;
      holder.dataset['zoom'] = z;
      fit();
    },
    fit,
    setTitleBar(state, appName) {
      title.textContent = state ? state.title : appName;
      const img = state && safeImage(state.image) ? state.image : undefined;
      if (img) image.src = img;
      else image.removeAttribute('src');
      image.hidden = !img;
      title.hidden = !!img;
      const bg = state && safeColor(state.backgroundColor) ? state.backgroundColor.trim() : '';
      const line = bg || (state && safeColor(state.borderBottomColor) ? state.borderBottomColor.trim() : '');
      if (bg) bar.style.setProperty('background-color', bg);
      else bar.style.removeProperty('background-color');
      if (line) bar.style.setProperty('border-bottom-color', line);
      else bar.style.removeProperty('border-bottom-color');
      bar.classList.toggle('dark', !!bg && isDark(bg));
    },
    setLanguage(language) {
      el.setAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
      el.setAttribute('lang', language);
    },
    setStatus(net, b) {
      network.textContent = net === 'NOTREACHABLE' ? 'No service' : net;
      battery.textContent = `${b.isCharging ? '⚡' : ''}${b.level}%`;
    },
    setNote(text) {
      note.textContent = text ?? '';
      note.hidden = text === undefined;
    },
  };
}
