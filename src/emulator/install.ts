/** Installing and removing the emulator on `window`. */
import { READY_EVENT } from '../core/transport.js';
import { createEmulator, ownOptions } from './engine.js';
import { releaseFilesOf } from './files.js';
import { EmulatorRefusedError, refusalReason } from './guard.js';
import type { Emulator, EmulatorOptions } from './types.js';
import { createAutoUi } from './ui/auto-ui.js';
import type { EmulatorUi } from './ui/contract.js';
import { createDomUi } from './ui/dom-ui.js';
import { DEFAULT_PROFILE } from './defaults.js';
import { checkSandboxOptions } from './sandbox.js';
import { checkDevtoolsOption, inDevtools, linkDevtools } from './devtools-link.js';

/**
 * The installed emulator lives on `window` under a registry symbol, so every copy of the emulator on
 * the page (two script tags, a bundle and a script tag) sees the same one and replaces it, never a second.
 */
const SLOT = Symbol.for('superqi-bridge.emulator');
const slot = (): { [SLOT]?: Emulator } => globalThis as { [SLOT]?: Emulator };

/**
 * Installs the emulator: a fake `AlipayJSBridge` on `window` that answers every JSAPI as the docs say,
 * then fires `AlipayJSBridgeReady`. In `ui: 'dom'` mode (default where there is a `document.body`) a
 * phone frame with real dialogs appears; `ui: 'auto'` answers every question at once with its default.
 * Refuses (throws `EmulatorRefusedError`) inside a real host unless `force: true`, and where there is
 * no `window` (Node, SSR) even with it. Installing again
 * replaces the previous emulator.
 */
export function install(given: EmulatorOptions = {}): Emulator {
  // Own options only: an inherited `force` (a polluted Object.prototype) must not lift the guard; and
  // force skips the host guard, never the no-window check (Node/SSR): that is a clear refusal too.
  const options = ownOptions(given);
  const force = options.force && typeof window !== 'undefined';
  const reason = force ? undefined : refusalReason(slot()[SLOT]?.bridge);
  if (reason) throw new EmulatorRefusedError(reason);
  checkSandboxOptions(options); // before any UI is made
  checkDevtoolsOption(options);
  slot()[SLOT]?.uninstall();
  const w = window as unknown as { AlipayJSBridge?: unknown };
  // A script in <head> has no body yet: the page will have one, so it gets the dialogs (the frame
  // waits for <body>); only a document that has finished without a body answers on its own.
  const mode = options.ui ?? (document.body || document.readyState === 'loading' ? 'dom' : 'auto');
  // In the devtools' device the devtools draws the phone: dialogs cover the whole page.
  const device = inDevtools();
  const ui: EmulatorUi =
    mode === 'dom'
      ? createDomUi({
          container: device ? undefined : options.container,
          device,
          language: options.profile?.language ?? DEFAULT_PROFILE.language,
          appName: options.profile?.appName ?? DEFAULT_PROFILE.appName,
        })
      : createAutoUi();
  const emulator = createEmulator({ ...options, ui: mode }, ui, () => {
    if (slot()[SLOT] !== emulator) return;
    delete slot()[SLOT];
    unlink?.();
    ui.destroy();
    releaseFilesOf(emulator);
    if (w.AlipayJSBridge === emulator.bridge) delete w.AlipayJSBridge;
  });
  const unlink = window.parent !== window ? linkDevtools(emulator, options.devtools) : undefined;
  slot()[SLOT] = emulator;
  w.AlipayJSBridge = emulator.bridge;
  document.dispatchEvent(new Event(READY_EVENT));
  return emulator;
}

/** Removes the installed emulator, if any, and frees its temporary files. Stored data (storage, saved files) stays. */
export function uninstall(): void {
  slot()[SLOT]?.uninstall();
}

/** The installed emulator, if any (installed by this or another copy of the emulator on the page). */
export const installed = (): Emulator | undefined => slot()[SLOT];
