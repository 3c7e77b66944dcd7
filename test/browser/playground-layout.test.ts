// @vitest-environment node
/**
 * The playground as a newcomer sees it, measured in Debian's Chromium on the static copy (built here
 * into a temp dir, served by a plain file server that refuses POST /echo with 501, as simple static
 * servers do): the 768 px layout (nothing overlaps, nothing is clipped sideways), the searchable list
 * of unsupported APIs, the Arabic right-to-left UI, the dark theme, the consent sheet's scope names,
 * and the echo answered inside the page. Screenshots go to test-results/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPlayground } from '../../scripts/build-playground.mjs';
import { API_NAMES } from '../../src/table/index.js';
import { launchChromium, serve } from '../support/browser.js';

// Chromium on a shared 2-core machine: page loads can take seconds.
vi.setConfig({ testTimeout: 60000 });

const RESULTS = join(resolve(__dirname, '../..'), 'test-results');
const out = mkdtempSync(join(tmpdir(), 'superqi-playground-layout-'));

let browser: Browser;
let files: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  await buildPlayground({ outDir: out, typecheck: false });
  // A static server that refuses POST to /echo the way `python -m http.server` does.
  const refuse = (_req: unknown, res: { writeHead(n: number): { end(s: string): void } }) => res.writeHead(501).end('Unsupported method');
  files = await serve({ '/echo': refuse, '/echo/status/404': refuse }, out);
  browser = await launchChromium();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await files?.close();
  rmSync(out, { recursive: true, force: true });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function open(query: string, hash: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1440, height: 1000 }, colorScheme: options.colorScheme ?? 'light' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${files.url}/index.html${query}#${hash}`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 20000 });
  return { page, errors };
}

/** Runs the selected API with its example; returns the terminal entry's text once complete. */
async function runExample(page: Page, api: string, params?: unknown): Promise<{ state: string | null; text: string }> {
  await page.click(`#menu button[data-api="${api}"]`);
  await page.waitForSelector(`#api-panel[data-api="${api}"]`);
  if (params !== undefined) await page.fill('#params', JSON.stringify(params));
  await page.click('#run');
  const entry = page.locator(`#terminal .entry[data-api="${api}"]`).first();
  await entry.locator('.line.complete').waitFor({ timeout: 10000 });
  return { state: await entry.getAttribute('data-state'), text: await entry.innerText() };
}

/** Relative luminance of a CSS rgb() colour (0 black … 1 white). */
const luminance = (rgb: string) => {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('playground layout at 768 px', () => {
  it('the parameters table, the error codes and the snippet fit: no overlap, no sideways clipping, unions on one line', async () => {
    const { page, errors } = await open('?ui=auto', 'request', { width: 768 });
    await page.click('details.codes-box summary');
    const table = (await page.locator('#api-params table').boundingBox())!;
    const codes = (await page.locator('details.codes-box').boundingBox())!;
    expect(overlaps(table, codes)).toBe(false);
    // every header cell, "default" included, is inside the table and clear of the codes box
    for (const th of await page.locator('#api-params th').all()) {
      const b = (await th.boundingBox())!;
      expect(overlaps(b, codes)).toBe(false);
      expect(b.x + b.width).toBeLessThanOrEqual(table.x + table.width + 0.5);
    }
    const panel = (await page.locator('#api-panel').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(panel.x + panel.width);
    expect(await page.locator('.params-table').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    // "GET" | "POST" stays on one line
    const method = page.locator('#api-params tr', { hasText: 'method' }).locator('.choice');
    const tops = await method.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops.length).toBe(2);
    expect(new Set(tops).size).toBe(1);

    // the snippet: nothing past its right edge (long lines wrap)
    const snippet = page.locator('#snippet-code');
    expect(await snippet.evaluate((el) => el.textContent!.split('\n').some((l) => l.length > 80))).toBe(true);
    expect(await snippet.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.screenshot({ path: join(RESULTS, 'playground-768.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('unsupported APIs', () => {
  it('are searchable checkboxes; ticking one makes the host answer error 1, Clear undoes it', async () => {
    const { page, errors } = await open('?ui=auto', 'scan');
    expect(await page.locator('#unsupported input[type=checkbox]').count()).toBe(API_NAMES.length);
    await page.fill('#unsupported input[type=search]', 'scan');
    const visible = await page.locator('#unsupported li:not([hidden])').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    expect(visible).toEqual(['scan']);
    await page.check('#unsupported input[value="scan"]');
    expect(await page.locator('#unsupported .picker-count').getAttribute('data-count')).toBe('1');
    expect(await page.evaluate(() => (window as unknown as { emulator: { profile: { unsupported: string[] } } }).emulator.profile.unsupported)).toEqual(['scan']);
    expect((await runExample(page, 'scan')).text).toMatch(/code 1\b/);
    await page.click('#unsupported button:has-text("Clear")');
    expect((await runExample(page, 'scan')).state).toBe('success');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Arabic, right-to-left', () => {
  it('translates every marked label, mirrors the layout, keeps code left-to-right; the toggle switches back and is remembered', async () => {
    const { page, errors } = await open('?ui=auto&lang=ar', 'request', { width: 1280 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const untranslated = await page.locator('[data-i18n]').evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null && !/[\u0600-\u06ff]/.test(e.textContent ?? '')).map((e) => e.textContent),
    );
    expect(untranslated).toEqual([]);
    expect(await page.locator('#run').innerText()).toBe('تشغيل');
    expect(await page.locator('#api-filter').getAttribute('placeholder')).toBe('تصفية الواجهات');
    // the menu is on the right of the API panel; the editor and snippets stay left-to-right
    const menu = (await page.locator('#menu').boundingBox())!;
    const panel = (await page.locator('#api-panel').boundingBox())!;
    expect(menu.x).toBeGreaterThan(panel.x + panel.width - 1);
    expect(await page.locator('#params').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await page.locator('#snippet-code').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.screenshot({ path: join(RESULTS, 'playground-ui-ar.png') });

    await page.click('#ui-language');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.locator('#run').innerText()).toBe('Run');
    await page.goto(`${files.url}/index.html?ui=auto#alert`);
    await page.waitForSelector('html[data-ready=true]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.click('#ui-language');
    await page.reload();
    await page.waitForSelector('html[data-ready=true]');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('dark mode', () => {
  it('follows prefers-color-scheme, and the toggle overrides it both ways', async () => {
    const { page, errors } = await open('?ui=auto', 'alert', { colorScheme: 'dark' });
    const colours = () =>
      page.evaluate(() => {
        const card = getComputedStyle(document.querySelector('#api-panel')!);
        return { bg: getComputedStyle(document.documentElement).backgroundColor, card: card.backgroundColor, ink: card.color };
      });
    let c = await colours();
    expect(luminance(c.bg)).toBeLessThan(0.05);
    expect(luminance(c.card)).toBeLessThan(0.05);
    expect(luminance(c.ink)).toBeGreaterThan(0.6);
    await page.screenshot({ path: join(RESULTS, 'playground-dark.png') });
    // system → light → dark → system
    await page.click('#ui-theme');
    c = await colours();
    expect(luminance(c.bg)).toBeGreaterThan(0.8);
    expect(luminance(c.ink)).toBeLessThan(0.1);
    await page.click('#ui-theme');
    expect(await page.locator('#ui-theme').getAttribute('data-theme')).toBe('dark');
    expect(luminance((await colours()).bg)).toBeLessThan(0.05);
    await page.close();

    const forced = await open('?ui=auto&theme=dark', 'alert', { colorScheme: 'light' });
    expect(luminance(await forced.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))).toBeLessThan(0.05);
    expect([...errors, ...forced.errors]).toEqual([]);
    await forced.page.close();
  });
});

describe('consent sheet in the phone frame', () => {
  it('names scopes in Arabic, aligned to the right', async () => {
    const { page, errors } = await open('', 'getAuthCode');
    await page.selectOption('#language', 'ar');
    await page.fill('#params', JSON.stringify({ scopes: ['USER_NAME', 'CARD_LIST'] }));
    await page.click('#run');
    const items = page.locator('superqi-emulator [data-dialog="consent"] li');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual(['اسمك', 'بطاقاتك المرتبطة']);
    const { text, box } = await items.first().evaluate((li) => {
      const range = document.createRange();
      range.selectNodeContents(li);
      const r = range.getBoundingClientRect();
      const b = li.getBoundingClientRect();
      return { text: { left: r.left, right: r.right }, box: { left: b.left, right: b.right } };
    });
    expect(Math.abs(box.right - text.right)).toBeLessThan(2);
    expect(text.left - box.left).toBeGreaterThan(20);
    await page.locator('superqi-emulator .frame').screenshot({ path: join(RESULTS, 'consent-ar.png') });
    await page.locator('superqi-emulator [data-dialog="consent"] [data-action="allow"]').click();
    const entry = page.locator('#terminal .entry[data-api="getAuthCode"]').first();
    await entry.locator('.line.complete').waitFor();
    expect(await entry.getAttribute('data-state')).toBe('success');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('static copy: the echo answered in the page', () => {
  it('request and httpRequest examples succeed although the server refuses POST /echo (501); statuses still fail with 19', async () => {
    const { page, errors } = await open('?ui=auto', 'request');
    expect(await page.locator('#static-echo').isVisible()).toBe(true);
    const post = await runExample(page, 'request');
    expect(post.state).toBe('success');
    expect(post.text).toContain('"method": "POST"');
    expect(post.text).toContain('"from": "Mini Program"');
    const get = await runExample(page, 'httpRequest');
    expect(get.state).toBe('success');
    expect(get.text).toContain('"from": "httpRequest"');
    const status = await runExample(page, 'request', { url: `${files.url}/echo/status/404`, method: 'POST', data: { a: 1 } });
    expect(status.state).toBe('fail');
    expect(status.text).toMatch(/code 19\b/);
    // the echo's static files are the copy's own
    expect((await runExample(page, 'getImageInfo')).text).toContain('"width": 64');
    expect(errors).toEqual([]);
    await page.close();
  });
});
