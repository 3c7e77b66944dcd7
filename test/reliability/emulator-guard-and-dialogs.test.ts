/**
 * The emulator's guard and its dialogs against a page that gives up calls (issue 11, items 9 and 10):
 *
 * - the guard classifies the user agent as `getEnvironment()` does (an Alipay-family host such as
 *   "MiniProgram Nebula AlipayConnect" is a host), and any bridge that is not the installed
 *   emulator's is a host's, even one carrying the public `__superqiEmulator` mark;
 * - aborting (or timing out) a call whose DOM dialog is open takes the dialog off the screen, so
 *   later dialogs do not stack on it; a call aborted before its dialog opens opens none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { alert, confirm, getEnvironment, isAbortedError, isTimeoutError, showActionSheet } from '../../src/index.js';
import { EmulatorRefusedError, install, installed, uninstall } from '../../src/emulator/index.js';
import type { DomUi } from '../../src/emulator/ui/dom-ui.js';
import { rejection, resetState, setUserAgent, tick } from '../support/fake-bridge.js';

afterEach(() => {
  uninstall();
  resetState();
  document.body.innerHTML = '';
});

describe('one classification for the guard and getEnvironment()', () => {
  it.each([
    'Mozilla/5.0 (Linux; Android 14) MiniProgram Nebula AlipayConnect',
    'Mozilla/5.0 AlipayClient/10.5.0',
    'Mozilla/5.0 AliApp(AP/10.5.0)',
    'Mozilla/5.0 Griver/2.0',
    'Mozilla/5.0 SuperQi/1.30.0',
  ])('%s: getEnvironment() says host, and the emulator refuses', (ua) => {
    setUserAgent(ua);
    expect(getEnvironment().host).not.toBe('browser');
    expect(() => install({ ui: 'auto' })).toThrow(EmulatorRefusedError);
    expect(installed()).toBeUndefined();
  });

  it('a plain browser user agent: browser, and the emulator installs', () => {
    setUserAgent('Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0');
    expect(getEnvironment().host).toBe('browser');
    expect(install({ ui: 'auto' })).toBe(installed());
  });
});

describe('a bridge with the public emulator mark is not the emulator', () => {
  it('the guard refuses over a marked bridge the emulator did not install', () => {
    const host = { __superqiEmulator: true, call() {} };
    (window as unknown as { AlipayJSBridge: unknown }).AlipayJSBridge = host;
    expect(() => install({ ui: 'auto' })).toThrow(/real AlipayJSBridge is present/);
    expect((window as unknown as { AlipayJSBridge: unknown }).AlipayJSBridge).toBe(host);
    delete (window as unknown as { AlipayJSBridge?: unknown }).AlipayJSBridge;
  });

  it('installing again over its own bridge replaces it', () => {
    const first = install({ ui: 'auto' });
    const second = install({ ui: 'auto' });
    expect(second).not.toBe(first);
    expect(installed()).toBe(second);
  });
});

/** Dialogs on the emulator's screen. */
const dialogs = (): Element[] => [...(installed()!.ui as DomUi).root.querySelectorAll('[data-dialog]')];

describe('giving up a call takes its dialog away', () => {
  it('abort: the dialog goes; the next dialog is the only one on screen', async () => {
    install({ ui: 'dom' });
    const c = new AbortController();
    const p = confirm({ title: 'Pay?', content: 'first' }, { signal: c.signal });
    await tick(20);
    expect(dialogs().map((d) => d.getAttribute('data-dialog'))).toEqual(['confirm']);
    c.abort();
    expect(isAbortedError(await rejection(p))).toBe(true);
    await tick(20);
    expect(dialogs()).toEqual([]);
    void alert({ content: 'second' });
    await tick(20);
    expect(dialogs().map((d) => d.getAttribute('data-dialog'))).toEqual(['alert']);
  });

  it('timeout: the dialog goes too', async () => {
    install({ ui: 'dom' });
    const p = showActionSheet({ items: ['a', 'b'] }, { timeout: 50 });
    await tick(20);
    expect(dialogs()).toHaveLength(1);
    expect(isTimeoutError(await rejection(p))).toBe(true);
    await tick(20);
    expect(dialogs()).toEqual([]);
  });

  it('a call aborted before its dialog opened opens none', async () => {
    const em = install({ ui: 'dom' });
    em.setLatency(60);
    const c = new AbortController();
    const p = confirm({ content: 'late' }, { signal: c.signal });
    await tick(10);
    c.abort();
    await rejection(p);
    await tick(100);
    expect(dialogs()).toEqual([]);
  });

  it('other calls keep their dialogs', async () => {
    install({ ui: 'dom' });
    const c = new AbortController();
    const kept = confirm({ content: 'kept' });
    const gone = confirm({ content: 'gone' }, { signal: c.signal });
    await tick(20);
    expect(dialogs()).toHaveLength(2);
    c.abort();
    await rejection(gone);
    await tick(20);
    expect(dialogs()).toHaveLength(1);
    expect(dialogs()[0]!.textContent).toContain('kept');
    uninstall();
    await kept;
  });
});
