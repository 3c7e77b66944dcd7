/**
 * The APIs real Super Qi pages call that the docs omit: on `my` (the shim), typed wrappers, and the
 * emulator's answers (the way Alipay+ hosts answer them).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  beehiveGetPOI,
  chooseImage,
  createMy,
  getFacePhotoData,
  getLocation,
  getSetting,
  hideKeyboard,
  HostError,
  InvalidParamsError,
  openInBrowser,
  openSetting,
  setKeepScreenOn,
  UserCancelledError,
} from '../../src/index.js';
import { fixtureImage } from '../../src/emulator/media-fixtures.js';
import { rawCall, rejection, setupAutoEmulator, stubNavigator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(teardownEmulator);

const UNDOCUMENTED = ['hideKeyboard', 'setKeepScreenOn', 'getSetting', 'openSetting', 'openInBrowser', 'beehiveGetPOI', 'getFacePhotoData'] as const;

describe('on my', () => {
  it('every one is a function of the shim, so pages written for the closed SDK keep working', async () => {
    const my = createMy() as unknown as Record<string, unknown>;
    for (const name of UNDOCUMENTED) expect(typeof my[name], name).toBe('function');
    setupAutoEmulator();
    await expect((my['hideKeyboard'] as () => Promise<unknown>)()).resolves.toEqual({});
  });
});

describe('hideKeyboard', () => {
  it('blurs the focused text field', async () => {
    setupAutoEmulator();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    expect(document.activeElement).toBe(input);
    await expect(hideKeyboard()).resolves.toEqual({});
    expect(document.activeElement).not.toBe(input);
    input.remove();
  });
});

describe('setKeepScreenOn', () => {
  it('takes the screen wake lock for true and releases it for false', async () => {
    const release = vi.fn(async () => {});
    const request = vi.fn(async () => ({ release }));
    stubNavigator('wakeLock', { request });
    setupAutoEmulator();
    await expect(setKeepScreenOn({ keepScreenOn: true })).resolves.toEqual({});
    await setKeepScreenOn({ keepScreenOn: true });
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith('screen');
    await setKeepScreenOn({ keepScreenOn: false });
    expect(release).toHaveBeenCalledTimes(1);
  });

  it('keepScreenOn is required and boolean: the library refuses, the host answers 2 to a raw call', async () => {
    const em = setupAutoEmulator();
    await expect(setKeepScreenOn({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(setKeepScreenOn({ keepScreenOn: 'yes' } as never)).rejects.toMatchObject({ name: 'InvalidParamsError', param: 'keepScreenOn' });
    expect((await rawCall(em, 'setKeepScreenOn', { keepScreenOn: 'yes' }))['error']).toBe(2);
  });
});

describe('getSetting / openSetting', () => {
  it('list only the permissions asked for: denied location is false, a picked image makes album true', async () => {
    stubNavigator('geolocation', undefined);
    setupAutoEmulator();
    await expect(getSetting()).resolves.toEqual({ authSetting: {} });
    await getLocation().catch(() => undefined); // no geolocation: 11, denied
    await chooseImage();
    await expect(getSetting()).resolves.toEqual({ authSetting: { location: false, album: true } });
    await expect(openSetting()).resolves.toEqual({ authSetting: { location: false, album: true } });
  });
});

describe('openInBrowser', () => {
  it('opens http(s), tel: and mailto: URLs; refuses others with 2', async () => {
    setupAutoEmulator();
    await expect(openInBrowser({ url: 'https://qi.iq/' })).resolves.toEqual({});
    await expect(openInBrowser({ url: 'tel:07701234567' })).resolves.toEqual({});
    const e = await rejection(openInBrowser({ url: 'javascript:alert(1)' }));
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(2);
    await expect(openInBrowser({} as never)).rejects.toBeInstanceOf(InvalidParamsError);
  });

  it('goes to the bridge even when the page has a foreign my', async () => {
    const em = setupAutoEmulator();
    const foreign = vi.fn();
    (window as unknown as { my: unknown }).my = { openInBrowser: foreign };
    await openInBrowser({ url: 'https://qi.iq/' });
    expect(foreign).not.toHaveBeenCalled();
    expect(em.calls.at(-1)).toMatchObject({ api: 'openInBrowser', ok: true });
  });
});

describe('beehiveGetPOI', () => {
  it("is chooseLocation's picker: the chosen place; cancel is 13 (UserCancelledError)", async () => {
    setupAutoEmulator();
    await expect(beehiveGetPOI()).resolves.toEqual({ name: expect.any(String), address: expect.any(String), latitude: 33.3333, longitude: 44.4333 });
    setupAutoEmulator({}, { ...(await import('../../src/emulator/ui/auto-ui.js')).createAutoUi(), chooseLocation: async () => null });
    const e = await rejection(beehiveGetPOI());
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(13);
  });
});

describe('getFacePhotoData', () => {
  it("answers the shape Qi's own page reads: status 'success' and a base64 JPEG portrait; a scripted answer replaces it", async () => {
    const em = setupAutoEmulator();
    // as Qi's page calls it: AlipayJSBridge.call('getFacePhotoData', { scene: 'QUERY_KYC_INFO' }, cb)
    const data = await rawCall(em, 'getFacePhotoData', { scene: 'QUERY_KYC_INFO' });
    expect(data).toEqual({ status: 'success', photo: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) });
    const jpeg = Buffer.from(data['photo'] as string, 'base64');
    // a JPEG (SOI … EOI) whose frame is 60×80, small enough to ship
    expect([jpeg[0], jpeg[1], jpeg.at(-2), jpeg.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)]).toEqual([60, 80]);
    expect(jpeg.length).toBeLessThan(1024);
    await expect(getFacePhotoData({ scene: 'QUERY_KYC_INFO' })).resolves.toEqual(data);
    await expect(getFacePhotoData()).resolves.toEqual(data);
    const bad = await rejection(getFacePhotoData({ scene: 7 as unknown as string }));
    expect(bad).toBeInstanceOf(InvalidParamsError);
    em.use('getFacePhotoData', () => ({ status: 'success', photo: 'data:image/jpeg;base64,aGk=' }));
    await expect(getFacePhotoData()).resolves.toEqual({ status: 'success', photo: 'data:image/jpeg;base64,aGk=' });
    em.use('getFacePhotoData', (ctx) => ctx.fail(3, 'no camera'));
    expect((await rejection(getFacePhotoData())).code).toBe(3);
  });
});

describe('chooseImage count', () => {
  it('caps the picked files; count 1 asks the picker for one file', async () => {
    const pickFiles = vi.fn(async () => [fixtureImage(), fixtureImage(), fixtureImage()]);
    const { createAutoUi } = await import('../../src/emulator/ui/auto-ui.js');
    setupAutoEmulator({}, { ...createAutoUi(), pickFiles });
    expect((await chooseImage({ count: 2 })).apFilePaths).toHaveLength(2);
    expect((await chooseImage()).apFilePaths).toHaveLength(3);
    await chooseImage({ count: 1 });
    expect(pickFiles).toHaveBeenLastCalledWith(expect.objectContaining({ multiple: false }));
    await expect(chooseImage({ count: 'two' } as never)).rejects.toMatchObject({ name: 'InvalidParamsError', param: 'count' });
  });
});
