/**
 * The emulator's default answers for the Device APIs, through the library's wrappers, with the
 * browser's device APIs present, refusing, hanging or missing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addPhoneContact,
  getBatteryInfo,
  getClipboard,
  getNetworkType,
  getScreenBrightness,
  getSystemInfo,
  HostError,
  InvalidParamsError,
  makePhoneCall,
  scan,
  setClipboard,
  setScreenBrightness,
  UserCancelledError,
  vibrate,
} from '../../src/index.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';
import { createAutoUi } from '../../src/emulator/ui/auto-ui.js';
import type { EmulatorUi } from '../../src/emulator/ui/contract.js';
import { rawCall as raw, rejection, setupAutoEmulator, stubNavigator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(() => {
  teardownEmulator();
  vi.useRealTimers();
});

const setup = (options: EmulatorOptions = {}, changes: Partial<EmulatorUi> = {}) =>
  setupAutoEmulator(options, { ...createAutoUi(), ...changes });

describe('getSystemInfo', () => {
  const TYPES: Record<string, string> = {
    model: 'string',
    pixelRatio: 'number',
    windowWidth: 'number',
    windowHeight: 'number',
    language: 'string',
    version: 'string',
    storage: 'string',
    currentBattery: 'string',
    system: 'string',
    platform: 'string',
    titleBarHeight: 'string',
    statusBarHeight: 'string',
    screenWidth: 'number',
    screenHeight: 'number',
    brand: 'string',
    fontSizeSetting: 'number',
    app: 'string',
    safeArea: 'object',
  };

  it('answers every documented field with the documented type', async () => {
    setup();
    const info = await getSystemInfo();
    expect(Object.keys(info).sort()).toEqual(Object.keys(TYPES).sort());
    for (const [k, t] of Object.entries(TYPES)) expect(typeof (info as unknown as Record<string, unknown>)[k], k).toBe(t);
    for (const k of ['titleBarHeight', 'statusBarHeight']) expect((info as unknown as Record<string, string>)[k]).toMatch(/^\d+$/);
    expect(info.safeArea).toEqual({
      top: expect.any(Number),
      left: expect.any(Number),
      right: expect.any(Number),
      bottom: expect.any(Number),
      width: expect.any(Number),
      height: expect.any(Number),
    });
    expect(info.safeArea.width).toBe(info.safeArea.right - info.safeArea.left);
    expect(info.safeArea.height).toBe(info.safeArea.bottom - info.safeArea.top);
  });

  it('reads the real window and the profile', async () => {
    setup();
    await expect(getSystemInfo()).resolves.toMatchObject({
      model: 'HONOR_PGT-AN00',
      brand: 'HONOR',
      platform: 'Android',
      system: 'Android 15',
      version: '1.30.0',
      language: 'en-US',
      app: 'SuperQi',
      windowWidth: window.innerWidth,
      windowHeight: window.innerHeight,
      screenWidth: window.screen.width,
      screenHeight: window.screen.height,
      pixelRatio: window.devicePixelRatio,
      currentBattery: '80%',
      titleBarHeight: '48',
      statusBarHeight: '24',
    });
  });

  it('follows the profile (iOS, Arabic, version)', async () => {
    setup({ profile: { version: '1.31.2', language: 'ar', device: { platform: 'iOS', system: 'iOS 17', model: 'iPhone15,2', brand: 'Apple' } } });
    const info = await getSystemInfo();
    expect(info).toMatchObject({ platform: 'iOS', system: 'iOS 17', model: 'iPhone15,2', brand: 'Apple', version: '1.31.2', language: 'ar-IQ', statusBarHeight: '44' });
    expect(info.safeArea.bottom).toBe(window.screen.height - 34);
  });

  it('currentBattery comes from the Battery API when present, else the fixture', async () => {
    setup({ fixtures: { battery: { level: 12, isCharging: false } } });
    expect((await getSystemInfo()).currentBattery).toBe('12%');
    stubNavigator('getBattery', async () => ({ level: 0.57, charging: false }));
    expect((await getSystemInfo()).currentBattery).toBe('57%');
  });
});

describe('getNetworkType', () => {
  it('a desktop browser without connection information is WIFI', async () => {
    setup();
    await expect(getNetworkType()).resolves.toEqual({ networkAvailable: true, networkType: 'WIFI' });
  });

  it('offline → NOTREACHABLE, not available', async () => {
    stubNavigator('onLine', false);
    setup();
    await expect(getNetworkType()).resolves.toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });
  });

  it.each([
    [{ effectiveType: '4g' }, '4G'],
    [{ effectiveType: '3g' }, '3G'],
    [{ effectiveType: '2g' }, '2G'],
    [{ effectiveType: 'slow-2g' }, '2G'],
    [{ type: 'cellular', effectiveType: '3g' }, '3G'],
    [{ type: 'wifi', effectiveType: '4g' }, 'WIFI'],
    [{ type: 'ethernet' }, 'WIFI'],
    [{ type: 'bluetooth' }, 'UNKNOWN'],
    [{ type: 'unknown' }, 'UNKNOWN'],
  ])('connection %o → %s', async (connection, networkType) => {
    stubNavigator('connection', connection);
    setup();
    await expect(getNetworkType()).resolves.toEqual({ networkAvailable: true, networkType });
  });

  it('connection type none → NOTREACHABLE', async () => {
    stubNavigator('connection', { type: 'none' });
    setup();
    await expect(getNetworkType()).resolves.toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });
  });

  it('the offline preset says NOTREACHABLE', async () => {
    setup({ presets: ['offline'] });
    await expect(getNetworkType()).resolves.toEqual({ networkAvailable: false, networkType: 'NOTREACHABLE' });
  });
});

describe('getClipboard / setClipboard', () => {
  it('round-trips through the browser clipboard', async () => {
    setup();
    await expect(setClipboard({ text: 'copy content' })).resolves.toEqual({});
    await expect(navigator.clipboard.readText()).resolves.toBe('copy content');
    await expect(getClipboard()).resolves.toEqual({ text: 'copy content' });
  });

  it('reads what the system clipboard holds', async () => {
    setup();
    await navigator.clipboard.writeText('from another app');
    await expect(getClipboard()).resolves.toEqual({ text: 'from another app' });
  });

  it('falls back to its own clipboard, seeded from fixtures, when the browser refuses', async () => {
    stubNavigator('clipboard', {
      readText: () => Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError')),
      writeText: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')),
    });
    setup({ fixtures: { clipboard: 'seeded' } });
    await expect(getClipboard()).resolves.toEqual({ text: 'seeded' });
    await expect(setClipboard({ text: 'mine' })).resolves.toEqual({});
    await expect(getClipboard()).resolves.toEqual({ text: 'mine' });
  });

  it('falls back when the browser has no clipboard or its methods throw', async () => {
    stubNavigator('clipboard', undefined);
    setup({ fixtures: { clipboard: 'no api' } });
    await expect(getClipboard()).resolves.toEqual({ text: 'no api' });
    await setClipboard({ text: 'kept' });
    await expect(getClipboard()).resolves.toEqual({ text: 'kept' });
    stubNavigator('clipboard', {
      readText: () => {
        throw new TypeError('boom');
      },
      writeText: () => {
        throw new TypeError('boom');
      },
    });
    await expect(setClipboard({ text: 'still kept' })).resolves.toEqual({});
    await expect(getClipboard()).resolves.toEqual({ text: 'still kept' });
  });

  it('never hangs when the browser clipboard never settles (a permission prompt nobody answers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stubNavigator('clipboard', { readText: () => new Promise(() => {}), writeText: () => new Promise(() => {}) });
    setup({ fixtures: { clipboard: 'fallback' } });
    const read = getClipboard();
    await vi.advanceTimersByTimeAsync(5000);
    await expect(read).resolves.toEqual({ text: 'fallback' });
    const write = setClipboard({ text: 'x' });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(write).resolves.toEqual({});
  });

  it('the fallback clipboard is per emulator', async () => {
    stubNavigator('clipboard', undefined);
    setup();
    await setClipboard({ text: 'one' });
    setup({ fixtures: { clipboard: 'two' } });
    await expect(getClipboard()).resolves.toEqual({ text: 'two' });
  });

  it('an empty string is valid text', async () => {
    stubNavigator('clipboard', undefined);
    setup({ fixtures: { clipboard: 'x' } });
    await expect(setClipboard({ text: '' })).resolves.toEqual({});
    await expect(getClipboard()).resolves.toEqual({ text: '' });
  });

  it('text is required: the library refuses; a raw call with a number gets 2', async () => {
    const em = setup();
    await expect(setClipboard({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(setClipboard({ text: 5 } as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(raw(em, 'setClipboard', { text: 5 })).resolves.toMatchObject({ error: 2 });
    await expect(raw(em, 'setClipboard')).resolves.toMatchObject({ error: 2 });
  });
});

describe('getBatteryInfo', () => {
  it('answers the fixture without a Battery API', async () => {
    setup();
    await expect(getBatteryInfo()).resolves.toEqual({ level: 80, isCharging: false });
  });

  it('answers custom fixtures, as a whole number 0–100', async () => {
    setup({ fixtures: { battery: { level: 33.6, isCharging: true } } });
    await expect(getBatteryInfo()).resolves.toEqual({ level: 34, isCharging: true });
    setup({ fixtures: { battery: { level: 140, isCharging: false } } });
    await expect(getBatteryInfo()).resolves.toEqual({ level: 100, isCharging: false });
  });

  it('reads navigator.getBattery() when present', async () => {
    stubNavigator('getBattery', async () => ({ level: 0.42, charging: true }));
    setup();
    await expect(getBatteryInfo()).resolves.toEqual({ level: 42, isCharging: true });
  });

  it('falls back to the fixture when getBattery rejects', async () => {
    stubNavigator('getBattery', () => Promise.reject(new Error('not allowed')));
    setup();
    await expect(getBatteryInfo()).resolves.toEqual({ level: 80, isCharging: false });
  });
});

describe('getScreenBrightness / setScreenBrightness', () => {
  it('starts at 0.5 and keeps what is set', async () => {
    setup();
    await expect(getScreenBrightness()).resolves.toEqual({ brightness: 0.5 });
    await expect(setScreenBrightness({ brightness: 0.8 })).resolves.toEqual({});
    await expect(getScreenBrightness()).resolves.toEqual({ brightness: 0.8 });
    await setScreenBrightness({ brightness: 0 });
    await expect(getScreenBrightness()).resolves.toEqual({ brightness: 0 });
    await setScreenBrightness({ brightness: 1 });
    await expect(getScreenBrightness()).resolves.toEqual({ brightness: 1 });
  });

  it('is per emulator', async () => {
    setup();
    await setScreenBrightness({ brightness: 0.1 });
    setup();
    await expect(getScreenBrightness()).resolves.toEqual({ brightness: 0.5 });
  });

  it.each([1.5, -0.1, 2])('%s is outside 0–1: 2', async (brightness) => {
    setup();
    const e = await rejection(setScreenBrightness({ brightness }));
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(2);
    expect(e.errorMessage).toMatch(/between 0 and 1/);
    await expect(getScreenBrightness()).resolves.toEqual({ brightness: 0.5 });
  });

  it('missing or not a number: the library refuses; a raw call gets 2', async () => {
    const em = setup();
    await expect(setScreenBrightness({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(setScreenBrightness({ brightness: '0.5' } as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(raw(em, 'setScreenBrightness', { brightness: '0.5' })).resolves.toMatchObject({ error: 2 });
    await expect(raw(em, 'setScreenBrightness')).resolves.toMatchObject({ error: 2 });
  });
});

describe('addPhoneContact', () => {
  it('saved → { success: true }; the form gets the string fields', async () => {
    const ui = vi.fn(async () => true);
    const em = setup({}, { addPhoneContact: ui });
    await expect(addPhoneContact({ nickName: 'Baking July', firstName: 'First', mobilePhoneNumber: '13000000000' })).resolves.toEqual({ success: true });
    expect(ui).toHaveBeenCalledWith({ nickName: 'Baking July', firstName: 'First', mobilePhoneNumber: '13000000000' });
    await raw(em, 'addPhoneContact', { firstName: 'A', lastName: 7, unknown: 'x' });
    expect(ui).toHaveBeenLastCalledWith({ firstName: 'A' });
  });

  it('no fields opens an empty form', async () => {
    const ui = vi.fn(async () => true);
    setup({}, { addPhoneContact: ui });
    await expect(addPhoneContact()).resolves.toEqual({ success: true });
    expect(ui).toHaveBeenCalledWith({});
  });

  it('cancel → 11 (UserCancelledError)', async () => {
    setup({}, { addPhoneContact: async () => false });
    const e = await rejection(addPhoneContact({ firstName: 'x' }));
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(11);
    expect(e.errorMessage).toBe('User cancelled the operation.');
  });
});

describe('makePhoneCall', () => {
  it('opens the dialer with the number and answers {}', async () => {
    const ui = vi.fn(async () => {});
    setup({}, { makePhoneCall: ui });
    await expect(makePhoneCall({ number: '07701234567' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith('07701234567');
  });

  it('number is required: the library refuses; a raw call with an empty or non-string number gets 2', async () => {
    const ui = vi.fn(async () => {});
    const em = setup({}, { makePhoneCall: ui });
    await expect(makePhoneCall({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(raw(em, 'makePhoneCall', { number: '' })).resolves.toMatchObject({ error: 2 });
    await expect(raw(em, 'makePhoneCall', { number: 7701234567 })).resolves.toMatchObject({ error: 2 });
    expect(ui).not.toHaveBeenCalled();
  });
});

describe('scan', () => {
  it('qr by default → { code, qrCode } with the fixture code', async () => {
    const ui = vi.fn(createAutoUi().scan);
    setup({}, { scan: ui });
    await expect(scan()).resolves.toEqual({ code: 'https://qi.iq/emulator-scan', qrCode: 'https://qi.iq/emulator-scan' });
    expect(ui).toHaveBeenCalledWith({ type: 'qr', hideAlbum: false, fixture: 'https://qi.iq/emulator-scan' });
  });

  it('bar → { code, barCode }; hideAlbum reaches the scanner', async () => {
    const ui = vi.fn(async () => '6291041500213');
    setup({}, { scan: ui });
    const res = await scan({ type: 'bar', hideAlbum: true });
    expect(res).toEqual({ code: '6291041500213', barCode: '6291041500213' });
    expect(res).not.toHaveProperty('qrCode');
    expect(ui).toHaveBeenCalledWith(expect.objectContaining({ type: 'bar', hideAlbum: true }));
  });

  it('reads the fixture scanCode', async () => {
    setup({ fixtures: { scanCode: 'QI-PAY-1' } });
    await expect(scan({ type: 'qr' })).resolves.toEqual({ code: 'QI-PAY-1', qrCode: 'QI-PAY-1' });
  });

  it('cancel → 10 (UserCancelledError)', async () => {
    setup({}, { scan: async () => null });
    const e = await rejection(scan());
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(10);
  });

  it('nothing read → 11 (operation failure)', async () => {
    setup({}, { scan: async () => '' });
    const e = await rejection(scan());
    expect(e).toBeInstanceOf(HostError);
    expect(e).not.toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(11);
    expect(e.errorMessage).toBe('Operation failure.');
  });

  it('another type is 2', async () => {
    const em = setup();
    expect((await rejection(scan({ type: 'datamatrix' as never }))).code).toBe(2);
    await expect(raw(em, 'scan', { type: 1 })).resolves.toMatchObject({ error: 2 });
  });
});

describe('vibrate', () => {
  it('vibrates through navigator.vibrate and answers {}', async () => {
    const v = vi.fn(() => true);
    stubNavigator('vibrate', v);
    setup();
    await expect(vibrate()).resolves.toEqual({});
    expect(v).toHaveBeenCalledTimes(1);
    expect(v.mock.calls[0]).toEqual([200]);
  });

  it('answers {} without navigator.vibrate, or when it throws', async () => {
    setup();
    await expect(vibrate()).resolves.toEqual({});
    stubNavigator('vibrate', () => {
      throw new Error('blocked');
    });
    await expect(vibrate()).resolves.toEqual({});
  });
});
