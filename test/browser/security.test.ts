// @vitest-environment node
/**
 * The security suite's real-browser half, in Chromium with the built script tags:
 *
 * - hostile page strings through every UI-showing API (the scenario of test/security), with a
 *   `window.__pwned` trap that any parsed payload would spring;
 * - a page under a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval) runs the shim and
 *   the emulator with its UI, and nothing is reported as a violation;
 * - the emulator refuses to install over a real bridge or under a host user agent, and says so;
 * - two miniapps (appIds) on one origin do not see each other's storage.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';
import { expectInert, HOSTILE, runHostileUiScenario, type ScenarioStep } from '../security/hostile-ui-scenario.js';

/** A JSON literal safe inside an inline <script>. */
const inline = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

const js =
  (body: string) =>
  (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    res.end(body);
  };

const T = HOSTILE.text;

const HOSTILE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title></head><body>
<script>
  window.SuperQiEmulatorConfig = ${inline({
    ui: 'dom',
    appId: 'hostile',
    profile: { appName: T },
    fixtures: { contacts: [{ name: T, mobile: T }], places: [{ name: T, address: T, latitude: 33.3, longitude: 44.4 }] },
  })};
</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</body></html>`;

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";
const CSP_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>strict CSP</title></head><body>
<p id="status">page</p>
<script src="/csp-config.js"></script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
<script src="/csp-page.js"></script>
</body></html>`;
const CSP_CONFIG = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
window.SuperQiEmulatorConfig = { ui: 'dom', appId: 'csp' };`;
const CSP_SCRIPT = `
window.answers = [];
my.confirm({ title: 'Pay 5,000 IQD?', content: 'Under a strict CSP', confirmButtonText: 'Pay', success: (r) => window.answers.push(r) });
SuperQi.showToast({ content: 'toast under CSP', duration: 60000 });
SuperQi.setNavigationBar({ title: 'CSP page', backgroundColor: '#108ee9' });`;

/** Page code as a host app would see it: a bridge of its own, before any of our scripts. */
const REAL_BRIDGE_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script>
  window.AlipayJSBridge = {
    marker: 'real host',
    call(name, params, cb) { setTimeout(() => cb && cb({ fromRealHost: true, api: name }), 0); },
  };
</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</head><body></body></html>`;

const PLAIN_PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>window.SuperQiEmulatorConfig = { ui: 'auto' };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</body></html>`;

/** A miniapp page whose appId comes from `?app=`. */
const APP_PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script>window.SuperQiEmulatorConfig = { ui: 'auto', appId: new URLSearchParams(location.search).get('app') };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</head><body></body></html>`;

const HOST_UA =
  'Mozilla/5.0 (Linux; Android 15; PGT-AN00) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 AlipayClient/10.5.0 SuperQi/1.30.0';

describe('security in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({
      '/hostile.html': html(HOSTILE_PAGE),
      '/csp.html': html(CSP_PAGE, { 'Content-Security-Policy': CSP }),
      '/csp-config.js': js(CSP_CONFIG),
      '/csp-page.js': js(CSP_SCRIPT),
      '/real-bridge.html': html(REAL_BRIDGE_PAGE),
      '/plain.html': html(PLAIN_PAGE),
      '/app.html': html(APP_PAGE),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A new page that records page errors, console errors and console warnings. */
  async function open(url: string, page?: Page) {
    const p = page ?? (await browser.newPage());
    const errors: string[] = [];
    const warnings: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await p.goto(`${server.url}${url}`);
    return { page: p, errors, warnings };
  }

  it('hostile strings in every UI-showing API: nothing executes, nothing is parsed, the text is there', async () => {
    const { page, errors } = await open('/hostile.html');
    await page.evaluate('window.__pwned = undefined');
    const steps = (await page.evaluate(
      `(${runHostileUiScenario.toString()})({ lib: window.SuperQi, root: document.querySelector('superqi-emulator').shadowRoot }, ${JSON.stringify(HOSTILE)})`,
    )) as ScenarioStep[];
    expectInert(steps);
    await page.waitForTimeout(200);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate(`document.querySelector('superqi-emulator').shadowRoot.querySelector('.app').textContent`)).toBe(T);
    expect(errors.filter((e) => !/127\.0\.0\.1:1|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
    // the trap works: the same payload parsed as markup in this page springs it
    await page.evaluate((payload) => document.body.insertAdjacentHTML('beforeend', payload), T);
    await page.waitForFunction('window.__pwned !== undefined', undefined, { timeout: 5000 });
    await page.close();
  });

  it('a strict CSP page (no unsafe-inline, no unsafe-eval) runs the shim and the emulator UI without a violation', async () => {
    const { page, errors } = await open('/csp.html');
    const confirmButton = page.locator('superqi-emulator [data-dialog="confirm"] [data-action="confirm"]');
    await confirmButton.waitFor({ timeout: 5000 });
    expect(await confirmButton.textContent()).toBe('Pay');
    // the UI is styled: the constructable stylesheet applied under style-src 'self'
    const styles = await page.evaluate(() => {
      const root = document.querySelector('superqi-emulator')!.shadowRoot!;
      const frame = root.querySelector('.frame')!;
      const bar = root.querySelector<HTMLElement>('.bar')!;
      return { position: getComputedStyle(frame).position, bar: getComputedStyle(bar).backgroundColor, toast: !!root.querySelector('[data-dialog="showToast"]') };
    });
    expect(styles).toEqual({ position: 'fixed', bar: 'rgb(16, 142, 233)', toast: true });
    await confirmButton.click();
    await page.waitForFunction('window.answers.length === 1', undefined, { timeout: 5000 });
    expect(await page.evaluate('window.answers')).toEqual([{ confirm: true }]);
    expect(await page.evaluate('window.violations')).toEqual([]);
    expect(errors).toEqual([]);
    // the listener does hear violations: an image from another origin is one under img-src
    await page.evaluate(() => {
      const img = new Image();
      img.src = 'http://127.0.0.1:1/blocked.png';
      document.body.append(img);
    });
    await page.waitForFunction('window.violations.length > 0', undefined, { timeout: 5000 });
    expect(String(await page.evaluate('window.violations[0]'))).toMatch(/^img-src http:\/\/127\.0\.0\.1:1\/blocked\.png/);
    await page.close();
  });

  it('the emulator IIFE refuses a page with a real AlipayJSBridge, warns, and leaves the bridge alone', async () => {
    const { page, warnings, errors } = await open('/real-bridge.html');
    expect(warnings.join('\n')).toMatch(/emulator refused to install: a real AlipayJSBridge is present/);
    const state = await page.evaluate(async () => {
      const w = window as unknown as { AlipayJSBridge: { marker?: string; __superqiEmulator?: unknown }; SuperQiEmulator: { installed(): unknown }; my: { getSystemInfo(): Promise<unknown> } };
      return {
        marker: w.AlipayJSBridge.marker,
        emulated: '__superqiEmulator' in w.AlipayJSBridge,
        installed: w.SuperQiEmulator.installed() ?? null,
        frame: !!document.querySelector('superqi-emulator'),
        answer: await w.my.getSystemInfo(),
      };
    });
    expect(state).toEqual({ marker: 'real host', emulated: false, installed: null, frame: false, answer: { fromRealHost: true, api: 'getSystemInfo' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the emulator IIFE refuses under a host user agent (and installs under a desktop one)', async () => {
    const context = await browser.newContext({ userAgent: HOST_UA });
    try {
      const { page, warnings } = await open('/plain.html', await context.newPage());
      expect(await page.evaluate('navigator.userAgent')).toBe(HOST_UA);
      expect(warnings.join('\n')).toMatch(/emulator refused to install: the user agent says this is a host app/);
      expect(await page.evaluate('[typeof window.AlipayJSBridge, window.SuperQiEmulator.installed() === undefined]')).toEqual(['undefined', true]);
    } finally {
      await context.close();
    }
    // the same page in an ordinary browser context: installed
    const { page, warnings } = await open('/plain.html');
    expect(warnings.filter((w) => /refused/.test(w))).toEqual([]);
    expect(await page.evaluate('window.AlipayJSBridge.__superqiEmulator === true && window.SuperQiEmulator.installed() !== undefined')).toBe(true);
    await page.close();
  });

  it("two miniapps on one origin keep their storage apart across page loads (localStorage)", async () => {
    const context = await browser.newContext();
    const run = async (app: string, code: string): Promise<unknown> => {
      const page = await context.newPage();
      await page.goto(`${server.url}/app.html?app=${encodeURIComponent(app)}`);
      const out = await page.evaluate(`(async () => { const S = window.SuperQi; ${code} })()`);
      await page.close();
      return out;
    };
    try {
      await run('shop', `
        localStorage.setItem('page-own', 'kept');
        await S.setStorage({ key: 'shared', data: 'from shop' });
        await S.setStorage({ key: 'only-shop', data: { n: 1 } });`);
      // an id that is the other's prefix plus a colon
      expect(
        await run('shop:admin', `
          const before = [(await S.getStorage({ key: 'shared' })).data, (await S.getStorage({ key: 'only-shop' })).data];
          await S.setStorage({ key: 'shared', data: 'from admin' });
          return before;`),
      ).toEqual([null, null]);
      expect(await run('shop', `return (await S.getStorage({ key: 'shared' })).data;`)).toBe('from shop');
      // clearStorage clears one miniapp only, and never the page's own keys
      await run('shop', `await S.clearStorage();`);
      expect(
        await run('shop:admin', `return [(await S.getStorage({ key: 'shared' })).data, localStorage.getItem('page-own'), Object.keys(localStorage).sort()];`),
      ).toEqual(['from admin', 'kept', ['page-own', 'superqi:shop%3Aadmin:shared']]);
      expect(await run('shop', `return [(await S.getStorage({ key: 'shared' })).data, (await S.getStorage({ key: 'only-shop' })).data];`)).toEqual([null, null]);
    } finally {
      await context.close();
    }
  });
});
