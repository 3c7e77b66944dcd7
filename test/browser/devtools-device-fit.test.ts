// @vitest-environment node
/**
 * The devtools' device fits the window (issue 24): at 1280×800 the whole 844 px iPhone shows, scaled,
 * with the cashier's Cancel, Fail and Pending on screen; 100% shows it unscaled; landscape turns the
 * screen the app sees; the small Android is 360×640. In Chromium against the built devtools page.
 */
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-playground.mjs';
import { startDevtools, type RunningDevtools } from '../../src/devtools/index.js';
import { html, launchChromium, serve } from '../support/browser.js';

const APP = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body>
<script>window.SuperQiEmulatorConfig = { appId: 'device-fit-test', profile: { appName: 'Shop' } };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
<h1>Shop</h1>
</body></html>`;
const SOON = { timeout: 10_000 };

describe('the devtools device fits the window', () => {
  let browser: Browser;
  let appServer: Awaited<ReturnType<typeof serve>>;
  let devtools: RunningDevtools;

  beforeAll(async () => {
    appServer = await serve({ '/app.html': html(APP) });
    devtools = await startDevtools({ app: `${appServer.url}/app.html`, root: join(ROOT, 'dist', 'devtools') });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await devtools?.close();
    await appServer?.close();
  });

  const open = async (width: number, height: number): Promise<{ page: Page; app: Frame }> => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(devtools.url);
    await page.locator('#device-note').waitFor({ state: 'hidden' });
    // the frame's name is known to Playwright a moment after the link is up: wait for it
    await expect.poll(() => page.frame({ name: 'superqi-devtools' }) !== null, SOON).toBe(true);
    return { page, app: page.frame({ name: 'superqi-devtools' })! };
  };
  const appSize = (app: Frame) => app.evaluate(() => [innerWidth, innerHeight]);

  it("at 1280×800 the whole device shows, and the cashier's buttons are on screen", async () => {
    const { page, app } = await open(1280, 800);
    const device = (await page.locator('#device').boundingBox())!;
    expect(device.y + device.height).toBeLessThanOrEqual(800);
    expect(Number(await page.locator('#device-holder').getAttribute('data-scale'))).toBeLessThan(1);
    // the app still lays out at the phone's width: the scale is the devtools', not the app's
    expect((await appSize(app))[0]).toBe(390);
    await app.evaluate(() => void (window as unknown as { my: { tradePay(o: object): Promise<unknown> } }).my.tradePay({ paymentUrl: 'https://pay.example/cashier?orderId=1&amount=5000' }));
    for (const action of ['pay', 'cancel', 'fail', 'pending']) {
      const button = app.locator(`superqi-emulator [data-dialog=cashier] [data-action=${action}]`);
      await button.waitFor();
      const box = (await button.boundingBox())!;
      expect(box.y + box.height, action).toBeLessThanOrEqual(800);
      expect(box.y, action).toBeGreaterThanOrEqual(0);
    }
    // a click lands on the scaled button
    await app.locator('superqi-emulator [data-dialog=cashier] [data-action=cancel]').click();
    await app.locator('superqi-emulator [data-dialog=cashier]').waitFor({ state: 'detached' });
    await page.close();
  });

  it('loads with nothing missing (its icon named and served: no /favicon.ico 404)', async () => {
    const page = await browser.newPage();
    const missing: string[] = [];
    page.on('response', (r) => void (r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`)));
    await page.goto(devtools.url);
    await page.locator('#device-note').waitFor({ state: 'hidden' });
    const icon = await page.locator('link[rel=icon]').getAttribute('href');
    const res = await fetch(new URL(icon!, page.url()));
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(missing).toEqual([]);
    await page.close();
  });

  it('100% shows the device unscaled; Fit scales it again', async () => {
    const { page } = await open(1280, 800);
    await page.selectOption('#device-zoom', 'actual');
    await expect.poll(() => page.locator('#device-holder').getAttribute('data-scale'), SOON).toBe('1');
    expect((await page.locator('#device-app').boundingBox())!.width).toBe(390);
    await page.selectOption('#device-zoom', 'fit');
    await expect.poll(async () => Number(await page.locator('#device-holder').getAttribute('data-scale')), SOON).toBeLessThan(1);
    await page.close();
  });

  it('landscape turns the screen the app sees; the small Android is 360×640', async () => {
    const { page, app } = await open(1400, 1000);
    const [, portraitHeight] = await appSize(app);
    await page.selectOption('#device-orientation', 'landscape');
    await expect.poll(async () => (await appSize(app))[0], SOON).toBe(844);
    expect((await appSize(app))[1]).toBeLessThan(portraitHeight!);
    await page.selectOption('#device-orientation', 'portrait');
    await page.selectOption('#device-profile', 'android-small');
    await expect.poll(async () => (await appSize(app))[0], SOON).toBe(360);
    // 640 minus the host's status and title bars
    expect((await appSize(app))[1]).toBeLessThan(640);
    expect(await page.locator('#device').getAttribute('data-profile')).toBe('android-small');
    await page.close();
  });
});
