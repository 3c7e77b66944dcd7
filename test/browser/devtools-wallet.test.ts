// @vitest-environment node
/**
 * The devtools' sandbox wallet panel over the paged admin API (issue 21), in Chromium against the built
 * page: a sandbox with 121 payments shows the newest 50 with the total, "Older" adds the next ones (a
 * poll keeps them), a search by paymentRequestId finds one payment through the devtools' pass-through,
 * and typing is not undone by the polls.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-playground.mjs';
import { startDevtools, type RunningDevtools } from '../../src/devtools/index.js';
import { html, launchChromium, serve } from '../support/browser.js';
import { cashierPay, startFixture, type Fixture } from '../sandbox/fixture.js';
import { agreementPays, agreementToken, type Seeded } from '../sandbox/seed.js';

let f: Fixture;
let appServer: Awaited<ReturnType<typeof serve>>;
let devtools: RunningDevtools;
let browser: Browser;
let page: Page;
let seeded: Seeded[];
let open: { paymentId: string };
const errors: string[] = [];
/** Reads of the state through the devtools (one per poll). */
let polls = 0;
const SOON = { timeout: 10_000 };

beforeAll(async () => {
  f = await startFixture();
  const token = await agreementToken(f);
  open = await cashierPay(f, 7_000, { pay: false });
  seeded = await agreementPays(f, token, 120, { prefix: 'PANEL' });
  appServer = await serve({ '/app.html': html('<!doctype html><title>app</title><p>app') });
  devtools = await startDevtools({ app: `${appServer.url}/app.html`, sandbox: f.sandbox.url, root: join(ROOT, 'dist', 'devtools') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfinished', (r) => void (new URL(r.url()).pathname === '/sandbox-api/state' && polls++));
  await page.goto(devtools.url);
  await page.click('[data-tab=wallet-view]');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await devtools?.close();
  await appServer?.close();
  await f?.close();
});

const count = () => page.locator('[data-wallet-count="payments"]').textContent();
const ids = () => page.locator('#wallet-view table').nth(1).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
const nextPoll = async () => {
  const before = polls;
  await expect.poll(() => polls, SOON).toBeGreaterThan(before);
};

it('shows the newest 50 of 121 payments; Older adds the next ones, and the next poll keeps them', async () => {
  await expect.poll(count, SOON).toBe('50 of 121');
  const newest = f.sandbox.list('payments', { limit: 121 }).items.map((p) => p.paymentId);
  expect(await ids()).toEqual(newest.slice(0, 50));
  await page.click('[data-wallet-older="payments"]');
  await expect.poll(count, SOON).toBe('100 of 121');
  await nextPoll();
  await expect(count()).resolves.toBe('100 of 121');
  expect(await ids()).toEqual(newest.slice(0, 100));
  await page.click('[data-wallet-older="payments"]');
  await expect.poll(count, SOON).toBe('121 of 121');
  expect((await ids()).at(-1)).toBe(open.paymentId);
  expect(await page.locator('[data-wallet-older="payments"]').isHidden()).toBe(true);
  await expect(page.locator('[data-wallet-count="deliveries"]').textContent()).resolves.toBe('0 of 0');
}, 60_000);

it('finds a payment by its paymentRequestId through the devtools; typing survives the polls', async () => {
  const target = seeded[77]!;
  const search = page.locator('[data-wallet-search="payments"]');
  await search.click();
  await search.pressSequentially(target.paymentRequestId, { delay: 100 });
  await expect.poll(count, SOON).toBe('1 of 1');
  expect(await ids()).toEqual([target.paymentId]);
  await nextPoll();
  expect(await search.inputValue()).toBe(target.paymentRequestId);
  expect(await search.evaluate((input) => document.activeElement === input)).toBe(true);
  await search.fill('NO-SUCH-ID');
  await expect.poll(() => page.locator('#wallet-view .empty').first().textContent(), SOON).toBe('No payment matches.');
  await search.fill('');
  await expect.poll(count, SOON).toBe('50 of 121');
  expect(errors).toEqual([]);
}, 60_000);
