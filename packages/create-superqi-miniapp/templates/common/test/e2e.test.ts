// End to end in Chromium: the sandbox wallet, the backend and Vite with the Super Qi plugin, as
// `npm start` runs them. Sign in → pay in the emulator's cashier → the backend got the notification → refund.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from 'superqi-bridge/sandbox';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackend, type Backend } from '../server/backend';
import { LANG } from '../web/src/lang';
import { STRINGS } from '../web/src/strings';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const t = STRINGS[LANG];
let dir: string;
let sandbox: Sandbox;
let backend: Backend;
let vite: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: set CHROMIUM_PATH to a Chrome or Chromium binary (e.g. apt-get install chromium, or npx playwright-core install chromium and the chrome it downloads)`);
  }
  dir = mkdtempSync(join(tmpdir(), 'superqi-e2e-'));
  sandbox = await startSandbox({ port: 0, dir });
  backend = await startBackend({ envPath: sandbox.envPath });
  process.env.SUPERQI_SANDBOX_URL = sandbox.url; // read by vite.config.ts, as npm start sets them
  process.env.BACKEND_URL = backend.url;
  // mode 'development', as `npm start`: the plugin stays out of Vite servers made in test mode
  vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), mode: 'development', server: { port: 0 }, logLevel: 'error' });
  await vite.listen();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await backend?.close();
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A button of the emulator's sheets (in its shadow root; Playwright's CSS pierces it). */
const sheet = (page: Page, dialog: string, action: string) => page.locator(`superqi-emulator [data-dialog="${dialog}"] [data-action="${action}"]`);

it('signs in, pays in the cashier, the backend is notified, refunds', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(vite.resolvedUrls!.local[0]!);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([LANG, LANG === 'ar' ? 'rtl' : 'ltr']);

  await sheet(page, 'consent', 'allow').click(); // USER_NAME asks the user
  await expect.poll(() => page.locator('[data-id="hello"]').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${t.hello('')}\\S`));

  await page.locator('[data-id="order"]').click();
  await sheet(page, 'cashier', 'pay').click();
  await expect.poll(() => page.locator('[data-id="status"]').textContent(), { timeout: 15_000 }).toBe(t.paid);
  const [order] = [...backend.orders.values()];
  await expect.poll(() => order?.notified, { timeout: 15_000 }).toBe('SUCCESS');

  await page.locator('[data-id="refund"]').click();
  await expect.poll(() => page.locator('[data-id="status"]').textContent(), { timeout: 15_000 }).toBe(t.refunded);
  expect(sandbox.state().refunds.some((r) => r.paymentId === order!.paymentId)).toBe(true);
  expect(errors).toEqual([]);
});
