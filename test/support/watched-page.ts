/**
 * A Chromium page that records what a page rendering hostile strings must never do: break its
 * Content-Security-Policy (the console says so) or run a script the strings carry (`window.__pwned`).
 */
import type { Browser, Page } from 'playwright-core';

/** The page, the CSP violations it reported, and whether a hostile string ran (`window.__pwned`). */
export interface WatchedPage {
  page: Page;
  violations: string[];
  pwned(): Promise<boolean>;
}

export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    (window as unknown as { __pwned: boolean }).__pwned = false;
  });
  return { page, violations, pwned: () => page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned) };
}
