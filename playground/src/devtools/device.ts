/**
 * The device the devtools draws around the miniapp: a phone-sized screen (iPhone 390×844 or Android
 * 360×800, portrait) with the host's status bar (time, emulated network type, battery), its title bar
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
  readonly id: 'iphone' | 'android';
  readonly label: string;
  readonly width: number;
  readonly height: number;
  /** What getSystemInfo / getDeviceInfo say about it. */
  readonly device: HostProfile['device'];
}

export const DEVICE_PROFILES: readonly DeviceProfile[] = [
  { id: 'iphone', label: 'iPhone (390×844)', width: 390, height: 844, device: { platform: 'iOS', system: '17.5', model: 'iPhone 15', brand: 'Apple' } },
  { id: 'android', label: 'Android (360×800)', width: 360, height: 800, device: { platform: 'Android', system: '14', model: 'SM-S921B', brand: 'samsung' } },
];

export interface Device {
  readonly el: HTMLElement;
  readonly frame: HTMLIFrameElement;
  setProfile(profile: DeviceProfile): void;
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

  return {
    el,
    frame,
    setProfile(p) {
      el.dataset['profile'] = p.id;
      // CSSOM, not a style attribute: allowed under the page's strict CSP.
      el.style.setProperty('width', `${p.width}px`);
      el.style.setProperty('height', `${p.height}px`);
    },
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
