// @vitest-environment node
/**
 * The script-tag emulator's second file in Chromium: superqi-emulator.iife.js loads
 * superqi-emulator-extras.iife.js (the media and file APIs, the viewers and the picker) from its own
 * folder on the first call that needs it, once. A page that never calls those APIs never fetches it;
 * it loads under a strict CSP (script-src 'self', or a nonce); the files it makes are the emulator's;
 * and when it cannot load, that call fails with 3 and says so instead of hanging.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';

const EXTRAS = 'superqi-emulator-extras.iife.js';

const js = (body: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/javascript' });
  res.end(body);
};
const config = (ui: 'auto' | 'dom') => `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.SuperQiEmulatorConfig = { ui: '${ui}', appId: 'extras' };
window.raw = (name, params) => new Promise((resolve) => AlipayJSBridge.call(name, params || {}, resolve));`;

const page = (configScript: string, emulator = '/dist/superqi-emulator.iife.js', nonce = '') => {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script src="${configScript}"${n}></script>
<script src="${emulator}"${n}></script>
<script src="/dist/superqi-bridge.iife.js"${n}></script>
</body></html>`;
};

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:";
const NONCE = "default-src 'self'; script-src 'nonce-t3st'; style-src 'self'; img-src 'self' data: blob:";

describe('the script-tag emulator extras', { timeout: 30000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({
      '/auto.js': js(config('auto')),
      '/dom.js': js(config('dom')),
      '/plain.html': html(page('/auto.js')),
      '/dom.html': html(page('/dom.js')),
      '/strict.html': html(page('/auto.js'), { 'Content-Security-Policy': STRICT }),
      '/nonce.html': html(page('/auto.js', undefined, 't3st'), { 'Content-Security-Policy': NONCE }),
      // The emulator served from a folder without its extras file next to it.
      '/alone/page.html': html(page('/auto.js', '/alone/superqi-emulator.iife.js')),
      '/alone/superqi-emulator.iife.js': js(readFileSync(new URL('../../dist/superqi-emulator.iife.js', import.meta.url), 'utf8')),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `path`; `fetched()` lists the extras requests so far, `errors` the page's errors. */
  async function open(path: string): Promise<{ page: Page; fetched: () => string[]; errors: string[] }> {
    const p = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    p.on('request', (r) => requests.push(r.url()));
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${server.url}${path}`);
    return { page: p, fetched: () => requests.filter((u) => u.includes(EXTRAS)), errors };
  }
  const raw = (p: Page, name: string, params: object = {}) => p.evaluate(([n, q]) => (window as unknown as { raw(n: string, q: object): Promise<Record<string, unknown>> }).raw(n, q), [name, params] as const);

  it('a page that never calls the media and file APIs never fetches the extras', async () => {
    const { page: p, fetched, errors } = await open('/plain.html');
    expect(await raw(p, 'getSystemInfo')).toHaveProperty('platform');
    expect(await raw(p, 'setStorage', { key: 'k', data: 'v' })).toEqual({});
    expect(await raw(p, 'scan', { type: 'qr' })).toHaveProperty('code');
    expect(await p.evaluate("my.alert({ content: 'hi' }).then(() => 'ok')")).toBe('ok');
    expect(await raw(p, 'canIUse', { name: 'chooseImage' })).toEqual({ canIUse: true });
    expect(fetched()).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('the first calls answer as documented, fetch the extras once from the emulator’s folder, and share its files', async () => {
    const { page: p, fetched, errors } = await open('/plain.html');
    const [info, picked] = (await p.evaluate("Promise.all([raw('getImageInfo'), raw('chooseImage', { count: 1 })])")) as [unknown, { apFilePaths: string[] }];
    expect(info).toMatchObject({ width: 64, height: 48, type: 'png', orientation: 'up' });
    const path = picked.apFilePaths[0]!;
    expect(path).toMatch(/#apml[0-9a-f]{32}\.\w+$/);
    // The file the extras stored is in the emulator's own store (the main script's filesOf finds it).
    expect(await p.evaluate(`SuperQiEmulator.filesOf(SuperQiEmulator.installed()).find(${JSON.stringify(path)}).then((f) => f && f.size > 0)`)).toBe(true);
    expect(await raw(p, 'getImageInfo', { src: path })).toMatchObject({ width: 64, height: 48 });
    expect(await raw(p, 'saveFile', { apFilePath: path })).toHaveProperty('apFilePath');
    expect(fetched()).toEqual([`${server.url}/dist/${EXTRAS}`]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it("getFacePhotoData answers as Qi's own page reads it: status 'success' and a base64 JPEG portrait that decodes (loaded with the extras)", async () => {
    const { page: p, fetched, errors } = await open('/strict.html');
    // Qi's page: AlipayJSBridge.call('getFacePhotoData', { scene: 'QUERY_KYC_INFO' }, cb), then data.status / data.photo
    const seen = await p.evaluate(
      () =>
        new Promise<Record<string, unknown>>((resolve) => {
          (window as unknown as { AlipayJSBridge: { call(n: string, q: object, cb: (d: Record<string, string>) => void): void } }).AlipayJSBridge.call('getFacePhotoData', { scene: 'QUERY_KYC_INFO' }, async (data) => {
            if (data['status'] !== 'success') return resolve({ data });
            const photo = data['photo']!;
            const img = new Image();
            img.src = photo.startsWith('data:') ? photo : `data:image/jpeg;base64,${photo}`;
            await img.decode();
            const c = document.createElement('canvas');
            c.width = img.naturalWidth;
            c.height = img.naturalHeight;
            const g = c.getContext('2d')!;
            g.drawImage(img, 0, 0);
            const grey = (x: number, y: number) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)).reduce((a, b) => a + b, 0) / 3;
            resolve({ status: data['status'], prefixed: photo.startsWith('data:'), width: img.naturalWidth, height: img.naturalHeight, head: grey(30, 32), ground: grey(2, 2) });
          });
        }),
    );
    expect(seen).toMatchObject({ status: 'success', prefixed: false, width: 60, height: 80 });
    // a portrait: the head is darker than the ground around it
    expect(seen['ground'] as number).toBeGreaterThan((seen['head'] as number) + 40);
    expect(fetched()).toHaveLength(1);
    expect(await p.evaluate('window.violations')).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it("loads under a strict CSP (script-src 'self') with no violation", async () => {
    const { page: p, fetched } = await open('/strict.html');
    expect(await raw(p, 'getImageInfo')).toMatchObject({ width: 64, height: 48 });
    expect(fetched()).toHaveLength(1);
    expect(await p.evaluate('window.violations')).toEqual([]);
    await p.close();
  });

  it("loads under a nonce CSP with the emulator script's nonce", async () => {
    const { page: p, fetched } = await open('/nonce.html');
    expect(await raw(p, 'getSavedFileList')).toEqual({ fileList: [] });
    expect(fetched()).toHaveLength(1);
    expect(await p.evaluate('window.violations')).toEqual([]);
    await p.close();
  });

  it('when the extras cannot load, that call fails with 3 and names the file; the next call tries again', async () => {
    const { page: p, fetched } = await open('/alone/page.html');
    const first = await raw(p, 'getImageInfo');
    expect(first).toEqual({ error: 3, errorMessage: `the emulator could not load its getImageInfo: ${server.url}/alone/${EXTRAS} did not load` });
    expect(await raw(p, 'openDocument', { filePath: 'x', fileType: 'pdf' })).toMatchObject({ error: 3 });
    expect(fetched()).toHaveLength(2);
    // The rest of the emulator goes on.
    expect(await raw(p, 'getSystemInfo')).toHaveProperty('platform');
    await p.close();
  });

  it("ui: 'dom': the image viewer opens on the first previewImage", async () => {
    const { page: p, fetched, errors } = await open('/dom.html');
    expect(await p.evaluate("my.previewImage({ urls: [location.origin + '/none.png'] }).then(() => 'ok')")).toBe('ok');
    await p.locator('superqi-emulator [data-dialog=previewImage]').waitFor({ timeout: 5000 });
    expect(fetched()).toHaveLength(1);
    expect(errors).toEqual([]);
    await p.close();
  });
});
