/** Opening a test page in Chromium and calling its bridge (shared by the browser tests). */
import type { Browser, Page } from 'playwright-core';

/** A tab on `url`, with the page's uncaught errors and every URL it requested so far. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, errors, requests };
}

/** `AlipayJSBridge.call(name, params, callback)` in the page: resolves the host's one answer. */
export const bridgeAnswer = (page: Page, name: string, params: object = {}): Promise<Record<string, unknown>> =>
  page.evaluate(
    ([n, p]) => new Promise<Record<string, unknown>>((resolve) => (window as unknown as { AlipayJSBridge: { call(n: string, p: object, cb: (r: Record<string, unknown>) => void): void } }).AlipayJSBridge.call(n, p, resolve)),
    [name, params] as const,
  );
