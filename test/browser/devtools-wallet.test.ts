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

it('shows amounts as IQD (the wallet keeps fils), the refunds, and long ids inside their cells', async () => {
  // 1,000 fils = 1 IQD each seeded payment; refund half of the newest one
  const newest = seeded.at(-1)!;
  const r = await f.merchant.call('/v1/payments/refund', { refundRequestId: 'PANEL-REFUND-1', paymentId: newest.paymentId, refundAmount: { currency: 'IQD', value: '500' } });
  expect(r.json.result.resultCode).toBe('SUCCESS');
  await expect.poll(() => page.locator('[data-wallet-count="refunds"]').textContent(), SOON).toBe('1 of 1');
  const refundRow = page.locator('#wallet-view table', { has: page.locator('th', { hasText: 'refundId' }) }).locator('tbody tr').first();
  await expect(refundRow.locator('td').nth(1).textContent()).resolves.toBe(newest.paymentId);
  await expect(refundRow.locator('td').nth(3).textContent()).resolves.toBe('0.5 IQD');
  const paymentRow = page.locator('#wallet-view table').nth(1).locator('tbody tr', { hasText: newest.paymentId });
  await expect.poll(() => paymentRow.locator('td').nth(3).textContent(), SOON).toBe('0.5 IQD');
  await expect(paymentRow.locator('td').nth(2).textContent()).resolves.toBe('1 IQD');
  // balances: thousands separated, no fils count followed by "IQD"
  const balances = await page.locator('#wallet-view table').first().locator('tbody tr td:nth-child(5)').allTextContents();
  expect(balances.length).toBeGreaterThan(0);
  for (const b of balances) expect(b).toMatch(/^\d{1,3}(,\d{3})*(\.\d{1,3})? IQD$/);
  // every cell of the wallet's tables stays inside the panel
  const overflow = await page.locator('#wallet-view').evaluate((view) => {
    const right = view.getBoundingClientRect().right;
    return Array.from(view.querySelectorAll('td'), (td) => td.getBoundingClientRect().right).filter((r) => r > right + 1).length;
  });
  expect(overflow).toBe(0);
  expect(errors).toEqual([]);
}, 60_000);
