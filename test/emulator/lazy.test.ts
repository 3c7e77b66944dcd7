/**
 * The emulator's extras (the media and file APIs, the image viewer, PDF viewer and file picker) load on
 * first use, as a chunk of the module build: the first call answers as usual, a page that never calls
 * them never fetches them, and a failed load answers that call with a host failure (the next call tries
 * again). Each test starts from fresh modules, so from an emulator that has not loaded them yet.
 * The script tag's second file: test/browser/script-loading.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../src/emulator/types.js';
import type { DomUi } from '../../src/emulator/ui/dom-ui.js';

vi.mock('../../src/emulator/extras-fetch.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/emulator/extras-fetch.js')>();
  return { fetchExtras: vi.fn(real.fetchExtras) };
});

let em: Emulator | undefined;
afterEach(() => {
  em?.uninstall();
  em = undefined;
  localStorage.clear();
});

/** Fresh modules: an emulator (auto or dom UI) that has not loaded its extras, and the spy on fetching them. */
async function fresh(ui: 'auto' | 'dom' = 'auto', options: EmulatorOptions = {}, beforeInstall?: (fetchExtras: Fetch) => void) {
  vi.resetModules();
  const { install } = await import('../../src/emulator/install.js');
  const fetchExtras = vi.mocked((await import('../../src/emulator/extras-fetch.js')).fetchExtras);
  fetchExtras.mockReset(); // back to the real import, no calls counted
  beforeInstall?.(fetchExtras);
  em = install({ ui, force: true, ...options });
  return { em, fetchExtras };
}
type Fetch = ReturnType<typeof vi.mocked<typeof import('../../src/emulator/extras-fetch.js').fetchExtras>>;

const call = (name: string, params: object = {}): Promise<Record<string, unknown>> =>
  new Promise((resolve) => em!.bridge.call(name, params, (r) => resolve(r as Record<string, unknown>)));

describe('the emulator extras, as a module chunk', () => {
  it('a page that never calls their APIs never fetches them', async () => {
    const { fetchExtras } = await fresh('dom');
    await call('setStorage', { key: 'k', data: 1 });
    expect(await call('getStorage', { key: 'k' })).toEqual({ data: 1 });
    expect(await call('getSystemInfo')).toHaveProperty('platform');
    expect(await call('canIUse', { name: 'chooseImage' })).toEqual({ canIUse: true });
    const scanning = call('scan', { type: 'qr' });
    const ui = em!.ui as DomUi;
    await vi.waitFor(() => expect(ui.root.querySelector('[data-dialog="scan"]')).not.toBeNull());
    ui.root.querySelector<HTMLButtonElement>('[data-dialog="scan"] [data-action="cancel"]')!.click();
    expect(await scanning).toMatchObject({ error: 10 });
    expect(fetchExtras).not.toHaveBeenCalled();
  });

  it('the first calls answer as documented, and they load the extras once', async () => {
    const { fetchExtras } = await fresh();
    const [info, saved, picked] = await Promise.all([call('getImageInfo'), call('getSavedFileList'), call('chooseImage', { count: 1 })]);
    expect(info).toMatchObject({ width: 64, height: 48, type: 'png', orientation: 'up' });
    expect(saved).toEqual({ fileList: [] });
    expect(picked.apFilePaths).toEqual([expect.stringMatching(/#apml[0-9a-f]{32}\.\w+$/)]);
    const path = (picked.apFilePaths as string[])[0]!;
    expect(await call('getImageInfo', { src: path })).toMatchObject({ width: 64, height: 48 });
    expect(fetchExtras).toHaveBeenCalledTimes(1);
  });

  it('a failed load answers that call with 3 and says why; the next call loads them', async () => {
    const { fetchExtras } = await fresh();
    fetchExtras.mockRejectedValueOnce(new Error('the network is down'));
    const failed = await call('getFileInfo', { apFilePath: 'https://resource/apml00000000000000000000000000000000.txt' });
    expect(failed).toEqual({ error: 3, errorMessage: 'the emulator could not load its getFileInfo: the network is down' });
    expect(em!.calls.at(-1)).toMatchObject({ api: 'getFileInfo', ok: false });
    expect(await call('getImageInfo')).toMatchObject({ width: 64, height: 48 });
    expect(fetchExtras).toHaveBeenCalledTimes(2);
  });

  it("a viewer the page's call opens before the extras are there is still that call's: giving the call up closes it", async () => {
    const { fetchExtras } = await fresh('dom');
    const ui = em!.ui as DomUi;
    const owner = {};
    const picking = ui.own!(owner, () => ui.pickFiles({ accept: 'image/*', multiple: false, fixtures: [] }));
    await vi.waitFor(() => expect(ui.root.querySelector('[data-dialog="pickFiles"]')).not.toBeNull());
    ui.cancel!(owner);
    expect(await picking).toBeNull();
    expect(ui.root.querySelector('[data-dialog="pickFiles"]')).toBeNull();
    expect(fetchExtras).toHaveBeenCalledTimes(1);
  });

  it('a page call that opens the picker on first use, then gives up, leaves no dialog', async () => {
    await fresh('dom');
    const ui = em!.ui as DomUi;
    const task = em!.bridge.call('chooseFileFromDisk', {}, () => {}) as unknown as { abort(): void };
    await vi.waitFor(() => expect(ui.root.querySelector('[data-dialog="pickFiles"]')).not.toBeNull());
    task.abort();
    expect(ui.root.querySelector('[data-dialog="pickFiles"]')).toBeNull();
    expect(em!.calls.at(-1)).toMatchObject({ api: 'chooseFileFromDisk', aborted: true });
  });

  it('linked to a sandbox, the wallet link comes with the extras at install; when they cannot load, the wallet APIs fail as when the wallet is unreachable', async () => {
    const { fetchExtras } = await fresh('auto', { sandbox: 'http://127.0.0.1:9/' }, (f) => f.mockRejectedValue(new Error('offline')));
    expect(fetchExtras).toHaveBeenCalledTimes(1); // at install, before any call
    await new Promise((r) => setTimeout(r, 0)); // that load has failed
    expect(await call('getAuthCode', { scopes: ['USER_ID'] })).toEqual({ error: 3, errorMessage: 'offline' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await call('tradePay', { paymentUrl: 'http://127.0.0.1:9/cashier?paymentId=1' })).toEqual({ resultCode: '6002' });
    expect(warn).toHaveBeenCalledWith('[superqi-bridge emulator] offline');
    warn.mockRestore();
    expect(await call('qicardSignContract', { authUrl: 'http://127.0.0.1:9/authorize?authId=1' })).toEqual({ errorCode: '6002', errorMessage: 'offline' });
    expect(await call('getDeviceInfo')).toMatchObject({ currentRole: 'customer' });
    expect(fetchExtras).toHaveBeenCalledTimes(5); // each call tried again
  });

  it("a viewer opened straight from the UI when the load fails rejects with the load's error, no hang", async () => {
    const { fetchExtras } = await fresh('dom');
    fetchExtras.mockRejectedValueOnce(new Error('blocked by the page'));
    await expect((em!.ui as DomUi).previewImage({ urls: ['https://img.example/1.jpg'], current: 0 })).rejects.toThrow('blocked by the page');
  });
});
