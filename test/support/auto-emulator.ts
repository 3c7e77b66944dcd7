/**
 * Test helper: an emulator in auto mode on happy-dom's window, without the DOM UI.
 * `const em = setupAutoEmulator({ ... })` then call the library's wrappers (src/index.ts) as a page would.
 * Tear down with `teardownEmulator()` (afterEach).
 */
import { resetConfig } from '../../src/core/config.js';
import { resetTransport } from '../../src/core/transport.js';
import { createEmulator } from '../../src/emulator/engine.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/types.js';
import { createAutoUi } from '../../src/emulator/ui/auto-ui.js';
import type { EmulatorUi } from '../../src/emulator/ui/contract.js';

let current: Emulator | undefined;

export function setupAutoEmulator(options: EmulatorOptions = {}, ui: EmulatorUi = createAutoUi()): Emulator {
  teardownEmulator();
  const w = window as unknown as { AlipayJSBridge?: unknown };
  const em = createEmulator({ ui: 'auto', ...options }, ui, () => {
    if (w.AlipayJSBridge === em.bridge) delete w.AlipayJSBridge;
  });
  w.AlipayJSBridge = em.bridge;
  current = em;
  return em;
}

export function teardownEmulator(): void {
  current?.uninstall();
  current = undefined;
  delete (window as unknown as { my?: unknown }).my;
  resetTransport();
  resetConfig();
  try {
    localStorage.clear();
  } catch {
    // no storage
  }
}
