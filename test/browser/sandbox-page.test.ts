// @vitest-environment node
/**
 * The sandbox page in Chromium, served by the sandbox itself under its strict CSP: it shows a payment
 * made through the Open APIs, switches to Arabic (dir=rtl), forces an outcome whose effect then shows,
 * resends a notification, and renders hostile strings as text (nothing parsed, no CSP violation).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { watchedPage } from '../support/watched-page.js';
import { ALI, NOOR_BUSINESS } from '../sandbox/merchant.js';
import { cashierPay, login, rid, startFixture, type Fixture } from '../sandbox/fixture.js';

let f: Fixture;
let browser: Browser;
let page: Page;
let violations: string[];
let pwned: () => Promise<boolean>;

beforeAll(async () => {
  f = await startFixture();
  browser = await launchChromium();
  ({ page, violations, pwned } = await watchedPage(browser));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await f?.close();
});

const HOSTILE = '<img src=x onerror="window.__pwned=true">"\'&<script>window.__pwned=true</script>';

it('shows a payment made through the API, in English then Arabic (rtl); forcing an outcome shows its effect', async () => {
  const { paymentId } = await cashierPay(f, 42_000, { extra: { order: { orderDescription: HOSTILE, buyer: { referenceBuyerId: ALI } } }, notify: 'http://127.0.0.1:1/hook' });
  const biz = await login(f, NOOR_BUSINESS, ['NOTIFICATION_PUSH']);
  await f.merchant.call('/v1/messages/sendPush', { accessToken: biz.accessToken, requestId: rid(), templateCode: 'MINI_APP_COMMON_PUSH', templates: [{ templateParameters: { Title: HOSTILE, Content: HOSTILE, Url: 'mini://x' } }] });

  await page.goto(`${f.sandbox.url}/`);
  const row = page.locator('#payments tbody tr', { hasText: paymentId });
  await row.waitFor();
  await expect(row.locator('td').nth(2).textContent()).resolves.toBe('42');
  // the page refreshes on its own: the row may show first as the payment was a moment before
  await expect.poll(() => row.locator('td').nth(4).textContent(), { timeout: 15000 }).toBe('SUCCESS');
  await expect(row.locator('td').nth(5).textContent()).resolves.toBe(HOSTILE);
  await expect(page.locator('#messages tbody tr').first().locator('td').nth(2).textContent()).resolves.toBe(`${HOSTILE}: ${HOSTILE}`);
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  await expect(page.locator('h1').textContent()).resolves.toBe('Super Qi sandbox wallet');

  await page.click('#lang');
  expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
  await expect(page.locator('h1').textContent()).resolves.toBe('محفظة Super Qi التجريبية');
  await expect(page.locator('#payments h2').textContent()).resolves.toBe('المدفوعات');
  // a masked phone number keeps its left-to-right order in the Arabic page (it read "01*******964")
  const mobile = page.locator('#users tbody tr').first().locator('td').nth(3).locator('span');
  await expect(mobile.getAttribute('dir')).resolves.toBe('ltr');
  expect(await mobile.evaluate((s) => getComputedStyle(s).direction)).toBe('ltr');
  // at 768 px words and ids stay whole: the table scrolls in its box instead
  await page.setViewportSize({ width: 768, height: 900 });
  expect(await page.locator('#users td').first().evaluate((td) => getComputedStyle(td).overflowWrap)).toBe('break-word');
  expect(await page.locator('#users table').evaluate((t) => getComputedStyle(t.parentElement!).overflowX)).toBe('auto');
  // the page names its icon (no /favicon.ico 404), and the sandbox serves it
  const icon = await page.locator('link[rel=icon]').getAttribute('href');
  const iconRes = await fetch(new URL(icon!, page.url()));
  expect([iconRes.status, iconRes.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);

  // force a decline from the page; the next cashier payment fails, and the page shows it
  await page.click('button[data-force="decline"]');
  await page.locator('#forced[data-outcome="decline"]').waitFor();
  expect(f.sandbox.state().forced).toBe('decline');
  const declined = await cashierPay(f, 5_000);
  expect(declined.decision.resultCode).toBe('4000');
  // The page may first draw the row as it was before the decision (PROCESSING): wait for the final state.
  const declinedRow = page.locator('#payments tbody tr', { hasText: declined.paymentId });
  await declinedRow.locator('td').nth(4).filter({ hasText: 'FAIL · RISK_REJECT' }).waitFor();
  await expect(declinedRow.locator('td').nth(4).textContent()).resolves.toBe('FAIL · RISK_REJECT');
  await page.locator('#forced[data-outcome=""]').waitFor();

  // script the next refund's answer from the page; the waiting entry shows, and clears from the page
  await page.selectOption('#fail-api', 'refund');
  await page.selectOption('#fail-code', 'PARTNER_BALANCE_NOT_ENOUGH');
  await page.click('#fail-set');
  await page.locator('#fail-waiting li[data-api="refund"][data-code="PARTNER_BALANCE_NOT_ENOUGH"]').waitFor();
  expect(f.sandbox.state().failNext).toEqual({ refund: 'PARTNER_BALANCE_NOT_ENOUGH' });
  await page.click('button[data-fail-clear="refund"]');
  await page.locator('#fail-waiting').waitFor({ state: 'detached' });
  expect(f.sandbox.state().failNext).toEqual({});

  // resend a delivery from the page: one more attempt is recorded
  const delivery = f.sandbox.state().deliveries.find((d) => d.paymentId === paymentId)!;
  await expect.poll(() => f.sandbox.state().deliveries.find((d) => d.paymentId === paymentId)!.attempts.length, { timeout: 5000 }).toBeGreaterThan(0);
  const before = f.sandbox.state().deliveries.find((d) => d.paymentId === paymentId)!.attempts.length;
  await page.click(`button[data-resend="${delivery.deliveryId}"]`);
  await expect.poll(() => f.sandbox.state().deliveries.find((d) => d.paymentId === paymentId)!.attempts.length, { timeout: 5000 }).toBeGreaterThan(before);

  // the Open API list comes from the table: 16 rows
  expect(await page.locator('#openApis tbody tr').count()).toBe(16);
  await expect(page.locator('#openApis tbody tr', { hasText: '/v1/payments/void' }).locator('td').nth(2).textContent()).resolves.toBe('03-open-apis/11-void.md');

  expect(await pwned()).toBe(false);
  expect(await page.locator('img').count()).toBe(0);
  expect(violations).toEqual([]);
}, 60_000);
