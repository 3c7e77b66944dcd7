// @vitest-environment node
/**
 * The devtools' Console and Network panels in real Chromium: an app on another origin (the emulator
 * and the shim by script tag) logs, throws and makes requests; the panels show them — level, text
 * and source; method, URL, status and the bodies — and show the app's text as text.
 */
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { ROOT } from '../../scripts/build-playground.mjs';
import { startDevtools, type RunningDevtools } from '../../src/devtools/index.js';
import { html, serve } from '../support/browser.js';

const APP = `<!doctype html><html><head><meta charset="utf-8"><title>Orders</title></head><body>
<script>window.SuperQiEmulatorConfig = { appId: 'panels-test', profile: { appName: 'Shop' } };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
<h1 id="hello">My shop</h1>
<script>
  // On load, before the devtools asked: kept for the panel.
  console.info('app started');
  // A fetch on load, before the emulator's network capture (its lazily loaded part) is in.
  fetch('/api/onload');
  // The app's own code (a file:line to show as the source).
  window.logError = () => console.error('payment failed', { code: 42 });
  window.throwLater = () => setTimeout(() => { throw new Error('boom from the app'); });
</script></body></html>`;

/** Polls wait this long: the machine is shared. */
const SOON = { timeout: 10000 };

type AppWindow = {
  my: { request(o: object): Promise<{ status: number; data: unknown }> };
};

/** A test endpoint answering `status` with `body` as plain text. */
const plainText = (status: number, body: string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(body);
};

describe('devtools Console and Network panels in Chromium', () => {
  let browser: Browser;
  let appServer: Awaited<ReturnType<typeof serve>>;
  let devtools: RunningDevtools;
  let appUrl: string;

  beforeAll(async () => {
    appServer = await serve({
      '/app.html': html(APP),
      '/api/data': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-test': 'yes' });
        res.end(JSON.stringify({ orders: [1, 2, 3] }));
      },
      '/api/own': plainText(201, 'own fetch answer'),
      '/api/onload': plainText(200, 'on load'),
      '/api/xhr': plainText(200, 'xhr answer'),
      '/api/broken': plainText(500, 'server broke'),
    });
    appUrl = `${appServer.url}/app.html`;
    devtools = await startDevtools({ app: appUrl, root: join(ROOT, 'dist', 'devtools') });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  });
  afterAll(async () => {
    await browser?.close();
    await devtools?.close();
    await appServer?.close();
  });

  const open = async (): Promise<{ page: Page; frame: Frame }> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(devtools.url);
    await page.locator('#device-note').waitFor({ state: 'hidden' });
    const frame = page.frame({ name: 'superqi-devtools' });
    if (!frame) throw new Error('no app frame');
    return { page, frame };
  };

  it('shows console messages and uncaught errors with level and source, as text', async () => {
    const { page, frame } = await open();
    await page.click('[data-tab=console-view]');
    const lines = page.locator('#console-view li[data-level]');
    // logged on load, before the devtools asked
    await expect.poll(() => lines.allTextContents(), SOON).toContainEqual(expect.stringContaining('app started'));
    await frame.evaluate(() => {
      const w = window as unknown as { logError(): void; throwLater(): void };
      w.logError();
      console.log('<img src=x onerror="window.pwned=1">');
      w.throwLater();
    });
    const error = page.locator('#console-view li[data-level=error]', { hasText: 'payment failed' });
    await error.waitFor(SOON);
    expect(await error.locator('.dt-text').textContent()).toBe('payment failed {"code":42}');
    expect(await error.locator('.dt-source').textContent()).toBe(`${appUrl}:12`);
    const uncaught = page.locator('#console-view li[data-level=error]', { hasText: 'boom from the app' });
    await uncaught.waitFor(SOON);
    expect(await uncaught.locator('.dt-text').textContent()).toContain('Uncaught Error: boom from the app');
    expect(await uncaught.locator('.dt-source').textContent()).toBe(`${appUrl}:13`);
    // the markup is text: no element made of it, nothing ran
    const markup = page.locator('#console-view li[data-level=log]', { hasText: 'onerror' });
    await markup.waitFor(SOON);
    expect(await markup.locator('.dt-text').textContent()).toBe('<img src=x onerror="window.pwned=1">');
    expect(await page.locator('#console-view img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // filters: by level, by text
    await page.selectOption('#console-view [data-filter=level]', 'error');
    await expect.poll(() => page.locator('#console-view li[data-level=info]').count()).toBe(0);
    expect(await error.count()).toBe(1);
    await page.selectOption('#console-view [data-filter=level]', '');
    await page.fill('#console-view [data-filter=text]', 'boom');
    await expect.poll(() => lines.count()).toBe(1);
    // Clear empties the panel, here and in the app
    await page.fill('#console-view [data-filter=text]', '');
    await page.click('#console-view [data-action=clear]');
    await expect.poll(() => lines.count()).toBe(0);
    await frame.evaluate(() => console.warn('after clear'));
    await expect.poll(() => lines.allTextContents(), SOON).toEqual([expect.stringContaining('after clear')]);
    await page.close();
  });

  it('shows my.request, the app’s fetch and XHR with status and bodies; failures as failed', async () => {
    const { page, frame } = await open();
    await page.click('[data-tab=network-view]');
    const base = appServer.url;
    await frame.evaluate(async (base) => {
      const w = window as unknown as AppWindow;
      await w.my.request({ url: `${base}/api/data`, method: 'GET' });
      await (await fetch(`${base}/api/own`, { method: 'POST', body: 'hello body', headers: { 'x-mine': '1' } })).text();
      await new Promise((resolve) => {
        const x = new XMLHttpRequest();
        x.open('GET', `${base}/api/xhr`);
        x.onloadend = resolve;
        x.send();
      });
      await w.my.request({ url: `${base}/api/broken` }).catch(() => {});
      await fetch('http://127.0.0.1:1/refused').catch(() => {});
    }, base);
    const row = (url: string) => page.locator('#network-view tbody tr', { hasText: url });
    await expect.poll(() => row('/api/data').getAttribute('data-state'), SOON).toBe('done');
    const cells = (url: string) => row(url).locator('td').allTextContents();
    // the emulator's fetch for my.request shows once, as the request
    expect(await row('/api/data').count()).toBe(1);
    expect(await row('/api/data').getAttribute('data-via')).toBe('request');
    expect((await cells('/api/data')).slice(0, 3)).toEqual(['GET (request)', `${base}/api/data`, '200']);
    await expect.poll(() => row('/api/own').getAttribute('data-state'), SOON).toBe('done');
    expect(await row('/api/own').getAttribute('data-via')).toBe('fetch');
    expect((await cells('/api/own')).slice(0, 3)).toEqual(['POST', `${base}/api/own`, '201']);
    await expect.poll(() => row('/api/xhr').getAttribute('data-state'), SOON).toBe('done');
    expect(await row('/api/xhr').getAttribute('data-via')).toBe('xhr');
    // the fetch the app made on load
    await expect.poll(() => row('/api/onload').getAttribute('data-state'), SOON).toBe('done');
    expect(await row('/api/onload').getAttribute('data-via')).toBe('fetch');
    // failures: a 500 as its status, a refused connection as failed
    await expect.poll(async () => (await cells('/api/broken'))[2], SOON).toBe('500');
    await expect.poll(() => row('127.0.0.1:1/refused').getAttribute('data-state'), SOON).toBe('failed');
    expect((await cells('127.0.0.1:1/refused'))[2]).toMatch(/^failed/);
    // details: headers and bodies
    await row('/api/data').click();
    const details = page.locator('#network-details');
    await expect.poll(() => details.locator('[data-field=response-body]').textContent()).toBe('{"orders":[1,2,3]}');
    expect(await details.textContent()).toContain('x-test');
    await row('/api/own').click();
    await expect.poll(() => details.locator('[data-field=request-body]').textContent()).toBe('hello body');
    expect(await details.locator('[data-field=response-body]').textContent()).toBe('own fetch answer');
    expect(await details.textContent()).toContain('x-mine');
    await page.click('#network-view [data-action=clear]');
    await expect.poll(() => page.locator('#network-view tbody tr[data-state]').count()).toBe(0);
    await page.close();
  });
});
