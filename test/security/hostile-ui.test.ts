/**
 * Hostile page strings through the whole stack in happy-dom: the wrappers, the emulator in dom mode,
 * its dialogs. Every API that shows page strings (and the fixtures it shows: contacts, places, the app
 * name) gets HTML/script payloads; nothing may be parsed as markup in the emulator's shadow root, the
 * literal text must be there, and each call must still end as the user answered. The same scenario
 * runs in real Chromium with a `window.__pwned` trap (test/browser/security.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { install, uninstall } from '../../src/emulator/index.js';
import type { DomUi } from '../../src/emulator/ui/dom-ui.js';
import { resetState } from '../support/fake-bridge.js';
import { expectInert, HOSTILE, runHostileUiScenario } from './hostile-ui-scenario.js';

afterEach(() => {
  uninstall();
  resetState();
  localStorage.clear();
  document.body.replaceChildren();
  delete (window as unknown as { __pwned?: unknown }).__pwned;
});

describe('hostile page strings through wrappers + emulator (dom mode), happy-dom', () => {
  it('every API that shows page strings renders them as text and still answers as the user chose', async () => {
    const T = HOSTILE.text;
    const em = install({
      ui: 'dom',
      appId: 'hostile',
      profile: { appName: T },
      fixtures: {
        contacts: [{ name: T, mobile: T }],
        places: [{ name: T, address: T, latitude: 33.3, longitude: 44.4 }],
      },
    });
    const root = (em.ui as DomUi).root;
    const steps = await runHostileUiScenario({ lib: lib as unknown as Record<string, (p?: unknown) => Promise<unknown>>, root }, HOSTILE);
    expectInert(steps);
    // the emulator's status strip shows the hostile app name as text too
    expect(root.querySelector('.app')!.textContent).toBe(T);
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
    // nothing leaked out of the shadow root into the page either
    expect(document.querySelectorAll('body script, body img, body svg, body iframe')).toHaveLength(0);
  });

  it('the probes are not blind: planted markup is reported, and a missing payload is not "literal"', async () => {
    const em = install({ ui: 'dom', appId: 'hostile' });
    const root = (em.ui as DomUi).root;
    const planted = document.createElement('div');
    planted.innerHTML = HOSTILE.text; // what a UI that used innerHTML would have produced
    root.querySelector('.screen')!.append(planted);
    const real = lib as unknown as Record<string, (p?: unknown) => Promise<unknown>>;
    const [withMarkup] = await runHostileUiScenario({ lib: real, root }, HOSTILE, ['alert']);
    expect(withMarkup!.injected).toEqual(expect.arrayContaining(['<script>', '<svg>', '<iframe>', 'img[onerror]', '<img src=x>']));
    planted.remove();
    // an alert that dropped the page's strings: not literal
    const dropping = { alert: (p?: unknown) => real['alert']!({ ...(p as object), title: 'other', content: 'other', buttonText: 'OK' }) };
    const [dropped] = await runHostileUiScenario({ lib: dropping, root }, HOSTILE, ['alert']);
    expect(dropped!.injected).toEqual([]);
    expect(dropped!.literal).toBe(false);
  });
});
