/**
 * Starts the emulated host the way a user's page would: the emulator from `superqi-bridge/emulator`
 * (here: src, bundled) installed into the phone container beside the controls, then the `window.my`
 * shim — so the `my.*` snippets also run in the browser console.
 */
import * as superqi from '../../src/index.js';
import { install, type Emulator } from '../../src/emulator/index.js';
import { h } from './dom.js';

/** `'dom'` (the phone frame with real dialogs, default) or `'auto'` (`?ui=auto`: every question answered at once). */
export type Mode = 'dom' | 'auto';

/** The mode the URL asks for. */
export const modeFromUrl = (): Mode => (new URLSearchParams(location.search).get('ui') === 'auto' ? 'auto' : 'dom');

/** The miniapp id the playground's storage and saved files live under. */
export const APP_ID = 'superqi-playground';

/** Installs emulator (linked to the sandbox wallet at `sandbox`, when given) and shim; exposes them on `window` for the console. */
export function startHost(phone: HTMLElement, mode: Mode, sandbox?: string): Emulator {
  const emulator = install({
    ui: mode,
    appId: APP_ID,
    profile: { appName: 'Playground' },
    ...(mode === 'dom' ? { container: phone } : {}),
    ...(sandbox ? { sandbox } : {}),
  });
  superqi.installShim();
  if (mode === 'auto') {
    phone.classList.add('auto');
    phone.append(
      h(
        'div',
        { class: 'auto-note' },
        h('strong', {}, 'Auto mode'),
        h('p', {}, 'No phone frame: every question the host would ask is answered at once with its documented default (alert OK, confirm true, cashier Pay…) — what CI uses.'),
        h('a', { href: '?ui=dom' + location.hash }, 'Switch to the phone frame'),
      ),
    );
  }
  const w = window as unknown as { emulator?: Emulator; superqi?: typeof superqi };
  w.emulator = emulator;
  w.superqi = superqi;
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[data-mode]'))) {
    a.classList.toggle('on', a.dataset['mode'] === mode);
  }
  return emulator;
}

/** Marks the page ready (tests and the load-time measure wait for it). */
export function markReady(): void {
  document.documentElement.dataset['ready'] = 'true';
  document.documentElement.dataset['readyMs'] = String(Math.round(performance.now()));
}
