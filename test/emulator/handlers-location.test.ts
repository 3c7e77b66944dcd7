/**
 * The emulator's default answers for the Location APIs, through the library's wrappers, with the
 * browser's geolocation answering, refusing, hanging or missing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseLocation, getLocation, HostError, InvalidParamsError, openLocation, UserCancelledError } from '../../src/index.js';
import { GEOLOCATION_WAIT_MS } from '../../src/emulator/handlers/location.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';
import { createAutoUi } from '../../src/emulator/ui/auto-ui.js';
import type { EmulatorPlace, EmulatorUi } from '../../src/emulator/ui/contract.js';
import { rawCall as raw, rejection, setupAutoEmulator, stubNavigator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(() => {
  teardownEmulator();
  vi.useRealTimers();
});

const setup = (options: EmulatorOptions = {}, changes: Partial<EmulatorUi> = {}) =>
  setupAutoEmulator(options, { ...createAutoUi(), ...changes });

type Success = (p: { coords: { latitude: number; longitude: number; accuracy: number } }) => void;
type Failure = (e: { code: number; message: string }) => void;

/** A fake `navigator.geolocation` whose getCurrentPosition does `behave`. */
function fakeGeolocation(behave: (ok: Success, fail: Failure, options?: PositionOptions) => void) {
  const getCurrentPosition = vi.fn(behave);
  stubNavigator('geolocation', { getCurrentPosition, watchPosition: vi.fn(), clearWatch: vi.fn() });
  return getCurrentPosition;
}

const BASRA = { coords: { latitude: 30.5085, longitude: 47.84, accuracy: 12.4 } };

describe('getLocation', () => {
  it('without browser geolocation: error 11, the location right (not a fixture)', async () => {
    stubNavigator('geolocation', undefined);
    setup();
    const e = await rejection(getLocation());
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(11);
    expect(e.errorMessage).toBe('Make sure the location related right has been enabled.');
  });

  it('position unavailable answers the first fixture place (Baghdad), coordinates as strings', async () => {
    fakeGeolocation((_ok, fail) => fail({ code: 2, message: 'Position unavailable' }));
    setup();
    const res = await getLocation();
    expect(res).toEqual({ longitude: '44.4333', latitude: '33.3333', accuracy: '30' });
    for (const v of Object.values(res)) expect(typeof v).toBe('string');
  });

  it('answers the browser position as strings (accuracy in whole metres)', async () => {
    const get = fakeGeolocation((ok) => ok(BASRA));
    setup();
    await expect(getLocation()).resolves.toEqual({ longitude: '47.84', latitude: '30.5085', accuracy: '12' });
    expect(get).toHaveBeenCalledTimes(1);
    expect(get.mock.calls[0]![2]).toMatchObject({ maximumAge: 30000 });
  });

  it('denied → error 11', async () => {
    fakeGeolocation((_ok, fail) => fail({ code: 1, message: 'User denied Geolocation' }));
    setup();
    expect((await rejection(getLocation())).code).toBe(11);
  });

  it('getCurrentPosition throwing (permissions policy) → error 11', async () => {
    fakeGeolocation(() => {
      throw new Error('blocked by permissions policy');
    });
    setup();
    expect((await rejection(getLocation())).code).toBe(11);
  });

  it('never hangs: a browser that does not answer gives the fixture place after the wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fakeGeolocation(() => {});
    setup();
    const pending = getLocation();
    await vi.advanceTimersByTimeAsync(GEOLOCATION_WAIT_MS + 100);
    await expect(pending).resolves.toEqual({ longitude: '44.4333', latitude: '33.3333', accuracy: '30' });
  });

  it('a late browser answer fills the cache for the next call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let answer: Success | undefined;
    const get = fakeGeolocation((ok) => (answer = ok));
    setup();
    const first = getLocation();
    await vi.advanceTimersByTimeAsync(GEOLOCATION_WAIT_MS + 100);
    await expect(first).resolves.toMatchObject({ latitude: '33.3333' });
    answer!(BASRA);
    const second = getLocation();
    await vi.advanceTimersByTimeAsync(10);
    await expect(second).resolves.toMatchObject({ latitude: '30.5085' });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reuses a position younger than cacheTimeout (30 s by default)', async () => {
    const get = fakeGeolocation((ok) => ok(BASRA));
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1_000_000);
    setup();
    await getLocation();
    now.mockReturnValue(1_000_000 + 29_000);
    await expect(getLocation()).resolves.toMatchObject({ latitude: '30.5085' });
    expect(get).toHaveBeenCalledTimes(1);
    now.mockReturnValue(1_000_000 + 31_000);
    await getLocation();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('cacheTimeout is respected: 0 always asks, 120 keeps it two minutes', async () => {
    const get = fakeGeolocation((ok) => ok(BASRA));
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(5_000_000);
    setup();
    await getLocation({ cacheTimeout: 0 });
    await getLocation({ cacheTimeout: 0 });
    expect(get).toHaveBeenCalledTimes(2);
    now.mockReturnValue(5_000_000 + 100_000);
    await getLocation({ cacheTimeout: 120 });
    expect(get).toHaveBeenCalledTimes(2);
    now.mockReturnValue(5_000_000 + 121_000);
    await getLocation({ cacheTimeout: 120 });
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('the cache is per emulator', async () => {
    const get = fakeGeolocation((ok) => ok(BASRA));
    setup();
    await getLocation();
    setup();
    await getLocation();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('fallback answers are not cached: a later position is used at once', async () => {
    let allow = false;
    const get = fakeGeolocation((ok, fail) => (allow ? ok(BASRA) : fail({ code: 2, message: 'unavailable' })));
    setup();
    await expect(getLocation()).resolves.toMatchObject({ latitude: '33.3333' });
    allow = true;
    await expect(getLocation()).resolves.toMatchObject({ latitude: '30.5085' });
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('uses custom fixture places; none at all → 13', async () => {
    fakeGeolocation((_ok, fail) => fail({ code: 2, message: 'unavailable' }));
    setup({ fixtures: { places: [{ name: 'Erbil Citadel', address: 'Erbil, Iraq', latitude: 36.1912, longitude: 44.0092 }] } });
    await expect(getLocation()).resolves.toEqual({ longitude: '44.0092', latitude: '36.1912', accuracy: '30' });
    setup({ fixtures: { places: [] } });
    const e = await rejection(getLocation());
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(13);
    expect(e.errorMessage).toBe('Location failure, try again later.');
  });

  it('11 (permission) and 12 (network) come from presets', async () => {
    setup({ presets: ['permission-denied'] });
    expect((await rejection(getLocation())).code).toBe(11);
    setup({ presets: ['offline'] });
    expect((await rejection(getLocation())).code).toBe(12);
  });

  it('a wrong-typed cacheTimeout from a raw call is the default', async () => {
    fakeGeolocation((_ok, fail) => fail({ code: 2, message: 'unavailable' }));
    const em = setup();
    await expect(raw(em, 'getLocation', { cacheTimeout: 'soon', type: 'x' })).resolves.toEqual({ longitude: '44.4333', latitude: '33.3333', accuracy: '30' });
  });
});

describe('chooseLocation', () => {
  it('answers the chosen place with numeric coordinates; the picker gets the fixture places', async () => {
    const ui = vi.fn(async (places: readonly EmulatorPlace[]) => places[2] ?? null);
    const em = setup({}, { chooseLocation: ui });
    const res = await chooseLocation();
    expect(res).toEqual({ name: 'Basra Corniche', address: 'Basra, Iraq', latitude: 30.5085, longitude: 47.84 });
    expect(typeof res.latitude).toBe('number');
    expect(typeof res.longitude).toBe('number');
    expect(ui).toHaveBeenCalledWith(em.fixtures.places);
  });

  it('auto mode picks the first place', async () => {
    setup();
    await expect(chooseLocation()).resolves.toEqual({ name: 'Tahrir Square', address: 'Baghdad, Iraq', latitude: 33.3333, longitude: 44.4333 });
  });

  it('a typed place with string coordinates is answered with numbers', async () => {
    setup({}, { chooseLocation: async () => ({ name: 'Home', address: 'Karrada', latitude: '33.30' as never, longitude: '44.42' as never }) });
    await expect(chooseLocation()).resolves.toEqual({ name: 'Home', address: 'Karrada', latitude: 33.3, longitude: 44.42 });
  });

  it('cancel → 13 (UserCancelledError)', async () => {
    setup({}, { chooseLocation: async () => null });
    const e = await rejection(chooseLocation());
    expect(e).toBeInstanceOf(UserCancelledError);
    expect(e.code).toBe(13);
    expect(e.errorMessage).toBe('User cancelled the selection.');
  });

  it('an empty place list ends as a cancel (13)', async () => {
    setup({ fixtures: { places: [] } });
    expect((await rejection(chooseLocation())).code).toBe(13);
  });
});

describe('openLocation', () => {
  it('opens the map with numbers and scale 15 by default; answers {}', async () => {
    const ui = vi.fn(async () => {});
    setup({}, { openLocation: ui });
    await expect(openLocation({ longitude: '44.4333', latitude: '33.3333', name: 'Tahrir Square', address: 'Baghdad' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith({ longitude: 44.4333, latitude: 33.3333, name: 'Tahrir Square', address: 'Baghdad', scale: 15 });
  });

  it('scale 3–19 passes; outside values are clamped, fractions rounded', async () => {
    const ui = vi.fn(async () => {});
    setup({}, { openLocation: ui });
    for (const scale of [3, 19, 10, 1, 25, 7.6]) await openLocation({ longitude: '0', latitude: '0', scale });
    expect(ui.mock.calls.map((c) => ((c as unknown[])[0] as { scale: number }).scale)).toEqual([3, 19, 10, 3, 19, 8]);
  });

  it('accepts edge and signed coordinates', async () => {
    const ui = vi.fn(async () => {});
    setup({}, { openLocation: ui });
    await openLocation({ longitude: '-180', latitude: '90' });
    await openLocation({ longitude: '+180.0', latitude: ' -90 ' });
    expect(ui).toHaveBeenNthCalledWith(1, expect.objectContaining({ longitude: -180, latitude: 90 }));
    expect(ui).toHaveBeenNthCalledWith(2, expect.objectContaining({ longitude: 180, latitude: -90 }));
  });

  it.each([
    ['abc', '33'],
    ['44', 'north'],
    ['180.1', '0'],
    ['0', '90.5'],
    ['-200', '0'],
    ['', '33'],
    ['0x10', '0'],
    ['44,43', '33'],
  ])('longitude %j, latitude %j → 11 Invalid coordinates', async (longitude, latitude) => {
    const ui = vi.fn(async () => {});
    setup({}, { openLocation: ui });
    const e = await rejection(openLocation({ longitude, latitude }));
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(11);
    expect(e.errorMessage).toMatch(/^Invalid coordinates provided/);
    expect(ui).not.toHaveBeenCalled();
  });

  it('missing coordinates: the library refuses; a raw call gets 2', async () => {
    const em = setup();
    await expect(openLocation({ latitude: '33' } as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(openLocation({ longitude: 44, latitude: 33 } as never)).rejects.toBeInstanceOf(InvalidParamsError);
    await expect(raw(em, 'openLocation', { latitude: '33' })).resolves.toMatchObject({ error: 2 });
    await expect(raw(em, 'openLocation', { longitude: '44' })).resolves.toMatchObject({ error: 2 });
  });

  it('a raw call with numeric coordinates is read like the strings', async () => {
    const ui = vi.fn(async () => {});
    const em = setup({}, { openLocation: ui });
    await expect(raw(em, 'openLocation', { longitude: 44.4, latitude: 33.3, scale: 'big' })).resolves.toEqual({});
    expect(ui).toHaveBeenCalledWith({ longitude: 44.4, latitude: 33.3, scale: 15 });
  });
});
