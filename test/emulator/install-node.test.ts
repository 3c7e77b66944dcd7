// @vitest-environment node
/** install() in plain Node (no window): a typed refusal, with or without force, never a ReferenceError. */
import { describe, expect, it } from 'vitest';
import { EmulatorRefusedError, install, installed } from '../../src/emulator/index.js';

describe('install() without a window (Node, SSR)', () => {
  it.each([{}, { force: true }, { force: true, ui: 'auto' as const }])('throws EmulatorRefusedError for %j', (options) => {
    expect(typeof window).toBe('undefined');
    let thrown: unknown;
    try {
      install(options);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(EmulatorRefusedError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/there is no window here \(Node\/SSR\)/);
    expect(message).toMatch(/happy-dom, jsdom/);
    // force cannot help here, so the message does not suggest it
    expect(message).not.toMatch(/force: true/);
    expect(installed()).toBeUndefined();
  });
});
