// @vitest-environment node
/**
 * `npm start`'s devtools in Chromium: the demo miniapp (Qi Coffee) in the device, its emulator linked
 * to the dev server's sandbox wallet: an order paid in the cashier inside the device, the payment in
 * the sandbox wallet panel, a preset from the scenario panel declining the next one, and the back
 * button held by the app while a payment is under way. And the dev server holds the devtools' line:
 * loopback names only, the admin API pass-through for its own page only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../scripts/build-playground.mjs';
import { startServer } from '../../scripts/serve-playground.mjs';
import { launchChromium } from '../support/browser.js';
import { rawRequest } from '../support/raw-http.js';

/** Polls wait this long: the app's first calls wait until the devtools replayed its scenario, and the machine is shared. */
const SOON = { timeout: 10000 };

describe('npm start: the devtools with the demo miniapp', () => {
  let browser: Browser;
  let dev: Awaited<ReturnType<typeof startServer>>;
  const sandboxDir = mkdtempSync(join(tmpdir(), 'superqi-devtools-demo-'));

  beforeAll(async () => {
    await buildPlayground({ typecheck: false });
    dev = await startServer({ port: 0, build: false, watch: false, sandboxDir, log: () => {} });
    browser = await launchChromium();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await dev?.close();
    rmSync(sandboxDir, { recursive: true, force: true });
  });

  it('runs the demo in the device: pay in the cashier, see the payment in the wallet, decline one by preset', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${dev.url}devtools/`);
    await page.locator('#device-note').waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('#device-title').textContent(), SOON).toBe('Qi Coffee');
    const app = page.frame({ name: 'superqi-devtools' }) as Frame;
    expect(app.url()).toBe(`${dev.url}demo.html`);

    await app.click('#order-latte');
    const pay = app.locator('superqi-emulator [data-dialog="cashier"] [data-action="pay"]');
    await pay.waitFor();
    // While the payment is under way the app keeps the user on the page.
    await page.click('#device-back');
    await expect.poll(() => page.locator('#event-log li').first().textContent(), SOON).toContain('preventDefault');
    await pay.click();
    await expect.poll(() => app.locator('#status').textContent(), { timeout: 15000 }).toContain('(9000)');
    await page.click('[data-tab=wallet-view]');
    await expect.poll(() => page.locator('#wallet-view').textContent(), { timeout: 10000 }).toContain('Latte');
    expect(await page.locator('#wallet-view').textContent()).toContain('SUCCESS');

    await page.click('[data-tab=scenario]');
    await page.click('[data-preset="payment-declined"]');
    await app.click('#order-espresso');
    await expect.poll(() => app.locator('#status').textContent(), { timeout: 15000 }).toContain('(4000)');
    expect(errors).toEqual([]);
    await page.close();
    // A whole sign-in and two orders through the demo backend and the sandbox: slow on a loaded CI machine.
  }, 90000);

  it('answers loopback names only, and forwards the admin API for its devtools page only, on the exact paths', async () => {
    const port = new URL(dev.url).port;
    for (const path of ['/', '/api/notifications', '/__playground/sandbox.json', '/devtools/config.json', '/devtools/sandbox-api/state']) {
      const r = await rawRequest(dev.url, { path, headers: { host: `evil.example:${port}` } });
      expect(r.status, path).toBe(403);
      expect(r.text).not.toContain(dev.sandbox!.clientId);
    }
    expect((await rawRequest(dev.url, { path: '/devtools/sandbox-api/state', headers: { host: `localhost:${port}`, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    const wallet = await rawRequest(dev.url, { path: '/devtools/sandbox-api/..%2fwallet-api%2fsession', headers: { 'sec-fetch-site': 'same-origin' } });
    expect(wallet.status).toBe(404);
    const force = await rawRequest(dev.url, { method: 'POST', path: '/devtools/sandbox-api/force', headers: { origin: 'http://127.0.0.1:1', 'content-type': 'text/plain' }, body: '{"outcome":"decline"}' });
    expect(force.status).toBe(403);
    const state = JSON.parse((await rawRequest(dev.url, { path: '/devtools/sandbox-api/state' })).text) as { forced: unknown };
    expect(state.forced).toBeNull();
    // the list and its query reach the sandbox (a name it does not know: its 400 comes back)
    const list = await rawRequest(dev.url, { path: '/devtools/sandbox-api/list?name=payments&limit=1&status=SUCCESS' });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text)).toMatchObject({ name: 'payments', items: expect.any(Array) });
    expect(JSON.parse(list.text).items.length).toBeLessThanOrEqual(1);
    expect((await rawRequest(dev.url, { path: '/devtools/sandbox-api/list?name=nope' })).status).toBe(400);
  });
});
