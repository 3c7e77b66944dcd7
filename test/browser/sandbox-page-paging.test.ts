// @vitest-environment node
/**
 * The sandbox page over the paged admin API (issue 21), in Chromium, served by the sandbox itself: each
 * list shows its newest page with "N of TOTAL", "Older" adds the next page and the refresh keeps it, a
 * search by a payment's request id finds it (typing is not undone by the refresh), the status filter
 * narrows the list, and a hostile search is sent as a query, never rendered.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { watchedPage } from '../support/watched-page.js';
import { cashierPay, startFixture, type Fixture } from '../sandbox/fixture.js';
import { agreementPays, agreementToken, type Seeded } from '../sandbox/seed.js';

let f: Fixture;
let browser: Browser;
let page: Page;
let token: string;
let seeded: Seeded[];
let open: { paymentId: string };
let violations: string[];
let pwned: () => Promise<boolean>;
const SOON = { timeout: 10_000 };

beforeAll(async () => {
  f = await startFixture();
  token = await agreementToken(f);
  // one payment left open (PROCESSING), then 120 paid ones (SUCCESS)
  open = await cashierPay(f, 7_000, { pay: false });
  seeded = await agreementPays(f, token, 120, { prefix: 'PAGED' });
  browser = await launchChromium();
  ({ page, violations, pwned } = await watchedPage(browser));
  page.setDefaultTimeout(10_000);
  page.on('requestfinished', (r) => void (new URL(r.url()).pathname === '/sandbox-api/state' && stateReads++));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await f?.close();
});

const rows = () => page.locator('#payments tbody tr');
const count = () => page.locator('[data-count="payments"]').textContent();
const ids = () => rows().evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
/** Waits for one more refresh of the page (it reads the state every second). */
let stateReads = 0;
const refreshed = async () => {
  const before = stateReads;
  await expect.poll(() => stateReads, SOON).toBeGreaterThan(before + 1);
};

it('shows the newest 50 payments of 121; Older adds the next ones, and the refresh keeps them', async () => {
  await page.goto(`${f.sandbox.url}/`);
  await expect.poll(count, SOON).toBe('50 of 121');
  expect(await rows().count()).toBe(50);
  const newest = f.sandbox.list('payments', { limit: 121 }).items.map((p) => p.paymentId);
  expect(await ids()).toEqual(newest.slice(0, 50));

  await page.click('[data-older="payments"]');
  await expect.poll(count, SOON).toBe('100 of 121');
  expect(await ids()).toEqual(newest.slice(0, 100));
  // a new payment: the next refresh shows it first, and still 100 rows
  const [fresh] = await agreementPays(f, token, 1, { prefix: 'FRESH' });
  await expect.poll(count, SOON).toBe('100 of 122');
  await refreshed();
  expect(await rows().count()).toBe(100);
  expect((await ids())[0]).toBe(fresh!.paymentId);

  await page.click('[data-older="payments"]');
  await expect.poll(count, SOON).toBe('122 of 122');
  expect((await ids()).at(-1)).toBe(open.paymentId);
  expect(await page.locator('[data-older="payments"]').isHidden()).toBe(true);
  // the other lists say how much there is too
  await expect(page.locator('[data-count="agreements"]').textContent()).resolves.toBe('1 of 1');
  await expect(page.locator('[data-count="refunds"]').textContent()).resolves.toBe('0 of 0');
}, 60_000);

it('finds a payment by its paymentRequestId (typing is not undone by the refresh), and by the start of ids', async () => {
  const search = page.locator('[data-search="payments"]');
  const target = seeded[41]!;
  // typed slowly, across refreshes: the box keeps the focus and every letter
  await search.click();
  await search.pressSequentially(target.paymentRequestId, { delay: 60 });
  expect(await search.inputValue()).toBe(target.paymentRequestId);
  expect(await search.evaluate((input) => document.activeElement === input)).toBe(true);
  await expect.poll(count, SOON).toBe('1 of 1');
  expect(await ids()).toEqual([target.paymentId]);
  await refreshed();
  expect(await search.inputValue()).toBe(target.paymentRequestId);
  expect(await ids()).toEqual([target.paymentId]);

  // the start of the request ids: PAGED-0100 … PAGED-0120
  await search.fill('PAGED-01');
  await expect.poll(count, SOON).toBe('21 of 21');
  await search.fill('NO-SUCH-ID');
  await expect.poll(() => page.locator('#payments .empty').textContent(), SOON).toBe('Nothing matches.');
  await expect(count()).resolves.toBe('0 of 0');

  // a hostile search is a query parameter, never markup
  await search.fill('<img src=x onerror="window.__pwned=true">');
  await expect.poll(count, SOON).toBe('0 of 0');
  expect(await page.locator('img').count()).toBe(0);
  expect(await pwned()).toBe(false);

  // cleared: the first page of everything again
  await search.fill('');
  await expect.poll(count, SOON).toBe('50 of 122');
}, 60_000);

it('filters payments by status; refunds and deliveries have the filter, the other lists a search only', async () => {
  await page.selectOption('[data-status="payments"]', 'PROCESSING');
  await expect.poll(count, SOON).toBe('1 of 1');
  expect(await ids()).toEqual([open.paymentId]);
  await page.selectOption('[data-status="payments"]', 'SUCCESS');
  await expect.poll(count, SOON).toBe('50 of 121');
  // status and search together
  await page.locator('[data-search="payments"]').fill(open.paymentId);
  await expect.poll(count, SOON).toBe('0 of 0');
  await page.selectOption('[data-status="payments"]', '');
  await expect.poll(count, SOON).toBe('1 of 1');
  // the filter outlives the refresh
  await refreshed();
  await expect(count()).resolves.toBe('1 of 1');
  expect(await page.locator('[data-status="payments"]').inputValue()).toBe('');

  for (const name of ['refunds', 'deliveries']) expect(await page.locator(`[data-status="${name}"] option`).count(), name).toBeGreaterThan(1);
  for (const name of ['agreements', 'messages']) {
    expect(await page.locator(`[data-status="${name}"]`).count(), name).toBe(0);
    expect(await page.locator(`[data-search="${name}"]`).count(), name).toBe(1);
  }
  expect(violations).toEqual([]);
}, 60_000);
