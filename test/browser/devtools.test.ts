// @vitest-environment node
/**
 * The devtools in real Chromium: a small app on another origin (it loads the emulator and the shim by
 * script tag, nothing else) shown in the device under the host's title bar; setNavigationBar reaching
 * the title bar; the back button's event delivered and preventable; dialogs inside the device; a
 * scenario set in the panel reaching the app's next call, and kept across a reload of the app; the
 * storage and call-log panels; and a page of a foreign origin that frames the app steering nothing
 * and hearing nothing. The foreign origin is `evil.test`, which Chromium resolves to 127.0.0.1.
 */
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { ROOT } from '../../scripts/build-playground.mjs';
import { startDevtools, type RunningDevtools } from '../../src/devtools/index.js';
import { html, serve } from '../support/browser.js';

const APP = `<!doctype html><html><head><meta charset="utf-8"><title>Orders</title></head><body>
<script>window.SuperQiEmulatorConfig = { appId: 'devtools-test', profile: { appName: 'Shop' } };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
<h1 id="hello">My shop</h1>
<script>
  window.log = [];
  window.keepOnBack = false;
  // A call at startup, as apps log in on load: it waits for the devtools' hello, so the scenario reaches it.
  window.startupRole = my.getDeviceInfo().then((r) => r.currentRole);
  document.addEventListener('back', (e) => { window.log.push('back'); if (window.keepOnBack) e.preventDefault(); });
  document.addEventListener('optionMenu', () => window.log.push('optionMenu'));
</script></body></html>`;

/** The same kind of app as an ES module (as a bundler serves it), allowing one devtools origin only. */
const ESM_APP = (devtoolsOrigin: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
<h1 id="hello">ESM shop</h1>
<script type="module">
  import { install } from '/dist/emulator.mjs';
  import { setNavigationBar } from '/dist/index.mjs';
  install({ appId: 'esm-app', profile: { appName: 'ESM' }, devtools: ${JSON.stringify(devtoolsOrigin)} });
  await setNavigationBar({ title: 'From ESM' });
</script></body></html>`;

/** Polls wait this long: the app's first calls wait until the devtools replayed its scenario, and the machine is shared. */
const SOON = { timeout: 10000 };

/** A page of another site that frames the app and tries to steer it and read its log. */
const EVIL = (app: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
<iframe id="app" name="superqi-devtools" src="${app}"></iframe>
<script>
  window.heard = [];
  addEventListener('message', (e) => window.heard.push(e.data));
  const frame = document.getElementById('app');
  frame.addEventListener('load', () => {
    const send = (id, cmd, arg) => frame.contentWindow.postMessage({ tag: 'superqi-devtools', id, cmd, arg }, '*');
    send(1, 'get', { since: 1, storage: true });
    send(2, 'setProfile', [{ role: 'business' }]);
    send(3, 'preset', ['user-cancels']);
    send(4, 'clearCalls', []);
    window.sent = true;
  });
</script></body></html>`;

const app = (page: Page): Frame => {
  const f = page.frame({ name: 'superqi-devtools' });
  if (!f) throw new Error('no app frame');
  return f;
};

describe('devtools in Chromium', () => {
  let browser: Browser;
  let appServer: Awaited<ReturnType<typeof serve>>;
  let evilServer: Awaited<ReturnType<typeof serve>>;
  let devtools: RunningDevtools;
  let esmDevtools: RunningDevtools;
  let appUrl: string;

  beforeAll(async () => {
    appServer = await serve({ '/app.html': html(APP), '/bare.html': html('<!doctype html><p>No emulator here</p>'), '/esm.html': (req, res) => html(ESM_APP(new URL(esmDevtools.url).origin))(req, res) });
    appUrl = `${appServer.url}/app.html`;
    evilServer = await serve({
      '/evil.html': (req, res) => html(EVIL(appUrl))(req, res),
      '/evil-esm.html': (req, res) => html(EVIL(`${appServer.url}/esm.html`))(req, res),
    });
    devtools = await startDevtools({ app: appUrl, root: join(ROOT, 'dist', 'devtools') });
    esmDevtools = await startDevtools({ app: `${appServer.url}/esm.html`, root: join(ROOT, 'dist', 'devtools') });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.test 127.0.0.1'] });
  });
  afterAll(async () => {
    await browser?.close();
    await devtools?.close();
    await esmDevtools?.close();
    await appServer?.close();
    await evilServer?.close();
  });

  /** The devtools page, linked to the app. */
  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(devtools.url);
    await page.locator('#device-note').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    return page;
  };

  it('serves the page under a CSP that frames only the app', async () => {
    const r = await fetch(devtools.url);
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-src ${new URL(appUrl).origin}`);
    expect(csp).toContain("script-src 'self'");
    expect(await (await fetch(new URL('config.json', devtools.url))).json()).toEqual({ app: appUrl });
  });

  it('shows the app of another origin at device size, under the host title bar, dialogs inside the device', async () => {
    const page = await open();
    const frame = app(page);
    expect(frame.url()).toBe(appUrl);
    expect(await frame.locator('#hello').textContent()).toBe('My shop');
    const box = await page.locator('#device-app').boundingBox();
    expect(box?.width).toBe(390);
    expect(await page.locator('#device-title').textContent()).toBe('Shop');
    // No floating phone inside the app: the emulator's own status strip and title bar are hidden.
    expect(await frame.locator('superqi-emulator .status').isVisible()).toBe(false);
    expect(await frame.locator('superqi-emulator .bar').isVisible()).toBe(false);
    // A dialog covers the app inside the device.
    await frame.evaluate(() => void (window as unknown as { my: { alert(o: object): Promise<unknown> } }).my.alert({ content: 'Hi' }));
    const dialog = frame.locator('superqi-emulator [data-dialog=alert]');
    await dialog.waitFor();
    const d = await dialog.boundingBox();
    expect(d && box && d.x >= box.x && d.x + d.width <= box.x + box.width && d.y >= box.y).toBe(true);
    await dialog.locator('button').first().click();
    await dialog.waitFor({ state: 'detached' });
    // The Android profile resizes the device and tells the app.
    await page.selectOption('#device-profile', 'android');
    await expect.poll(async () => (await page.locator('#device-app').boundingBox())?.width, SOON).toBe(360);
    await expect
      .poll(() => frame.evaluate(() => (window as unknown as { my: { getSystemInfo(): Promise<{ platform: string }> } }).my.getSystemInfo().then((r) => r.platform)))
      .toBe('Android');
    await page.close();
  });

  it('turns the host right-to-left for Arabic and shows the emulated network in the status bar', async () => {
    const page = await open();
    await page.selectOption('#language', 'ar');
    await expect.poll(() => page.locator('#device').getAttribute('dir'), SOON).toBe('rtl');
    await expect
      .poll(() => app(page).evaluate(() => (window as unknown as { my: { getSystemInfo(): Promise<{ language: string }> } }).my.getSystemInfo().then((r) => r.language)))
      .toMatch(/^ar/);
    expect(await page.locator('#device-network').textContent()).not.toBe('No service');
    await page.click('[data-preset="offline"]');
    await expect.poll(() => page.locator('#device-network').textContent(), SOON).toBe('No service');
    expect(await page.locator('#device-battery').textContent()).toMatch(/^⚡?\d+%$/);
    await page.close();
  });

  it('updates the title bar from setNavigationBar', async () => {
    const page = await open();
    await app(page).evaluate(() =>
      (window as unknown as { my: { setNavigationBar(o: object): Promise<unknown> } }).my.setNavigationBar({ title: 'My orders', backgroundColor: '#108ee9' }),
    );
    await expect.poll(() => page.locator('#device-title').textContent(), SOON).toBe('My orders');
    const bar = page.locator('#device-bar');
    expect(await bar.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(16, 142, 233)');
    expect(await bar.getAttribute('class')).toContain('dark');
    await page.close();
  });

  it('delivers the back button and the option menu to the app; the app can prevent back', async () => {
    const page = await open();
    const frame = app(page);
    const log = () => frame.evaluate(() => (window as unknown as { log: string[] }).log);
    await page.click('#device-back');
    await expect.poll(log, SOON).toEqual(['back']);
    await expect.poll(() => page.locator('#event-log li').first().textContent(), SOON).toContain('not prevented');
    await frame.evaluate(() => ((window as unknown as { keepOnBack: boolean }).keepOnBack = true));
    await page.click('#device-back');
    await expect.poll(log, SOON).toEqual(['back', 'back']);
    await expect.poll(() => page.locator('#event-log li').first().textContent(), SOON).toContain('preventDefault');
    await page.click('#device-menu');
    await expect.poll(log, SOON).toEqual(['back', 'back', 'optionMenu']);
    await page.close();
  });

  it('applies a scenario set in the panel to the app’s next call, and keeps it when the app reloads', async () => {
    const page = await open();
    const confirm = (f: Frame) =>
      f.evaluate(() => (window as unknown as { my: { confirm(o: object): Promise<{ confirm: boolean }> } }).my.confirm({ content: 'Sure?' }).then((r) => r.confirm));
    await page.selectOption('#override-api', 'confirm');
    await page.selectOption('#override-outcome', 'cancel');
    await page.click('#override-apply');
    // the list marks an override applied once the app has it: a call before that would open the dialog
    await expect.poll(() => page.locator('#overrides [data-override=confirm][data-applied]').count(), SOON).toBe(1);
    expect(await confirm(app(page))).toBe(false);
    // The role reaches the app too.
    await page.selectOption('#role', 'business');
    const role = (f: Frame) =>
      f.evaluate(() => (window as unknown as { my: { getDeviceInfo(): Promise<{ currentRole: string }> } }).my.getDeviceInfo().then((r) => r.currentRole));
    await expect.poll(() => role(app(page)), SOON).toBe('business');
    // Reload: the devtools says hello again and replays the scenario.
    const links = await page.locator('#device').getAttribute('data-links');
    await page.click('#app-reload');
    await expect.poll(() => page.locator('#device').getAttribute('data-links'), SOON).toBe(String(Number(links) + 1));
    await expect.poll(() => confirm(app(page)), SOON).toBe(false);
    expect(await role(app(page))).toBe('business');
    expect(await app(page).evaluate(() => (window as unknown as { startupRole: Promise<string> }).startupRole)).toBe('business');
    // Reset gives the app its own answers back (confirm opens its dialog again).
    await page.click('#scenario-reset');
    await expect.poll(() => role(app(page)), SOON).toBe('customer');
    expect(await page.locator('#overrides [data-override]').count()).toBe(0);
    // A `once` outcome answers one call, then leaves the panel's list.
    await page.selectOption('#override-api', 'confirm');
    await page.selectOption('#override-outcome', 'success');
    await page.check('#override-once');
    await page.click('#override-apply');
    await expect.poll(() => page.locator('#overrides [data-override=confirm][data-applied]').count(), SOON).toBe(1);
    expect(await confirm(app(page))).toBe(true);
    await expect.poll(() => page.locator('#overrides [data-override=confirm]').count(), SOON).toBe(0);
    await page.close();
  });

  it('shows the app’s storage and call log, and edits them', async () => {
    const page = await open();
    const frame = app(page);
    await frame.evaluate(() => (window as unknown as { my: { setStorage(o: object): Promise<unknown> } }).my.setStorage({ key: 'cart', data: { items: 2 } }));
    await page.click('[data-tab=storage-view]');
    await expect.poll(() => page.locator('#storage-view tr[data-key=cart]').count(), SOON).toBe(1);
    expect(await page.locator('#storage-view tr[data-key=cart]').textContent()).toContain('"items": 2');
    const stored = () =>
      frame.evaluate(() => (window as unknown as { my: { getStorage(o: object): Promise<{ data: unknown }> } }).my.getStorage({ key: 'cart' }).then((r) => r.data));
    // Edit: the app reads what the panel wrote; bad JSON is refused.
    await page.click('#storage-view tr[data-key=cart] [data-action=edit]');
    const editor = page.locator('#storage-view tr[data-key=cart] textarea');
    await editor.fill('{ "items": ');
    await page.click('#storage-view tr[data-key=cart] [data-action=save]');
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    await editor.fill('{ "items": 5, "note": "<b>no html</b>" }');
    await page.click('#storage-view tr[data-key=cart] [data-action=save]');
    await expect.poll(stored, SOON).toEqual({ items: 5, note: '<b>no html</b>' });
    await expect.poll(() => page.locator('#storage-view tr[data-key=cart] pre').textContent(), SOON).toContain('<b>no html</b>');
    expect(await page.locator('#storage-view b').count()).toBe(0);
    await page.click('#storage-view tr[data-key=cart] [data-action=remove]');
    await expect.poll(stored, SOON).toBe(null);
    // The call log, filtered by API and by outcome.
    await frame.evaluate(
      () =>
        new Promise((resolve) =>
          (window as unknown as { AlipayJSBridge: { call(n: string, p: object, cb: (r: unknown) => void): void } }).AlipayJSBridge.call('getStorage', { key: 7 }, resolve),
        ),
    );
    await page.click('[data-tab=calls-view]');
    await expect.poll(() => page.locator('#calls-view tr[data-call]').count(), SOON).toBeGreaterThanOrEqual(4);
    await page.fill('#calls-filter', 'setStor');
    await expect.poll(() => page.locator('#calls-view tr[data-call]').count(), SOON).toBe(1);
    expect(await page.locator('#calls-view tbody').textContent()).toContain('setStorage');
    await page.fill('#calls-filter', '');
    await page.selectOption('#calls-outcome', 'fail');
    await expect.poll(() => page.locator('#calls-view tr[data-call]').count(), SOON).toBe(1);
    expect(await page.locator('#calls-view tbody').textContent()).toContain('getStorage');
    // Cleared in the panel: cleared in the app.
    // The clear travels by postMessage: it reaches the app soon, not at once.
    await page.click('#calls-clear');
    await expect.poll(() => frame.evaluate(() => (window as unknown as { SuperQiEmulator: { installed(): { calls: unknown[] } } }).SuperQiEmulator.installed().calls.length), SOON).toBe(0);
    await page.close();
  });

  it('links an app that installs the emulator as an ES module, allowing only its devtools’ origin', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(esmDevtools.url);
    await page.locator('#device-note').waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('#device-title').textContent(), SOON).toBe('From ESM');
    await page.close();
    // Another loopback page is no devtools of this app: it hears nothing.
    const other = await browser.newPage();
    await other.goto(`${evilServer.url}/evil-esm.html`);
    await other.waitForFunction(() => (window as unknown as { sent?: boolean }).sent === true);
    const frame = other.frame({ name: 'superqi-devtools' })!;
    // The module ran before the frame's load event, when the page posted: its emulator was listening.
    expect(await frame.evaluate(() => typeof (window as unknown as { AlipayJSBridge?: unknown }).AlipayJSBridge)).toBe('object');
    await other.waitForTimeout(300);
    expect(await other.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
    await other.close();
  });

  it('says what is missing when the app loads no emulator', async () => {
    const bare = await startDevtools({ app: `${appServer.url}/bare.html`, root: join(ROOT, 'dist', 'devtools') });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(bare.url);
      await expect.poll(() => page.locator('#device-note').textContent(), { timeout: 10000 }).toContain('No emulator answered');
      expect(await page.locator('#device-note').textContent()).toContain(`install({ devtools: '${new URL(bare.url).origin}' })`);
      await page.close();
    } finally {
      await bare.close();
    }
  });

  it('answers a loopback page that frames the app (the default policy), to that page only', async () => {
    // The control for the next test: the same page, served from 127.0.0.1, is a devtools by default.
    const page = await browser.newPage();
    await page.goto(`${evilServer.url}/evil.html`);
    await page.waitForFunction(() => (window as unknown as { heard: { re?: number }[] }).heard.length >= 4);
    const heard = await page.evaluate(() => (window as unknown as { heard: { re: number; value?: { appId?: string } }[] }).heard);
    expect(heard.map((m) => m.re).sort()).toEqual([1, 2, 3, 4]);
    expect(heard.find((m) => m.re === 1)?.value?.appId).toBe('devtools-test');
    await page.close();
  });

  it('ignores a page of another origin that frames the app: it steers nothing and hears nothing', async () => {
    const port = new URL(evilServer.url).port;
    const page = await browser.newPage();
    await page.goto(`http://evil.test:${port}/evil.html`);
    await page.waitForFunction(() => (window as unknown as { sent?: boolean }).sent === true);
    const frame = page.frame({ name: 'superqi-devtools' })!;
    const role = await frame.evaluate(() =>
      (window as unknown as { my: { getDeviceInfo(): Promise<{ currentRole: string }> } }).my.getDeviceInfo().then((r) => r.currentRole),
    );
    expect(role).toBe('customer');
    // The emulator answered nothing: no call log, no storage reached the foreign page.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
    await page.close();
  });
});
