/**
 * Test helper: an emulator in auto mode on happy-dom's window, without the DOM UI.
 * `const em = setupAutoEmulator({ ... })` then call the library's wrappers (src/index.ts) as a page would.
 * Tear down with `teardownEmulator()` (afterEach).
 */
import { expect } from 'vitest';
import { resetConfig } from '../../src/core/config.js';
import { isHostError, type HostError } from '../../src/errors/index.js';
import { resetTransport } from '../../src/core/transport.js';
import { createEmulator } from '../../src/emulator/engine.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/types.js';
import { createAutoUi } from '../../src/emulator/ui/auto-ui.js';
import type { EmulatorUi } from '../../src/emulator/ui/contract.js';

let current: Emulator | undefined;

export function setupAutoEmulator(options: EmulatorOptions = {}, ui: EmulatorUi = createAutoUi()): Emulator {
  removeEmulator(); // navigator stubs made before setup stay
  const w = window as unknown as { AlipayJSBridge?: unknown };
  const em = createEmulator({ ui: 'auto', ...options }, ui, () => {
    if (w.AlipayJSBridge === em.bridge) delete w.AlipayJSBridge;
  });
  w.AlipayJSBridge = em.bridge;
  current = em;
  return em;
}

/** Own properties put on `navigator` to hide happy-dom's (clipboard, getBattery, geolocation…); removed by teardownEmulator. */
const stubbedNavigator: string[] = [];
export function stubNavigator(key: string, value: unknown): void {
  Object.defineProperty(navigator, key, { value, configurable: true, writable: true });
  stubbedNavigator.push(key);
}

export function teardownEmulator(): void {
  for (const k of stubbedNavigator.splice(0)) delete (navigator as unknown as Record<string, unknown>)[k];
  removeEmulator();
}

function removeEmulator(): void {
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

/** The rejection of `p`; fails the test when it resolves or rejects with a non-Error. */
export async function rejection(p: Promise<unknown>): Promise<HostError> {
  const outcome = await p.then(
    (v) => ({ resolvedWith: v }),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(Error);
  return outcome as HostError;
}

/** The rejection of `p`, which must be a failure the host reported (`isHostError`). */
export async function hostRejection(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isHostError(e)).toBe(true);
  return e as HostError;
}

/** What the host's callback receives for a raw `AlipayJSBridge.call` on `em` (or the installed bridge). */
export const rawCall = (em: Emulator | undefined, name: string, params: object = {}): Promise<Record<string, unknown>> =>
  new Promise((resolve) => {
    const bridge = em?.bridge ?? (window as unknown as { AlipayJSBridge: Emulator['bridge'] }).AlipayJSBridge;
    bridge.call(name, params, (r) => resolve(r as Record<string, unknown>));
  });

/** An auto UI with some answers replaced. */
export const autoUiWith = (changes: Partial<EmulatorUi> = {}): EmulatorUi => ({ ...createAutoUi(), ...changes });
