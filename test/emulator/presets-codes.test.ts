/**
 * Presets answer with each API's own code type and only where the API can answer that way: string
 * '6001' for qicardSignContract, saveImage's "iOS only" 15 only under an iOS profile, and no cancel
 * for getAuthCode calls with silent scopes only (they show the user nothing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getAuthCode, qicardSignContract, saveImage, UserCancelledError } from '../../src/index.js';
import { rawCall, rejection, setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(teardownEmulator);

describe('user-cancels', () => {
  it("qicardSignContract answers the page's string errorCode '6001'", async () => {
    const em = setupAutoEmulator({ presets: ['user-cancels'] });
    expect(await rawCall(em, 'qicardSignContract', { authUrl: 'https://w.iq/sign' })).toMatchObject({ errorCode: '6001' });
    expect(await rejection(qicardSignContract({ authUrl: 'https://w.iq/sign' }))).toBeInstanceOf(UserCancelledError);
  });

  it('getAuthCode with silent scopes only still answers an authCode; a consent scope is cancelled (1001)', async () => {
    setupAutoEmulator({ presets: ['user-cancels'] });
    await expect(getAuthCode({ scopes: ['auth_base', 'USER_ID'] })).resolves.toMatchObject({ authCode: expect.any(String) });
    const e = await rejection(getAuthCode({ scopes: ['auth_base', 'auth_user'] }));
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(1001);
  });
});

describe('permission-denied', () => {
  it("saveImage: 17 under the Android profile (15 is the page's 'iOS only'), 15 under iOS", async () => {
    setupAutoEmulator({ presets: ['permission-denied'] });
    expect((await rejection(saveImage({ url: 'https://img.iq/a.png' }))).code).toBe(17);
    setupAutoEmulator({ presets: ['permission-denied'], profile: { device: { platform: 'iOS', system: 'iOS 17.4', model: 'iPhone15,2', brand: 'Apple' } } });
    expect((await rejection(saveImage({ url: 'https://img.iq/a.png' }))).code).toBe(15);
  });
});
