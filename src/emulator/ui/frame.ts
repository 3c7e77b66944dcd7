/**
 * The phone frame: a host element with an open shadow root holding the "EMULATOR" status strip,
 * the title bar and the screen where dialogs, sheets, toasts and the loading overlay appear.
 */
import type { TitleBarState } from './contract.js';
import { btn, h, lbl, safeColor, safeImage } from './dom.js';
import { applyStyles } from './styles.js';

export interface Frame {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly frame: HTMLElement;
  readonly screen: HTMLElement;
  setTitleBar(state: TitleBarState | 'reset'): void;
  /** Shows the frame if it was minimized. */
  expand(): void;
  /** Takes the frame off the page (and stops waiting for `<body>`). */
  remove(): void;
}

/** Whether a colour is dark enough to want white text (hex and rgb() only). */
export function isDark(c: string): boolean {
  let n: number[] = [];
  const hex = /^#([\da-f]{3,8})$/i.exec(c)?.[1];
  if (hex) {
    const full = hex.length < 6 ? hex.replace(/./g, '$&$&') : hex;
    n = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  } else if (/^rgb/i.test(c)) n = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const [r = 255, g = 255, b = 255] = n;
  return r * 0.299 + g * 0.587 + b * 0.114 < 140;
}

/**
 * The phone frame, in an open shadow root appended to `container` (in its flow), else to
 * `document.body` (fixed at the top right of the window) — once there is a body: a script in
 * `<head>` gets its frame when the body is parsed, and calls meanwhile wait in its dialogs.
 */
export function createFrame(container: HTMLElement | undefined, appName: string, device?: boolean): Frame {
  const host = document.createElement('superqi-emulator');
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root);

  const toggle = btn('minimize', '▾', '', () => frame.classList.toggle('min'));
  toggle.dataset.ka = 'minimize';
  const status = h('div', 'status', lbl('span', 'emulator', 'mark'), h('span', 'app', appName), toggle);

  const img = h('img');
  img.alt = '';
  img.hidden = true;
  const title = h('span', 'bar-title', appName);
  const bar = h('div', 'bar', img, title);
  bar.setAttribute('role', 'banner');

  const screen = h('div', 'screen', lbl('div', 'idle', 'idle'));
  const frame = h('div', 'frame', status, bar, screen);
  frame.dataset.emulator = '';
  if (container) frame.classList.add('inline');
  // The devtools' device is phone-wide: the small-screen rules already lay the frame over the whole
  // page; the devtools draws the host's status bar and title bar.
  if (device) status.hidden = bar.hidden = true;
  root.append(frame);
  const place = () => (container ?? document.body).append(host);
  const waiting = !container && !document.body;
  // No options object (`once`): it would read a page's Object.prototype.signal.
  const placeOnce = () => {
    document.removeEventListener('DOMContentLoaded', placeOnce);
    place();
  };
  if (waiting) document.addEventListener('DOMContentLoaded', placeOnce);
  else place();

  return {
    host,
    root,
    frame,
    screen,
    expand: () => frame.classList.remove('min'),
    remove() {
      if (waiting) document.removeEventListener('DOMContentLoaded', place);
      host.remove();
    },
    setTitleBar(state) {
      const s = state === 'reset' ? { title: title.textContent ?? '' } : state;
      title.textContent = typeof s.title === 'string' ? s.title : '';
      if (safeImage(s.image)) img.src = s.image;
      else img.removeAttribute('src');
      img.hidden = !safeImage(s.image);
      title.hidden = !img.hidden;
      const bg = safeColor(s.backgroundColor) ? s.backgroundColor.trim() : '';
      const line = bg || (safeColor(s.borderBottomColor) ? s.borderBottomColor.trim() : '');
      if (bg) bar.style.setProperty('background-color', bg);
      else bar.style.removeProperty('background-color');
      if (line) bar.style.setProperty('border-bottom-color', line);
      else bar.style.removeProperty('border-bottom-color');
      bar.classList.toggle('dark', !!bg && isDark(bg));
    },
  };
}
