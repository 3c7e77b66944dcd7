/** Host detection (bridge, emulator mark, UA tokens, override), canIUse and isSupported. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  API_NAMES,
  canIUse,
  configure,
  createMy,
  getEnvironment,
  getStorage,
  installShim,
  isSupported,
  isSuperQi,
  qicardSignContract,
  UnsupportedError,
} from '../../src/index.js';
import { installFakeBridge, resetState, setUserAgent } from '../support/fake-bridge.js';

afterEach(resetState);

const w = window as unknown as { my?: unknown };

describe('getEnvironment / isSuperQi', () => {
  it('a plain browser: no bridge, happy-dom UA', () => {
    expect(navigator.userAgent).toContain('HappyDOM');
    expect(getEnvironment()).toEqual({
      host: 'browser',
      bridge: false,
      emulated: false,
      foreignMy: false,
      hostVersion: undefined,
      overridden: false,
    });
    expect(isSuperQi()).toBe(false);
  });

  it('with a bridge: superqi', () => {
    installFakeBridge();
    expect(getEnvironment()).toMatchObject({ host: 'superqi', bridge: true, emulated: false });
    expect(isSuperQi()).toBe(true);
  });

  it('late injection is seen (nothing cached)', () => {
    expect(isSuperQi()).toBe(false);
    const fake = installFakeBridge();
    expect(isSuperQi()).toBe(true);
    fake.uninstall();
    expect(isSuperQi()).toBe(false);
  });

  it('the emulator mark: emulated superqi', () => {
    installFakeBridge({ props: { __superqiEmulator: true } });
    expect(getEnvironment()).toMatchObject({ host: 'superqi', bridge: true, emulated: true });
    expect(isSuperQi()).toBe(true);
  });

  it('the emulator mark wins over an Alipay UA', () => {
    setUserAgent('Mozilla/5.0 AlipayClient/10.5.0');
    installFakeBridge({ props: { __superqiEmulator: 1 } });
    expect(getEnvironment().host).toBe('superqi');
  });

  it.each([
    ['Mozilla/5.0 (Linux; Android 14) SuperQi/1.20.0', '1.20.0'],
    ['Mozilla/5.0 (iPhone) QiCard/2.1', '2.1'],
    ['Mozilla/5.0 QiServices/3', '3'],
    ['Mozilla/5.0 superqi', undefined],
    ['Mozilla/5.0 AlipayClient/10.5.0 SuperQi/1.24.6 Griver', '1.24.6'],
  ])('UA %s → superqi, version %s, even without a bridge', (ua, version) => {
    setUserAgent(ua);
    expect(getEnvironment()).toMatchObject({ host: 'superqi', bridge: false, hostVersion: version });
    expect(isSuperQi()).toBe(true);
  });

  it.each([
    'Mozilla/5.0 (Linux; Android 14) AlipayClient/10.5.0',
    'Mozilla/5.0 AliApp(AP/10.5.0)',
    'Mozilla/5.0 MiniProgram',
    'Mozilla/5.0 Griver/1.0',
  ])('UA %s → alipay-family, with or without a bridge', (ua) => {
    setUserAgent(ua);
    expect(getEnvironment().host).toBe('alipay-family');
    installFakeBridge();
    expect(getEnvironment()).toMatchObject({ host: 'alipay-family', bridge: true });
    expect(isSuperQi()).toBe(false);
  });

  it('words that merely contain a token are not taken for it', () => {
    setUserAgent('Mozilla/5.0 NotSuperQiReally');
    expect(getEnvironment().host).toBe('browser');
  });

  it('configure({ environment }) overrides detection both ways', () => {
    configure({ environment: 'superqi' });
    expect(getEnvironment()).toMatchObject({ host: 'superqi', bridge: false, overridden: true });
    expect(isSuperQi()).toBe(true);
    installFakeBridge();
    configure({ environment: 'browser' });
    expect(getEnvironment()).toMatchObject({ host: 'browser', bridge: true, overridden: true });
    expect(isSuperQi()).toBe(false);
    configure({ environment: undefined });
    expect(getEnvironment()).toMatchObject({ host: 'superqi', overridden: false });
  });

  it('foreignMy: a page my is foreign, the shim is not', () => {
    installShim();
    expect(getEnvironment().foreignMy).toBe(false);
    w.my = {};
    expect(getEnvironment().foreignMy).toBe(true);
    w.my = createMy();
    expect(getEnvironment().foreignMy).toBe(false);
  });
});

describe('canIUse', () => {
  it('true for every table API', () => {
    for (const name of API_NAMES) expect(canIUse(name), name).toBe(true);
  });

  it.each(['noSuchApi', '', 'startApp', 'toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])(
    'false for the unknown name %j',
    (name) => {
      expect(canIUse(name)).toBe(false);
    },
  );

  it('false after the host answered error 1 for that API, and only that one', async () => {
    installFakeBridge({ handlers: { getStorage: { error: 1, errorMessage: 'API not found' } } });
    await expect(getStorage({ key: 'k' })).rejects.toBeInstanceOf(UnsupportedError);
    expect(canIUse('getStorage')).toBe(false);
    expect(canIUse('setStorage')).toBe(true);
  });

  it('other host errors do not make an API unusable', async () => {
    installFakeBridge({ handlers: { getStorage: { error: 3 } } });
    await getStorage({ key: 'k' }).catch(() => {});
    expect(canIUse('getStorage')).toBe(true);
  });

  it('a foreign my.canIUse answer wins, both ways', () => {
    const foreign = vi.fn((n: string) => n === 'startApp');
    w.my = { canIUse: foreign };
    expect(canIUse('startApp')).toBe(true);
    expect(canIUse('showToast')).toBe(false);
    expect(foreign).toHaveBeenCalledWith('showToast');
  });

  it('a foreign my.canIUse that throws falls back to the table', () => {
    w.my = {
      canIUse: () => {
        throw new Error('bad');
      },
    };
    expect(canIUse('showToast')).toBe(true);
    expect(canIUse('noSuchApi')).toBe(false);
  });

  it('a foreign my.canIUse with a truthy non-boolean answer gives a boolean', () => {
    w.my = { canIUse: () => 1 };
    expect(canIUse('x')).toBe(true);
  });

  describe('since (qicardSignContract needs 1.24.6)', () => {
    it.each([
      ['SuperQi/1.20.0', false],
      ['SuperQi/1.24.5', false],
      ['SuperQi/1.24', false],
      ['SuperQi/1.24.6', true],
      ['SuperQi/1.24.10', true],
      ['SuperQi/1.25', true],
      ['SuperQi/2.0.0', true],
      ['SuperQi', true], // no version: cannot tell, so yes
    ])('%s → %s', (ua, expected) => {
      setUserAgent(`Mozilla/5.0 ${ua}`);
      expect(canIUse('qicardSignContract')).toBe(expected);
      expect(canIUse('getAuthCode')).toBe(true); // no since
    });

    it('without a version in the UA it is usable', () => {
      expect(canIUse('qicardSignContract')).toBe(true);
    });

    it('the call itself is not refused on an older version (the host decides)', async () => {
      setUserAgent('Mozilla/5.0 SuperQi/1.20.0');
      const fake = installFakeBridge({ handlers: { qicardSignContract: { authCode: 'a' } } });
      await expect(qicardSignContract({ authUrl: 'u' })).resolves.toEqual({ authCode: 'a' });
      expect(fake.calls).toHaveLength(1);
    });
  });
});

describe('isSupported', () => {
  it("asks the host's canIUse JSAPI: true", async () => {
    const fake = installFakeBridge({ handlers: { canIUse: { canIUse: true } } });
    await expect(isSupported('startApp')).resolves.toBe(true);
    expect(fake.calls).toEqual([{ name: 'canIUse', params: { name: 'startApp' }, callback: expect.any(Function) }]);
  });

  it("asks the host's canIUse JSAPI: false, and canIUse() remembers it", async () => {
    installFakeBridge({ handlers: { canIUse: { canIUse: false } } });
    await expect(isSupported('scan')).resolves.toBe(false);
    expect(canIUse('scan')).toBe(false);
  });

  it('a host without canIUse (error 1) falls back to canIUse()', async () => {
    installFakeBridge({ handlers: { canIUse: { error: 1 } } });
    await expect(isSupported('scan')).resolves.toBe(true);
    await expect(isSupported('noSuchApi')).resolves.toBe(false);
  });

  it('a non-boolean answer falls back to canIUse()', async () => {
    installFakeBridge({ handlers: { canIUse: { canIUse: 'yes' } } });
    await expect(isSupported('scan')).resolves.toBe(true);
    await expect(isSupported('noSuchApi')).resolves.toBe(false);
  });

  it('a name that is not a string is false, and the host is not asked', async () => {
    const fake = installFakeBridge({ handlers: { canIUse: { canIUse: true } } });
    for (const bad of [undefined, null, 5, {}, ['scan']]) await expect(isSupported(bad as unknown as string)).resolves.toBe(false);
    expect(fake.calls).toEqual([]);
  });

  it('other failures fall back as well', async () => {
    installFakeBridge({ handlers: { canIUse: () => 'garbage' } });
    await expect(isSupported('vibrate')).resolves.toBe(true);
  });

  it('no host: false after readyTimeout', async () => {
    vi.useFakeTimers();
    configure({ readyTimeout: 30 });
    const r = isSupported('scan');
    await vi.advanceTimersByTimeAsync(30);
    await expect(r).resolves.toBe(false);
  });

  it('waits for a late bridge', async () => {
    const r = isSupported('scan');
    installFakeBridge({ handlers: { canIUse: { canIUse: true } }, fireReady: true });
    await expect(r).resolves.toBe(true);
  });

  it('a foreign my.canIUse answers without asking the host', async () => {
    const fake = installFakeBridge({ handlers: { canIUse: { canIUse: true } } });
    w.my = { canIUse: (n: string) => n === 'scan' };
    await expect(isSupported('scan')).resolves.toBe(true);
    await expect(isSupported('vibrate')).resolves.toBe(false);
    expect(fake.calls).toEqual([]);
  });
});
