/**
 * The emulator's side of the devtools, in happy-dom: who may steer it (the `devtools` option), and
 * the outcomes the devtools sends as data, applied as overrides.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { devtoolsAllowed, outcomeHandler } from '../../src/emulator/devtools-link.js';
import { install, uninstall } from '../../src/emulator/index.js';
import { alert, confirm, getDeviceInfo, tradePay } from '../../src/index.js';

describe('devtoolsAllowed', () => {
  it('allows loopback origins (localhost, *.localhost, 127.0.0.0/8, [::1]) on any port by default, and nothing else', () => {
    for (const o of ['http://127.0.0.1:5173', 'http://localhost:3000', 'http://localhost', 'https://127.0.0.2:1', 'http://[::1]:8080', 'http://tools.localhost:4400']) expect(devtoolsAllowed(o, undefined)).toBe(true);
    for (const o of ['https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example:80', 'http://127.0.0.256', 'http://[::2]', 'null', 'file://', 'http://10.0.0.1:5173']) {
      expect(devtoolsAllowed(o, undefined)).toBe(false);
    }
  });

  it('allows exactly the listed origins when given, none with false', () => {
    expect(devtoolsAllowed('https://tools.example', 'https://tools.example')).toBe(true);
    expect(devtoolsAllowed('https://tools.example:8443', ['https://a.example', 'https://tools.example:8443'])).toBe(true);
    expect(devtoolsAllowed('http://127.0.0.1:5173', 'https://tools.example')).toBe(false);
    expect(devtoolsAllowed('http://127.0.0.1:5173', false)).toBe(false);
    expect(devtoolsAllowed('http://127.0.0.1:5173', [])).toBe(false);
  });
});

describe('the devtools install option', () => {
  afterEach(() => uninstall());

  it('a bad value is a TypeError naming the option, before anything is installed', () => {
    for (const bad of ['', '127.0.0.1:4400', 'http://127.0.0.1:4400/', 'http://127.0.0.1:4400/devtools', ['http://a.example', 42], true, 4400, {}]) {
      expect(() => install({ ui: 'auto', devtools: bad as string })).toThrow(/^install: option `devtools` must be false or the devtools page's origin\(s\)/);
      expect((window as { AlipayJSBridge?: unknown }).AlipayJSBridge).toBeUndefined();
    }
  });

  it('origins, a list of them, false and nothing are taken', () => {
    for (const ok of [undefined, false, 'http://127.0.0.1:4400', 'https://tools.example', ['https://a.example', 'http://localhost:1'], []] as const) {
      expect(() => install({ ui: 'auto', devtools: ok })).not.toThrow();
    }
  });
});

describe('outcomes as data', () => {
  afterEach(() => uninstall());

  it('answers a fixed answer, the default with auto answers, or the default after a delay', async () => {
    const emulator = install({ ui: 'auto' });
    emulator.use('tradePay', outcomeHandler('tradePay', { kind: 'answer', answer: { resultCode: '4000' } }));
    expect((await tradePay({ paymentUrl: 'https://cashier.example/pay?orderId=1' }).catch((e: { resultCode: string }) => e)).resultCode).toBe('4000');
    emulator.use('confirm', outcomeHandler('confirm', { kind: 'auto' }));
    expect((await confirm({ content: 'x' })).confirm).toBe(true);
    emulator.use('getDeviceInfo', outcomeHandler('getDeviceInfo', { kind: 'delay', ms: 1 }));
    expect((await getDeviceInfo()).currentRole).toBe('customer');
  });

  it('never answers with `never` (the call times out)', async () => {
    const emulator = install({ ui: 'auto' });
    emulator.use('alert', outcomeHandler('alert', { kind: 'never' }));
    await expect(alert({ content: 'x' }, { timeout: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});
