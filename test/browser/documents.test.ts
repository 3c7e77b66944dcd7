// @vitest-environment node
/**
 * openDocument never runs script from a file (issue 11, item 1), in Chromium with the script tags and
 * the emulator's DOM UI: a file that passes the `%PDF-` check but is HTML (a server answering
 * `text/html`, a picked file typed `text/html`) is shown from an object URL typed `application/pdf`,
 * so the markup never runs in the page's origin — for downloaded, saved and picked files.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';

/** Starts like a PDF, is HTML: its script springs every trap it can reach. */
const EVIL = '%PDF-1.4\n<html><body><script>try{parent.__pwned=1}catch(e){};try{top.__pwned=1}catch(e){};window.__pwned=1</script></body></html>';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>window.SuperQiEmulatorConfig = { ui: 'dom', appId: 'documents' };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</body></html>`;

describe('openDocument in Chromium', { timeout: 30000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({
      '/page.html': html(PAGE),
      '/evil.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(EVIL);
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Whether the file's script ran anywhere: the page, or the viewer frame itself. */
  async function pwned(page: Page): Promise<boolean> {
    await page.waitForTimeout(800);
    const frames = page.frames();
    for (const f of frames) {
      if (await f.evaluate('window.__pwned === 1').catch(() => false)) return true;
    }
    return false;
  }

  /** The viewer's frame source, once open. */
  const viewerSrc = (page: Page) =>
    page.waitForFunction(() => {
      const root = document.querySelector('superqi-emulator')?.shadowRoot;
      return root?.querySelector('[data-dialog=openDocument] iframe')?.getAttribute('src') ?? false;
    });

  async function open(setup: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${server.url}/page.html`);
    await page.evaluate(`(async () => {
      const { apFilePath } = await my.downloadFile({ url: location.origin + '/evil.pdf' });
      window.__path = apFilePath;
      ${setup}
      window.__opened = my.openDocument({ filePath: window.__path, fileType: 'pdf' }).then(() => 'ok', (e) => e.message);
    })()`);
    return page;
  }

  it('a downloaded text/html file that starts with %PDF- does not run', async () => {
    const page = await open('');
    expect(await page.evaluate('window.__opened')).toBe('ok');
    const src = (await (await viewerSrc(page)).jsonValue()) as string;
    expect(src).toMatch(/^blob:/);
    expect(await page.evaluate(`fetch(${JSON.stringify(src)}).then((r) => r.blob()).then((b) => b.type)`)).toBe('application/pdf');
    expect(await pwned(page)).toBe(false);
    await page.close();
  });

  it('the same file saved with saveFile does not run either', async () => {
    const page = await open(`window.__path = (await my.saveFile({ apFilePath: window.__path })).apFilePath;`);
    expect(await page.evaluate('window.__opened')).toBe('ok');
    await viewerSrc(page);
    expect(await pwned(page)).toBe(false);
    await page.close();
  });

  it('a picked file typed text/html does not run', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/page.html`);
    // The emulator's picker dialog opens the browser's file chooser: the user picks the file.
    const chooser = page.waitForEvent('filechooser');
    await page.evaluate(`void (window.__picked = my.chooseFileFromDisk().then((r) => r.apFilePath))`);
    await (await chooser).setFiles({ name: 'invoice.pdf', mimeType: 'text/html', buffer: Buffer.from(EVIL) });
    await page.evaluate(`(async () => {
      window.__opened = my.openDocument({ filePath: await window.__picked, fileType: 'pdf' }).then(() => 'ok', (e) => e.message);
    })()`);
    expect(await page.evaluate('window.__opened')).toBe('ok');
    await viewerSrc(page);
    expect(await pwned(page)).toBe(false);
    await page.close();
  });
});
