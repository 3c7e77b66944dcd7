// @vitest-environment node
/**
 * How pages load the script tags, in Chromium (issue 11, items 7, 8, 11 and two should-fix items):
 *
 * - the emulator in `<head>` with `ui: 'dom'` installs, and its frame appears once `<body>` exists;
 * - loaded twice, the emulator shows one frame and the shim keeps one library (`SuperQi.configure()`
 *   still drives `my.*`);
 * - the script tags are ASCII only, so a page without a charset shows the Arabic labels right;
 * - a getter-only `window.my` does not stop the shim from defining `SuperQi`;
 * - under frozen intrinsics (SES-style lockdown), invalid and aborted calls reject, they do not throw.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/emulator/ui/strings.js';
import { html, launchChromium, serve } from '../support/browser.js';

const EMULATOR = '/dist/superqi-emulator.iife.js';
const SHIM = '/dist/superqi-bridge.iife.js';

const HEAD_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script>window.SuperQiEmulatorConfig = { ui: 'dom', appId: 'head' };</script>
<script src="${EMULATOR}"></script>
<script src="${SHIM}"></script>
<script>
  window.early = my.getSystemInfo().then((r) => 'ok:' + typeof r.platform, (e) => 'fail:' + e.message);
  window.alerted = my.alert({ content: 'from head' }).then(() => 'closed');
</script>
</head><body><p>body</p></body></html>`;

/** The migration guide's page: both script tags in <head>, no emulator config. */
const HEAD_PAGE_PLAIN = HEAD_PAGE.replace(/<script>window\.SuperQiEmulatorConfig[^<]*<\/script>\n/, '');

const TWICE_EMULATOR = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>window.SuperQiEmulatorConfig = { ui: 'dom', appId: 'twice' };</script>
<script src="${EMULATOR}"></script>
<script src="${EMULATOR}?again"></script>
<script src="${SHIM}"></script>
</body></html>`;

const TWICE_SHIM = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>
  window.sent = [];
  window.AlipayJSBridge = { call(name, params, cb) { window.sent.push(name); setTimeout(() => cb && cb({}), 0); } };
</script>
<script src="${SHIM}"></script>
<script src="${SHIM}?again"></script>
</body></html>`;

/** No charset anywhere: not in the page, not in the headers. */
const NO_CHARSET = `<!doctype html><html><head><title>no charset</title></head><body>
<script>window.SuperQiEmulatorConfig = { ui: 'dom', appId: 'charset', profile: { language: 'ar' } };</script>
<script src="/raw/emulator.js"></script>
</body></html>`;

const GETTER_MY = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>Object.defineProperty(window, 'my', { configurable: true, get() { return undefined; } });</script>
<script src="${SHIM}"></script>
</body></html>`;

const LOCKDOWN = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>
  for (const C of [Object, Function, Array, Error, TypeError, RangeError, Promise, Symbol, String, Number, Boolean, Map, Set, WeakMap, RegExp, Date])
    Object.freeze(C.prototype), Object.freeze(C);
  Object.freeze(Math); Object.freeze(JSON); Object.freeze(Reflect);
</script>
<script src="${SHIM}"></script>
</body></html>`;

const rawNoCharset = (file: string, type: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': type });
  res.end(readFileSync(new URL(`../..${file}`, import.meta.url)));
};

describe('loading the script tags', { timeout: 30000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({
      '/head.html': html(HEAD_PAGE),
      '/head-plain.html': html(HEAD_PAGE_PLAIN),
      '/twice-emulator.html': html(TWICE_EMULATOR),
      '/twice-shim.html': html(TWICE_SHIM),
      '/getter-my.html': html(GETTER_MY),
      '/lockdown.html': html(LOCKDOWN),
      '/no-charset.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(NO_CHARSET);
      },
      '/raw/emulator.js': rawNoCharset(EMULATOR, 'text/javascript'),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  }

  const frames = (page: Page) => page.evaluate(() => document.querySelectorAll('superqi-emulator').length);

  it("the emulator in <head> with ui: 'dom' installs; calls made there are answered; the frame joins <body>", async () => {
    const { page, errors } = await open('/head.html');
    expect(await page.evaluate('window.early')).toBe('ok:string');
    expect(await page.evaluate('SuperQiEmulator.installed() !== undefined')).toBe(true);
    expect(await page.evaluate(() => document.querySelector('superqi-emulator')?.parentElement?.tagName)).toBe('BODY');
    const dialog = page.locator('superqi-emulator [data-dialog=alert]');
    await dialog.waitFor({ timeout: 5000 });
    expect(await dialog.textContent()).toContain('from head');
    await dialog.locator('button').first().click();
    expect(await page.evaluate('window.alerted')).toBe('closed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the emulator in <head> with no config still gets the dialogs (not auto answers): the alert waits for the user', async () => {
    const { page, errors } = await open('/head-plain.html');
    expect(await page.evaluate('SuperQiEmulator.installed().options.ui')).toBe('dom');
    const dialog = page.locator('superqi-emulator [data-dialog=alert]');
    await dialog.waitFor({ timeout: 5000 });
    expect(await page.evaluate('Promise.race([window.alerted, new Promise((r) => setTimeout(() => r("waiting"), 200))])')).toBe('waiting');
    await dialog.locator('button').first().click();
    expect(await page.evaluate('window.alerted')).toBe('closed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two emulator scripts: one emulator, one frame; both copies see it', async () => {
    const { page, errors } = await open('/twice-emulator.html');
    expect(await frames(page)).toBe(1);
    expect(await page.evaluate('SuperQiEmulator.installed() !== undefined && SuperQiEmulator.installed().bridge === window.AlipayJSBridge')).toBe(true);
    expect(await page.evaluate('my.getSystemInfo().then((r) => typeof r.platform)')).toBe('string');
    // Installing again (from the copy the page holds) replaces the emulator: still one frame.
    await page.evaluate("SuperQiEmulator.install({ ui: 'dom', appId: 'again' })");
    expect(await frames(page)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two shim scripts: one library; SuperQi.configure() still drives my.*', async () => {
    const { page, errors } = await open('/twice-shim.html');
    await page.evaluate("SuperQi.configure({ natives: { showToast: { name: 'toast' } } })");
    await page.evaluate("my.showToast({ content: 'x' })");
    await page.evaluate("SuperQi.showToast({ content: 'y' })");
    expect(await page.evaluate('window.sent')).toEqual(['toast', 'toast']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the script tags are ASCII only, and a page without a charset shows the Arabic labels right', async () => {
    for (const file of [EMULATOR, SHIM, '/dist/superqi-emulator-extras.iife.js']) {
      const bytes = readFileSync(new URL(`../..${file}`, import.meta.url));
      expect(bytes.findIndex((b) => b > 0x7f), file).toBe(-1);
    }
    const { page } = await open('/no-charset.html');
    const mark = page.locator('superqi-emulator .status .mark');
    await mark.waitFor({ timeout: 5000 });
    expect(await mark.textContent()).toBe(stringsFor('ar').emulator);
    await page.close();
  });

  it('a getter-only window.my: the shim still defines SuperQi, and its calls work', async () => {
    const { page, errors } = await open('/getter-my.html');
    expect(await page.evaluate('typeof SuperQi')).toBe('object');
    expect(await page.evaluate("SuperQi.showToast({ content: 1 }).then(() => 'resolved', (e) => e.name)")).toBe('InvalidParamsError');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('frozen intrinsics: an invalid call and an aborted call reject with named errors', async () => {
    const { page, errors } = await open('/lockdown.html');
    expect(await page.evaluate('Object.isFrozen(Error.prototype) && typeof SuperQi')).toBe('object');
    expect(await page.evaluate("SuperQi.showToast({ content: 1 }).then(() => 'resolved', (e) => e.name + ':' + e.code)")).toBe('InvalidParamsError:2');
    expect(
      await page.evaluate("(() => { const c = new AbortController(); c.abort(); return SuperQi.getSystemInfo({}, { signal: c.signal }).then(() => 'resolved', (e) => e.name); })()"),
    ).toBe('AbortedError');
    expect(errors).toEqual([]);
    await page.close();
  });
});
