// @vitest-environment node
/**
 * The drop-in promise, in real Chromium: a page written for the closed CDN SDK, with our two script
 * tags in its place (emulator first, then the shim), runs unchanged — `my.*` with callbacks and both
 * `AlipayJSBridge.call` styles — and so does the shim alone over a host-like bridge.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { API_NAMES } from '../../src/table/index.js';
import { html, launchChromium, serve } from '../support/browser.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script>window.SuperQiEmulatorConfig = { ui: 'auto', appId: 'page-test' };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</head><body>
<script>
  // Page code as written for the closed SDK: callbacks, no readiness wait, both bridge styles.
  window.log = [];
  const log = (s) => window.log.push(s);
  my.alert({ title: 'Hi', content: 'Hello', success() { log('alert:success'); }, complete() { log('alert:complete'); } });
  my.confirm({ content: 'Sure?', success: (r) => log('confirm:' + r.confirm) });
  my.getAuthCode({ scopes: ['auth_base', 'USER_ID'], success: (r) => log('auth:' + typeof r.authCode), fail: (e) => log('auth-fail:' + e.error) });
  my.tradePay({ paymentUrl: 'https://cashier.example/pay?orderId=42', success: (r) => log('pay:' + r.resultCode) });
  my.setStorage({ key: 'city', data: { name: 'Baghdad' }, success() {
    my.getStorage({ key: 'city', success: (r) => log('storage:' + r.data.name) });
  } });
  my.getStorage({ key: 'missing', success: (r) => log('missing:' + r.data) });
  AlipayJSBridge.call('getDeviceInfo', {}, (r) => log('device:' + r.currentRole));
  AlipayJSBridge.call('qicardShareAppMessage', { title: 'Share', success: (r) => log('share:' + r.shareResult), fail: () => log('share:fail') });
  my.call('startApp', { appId: '2021' }, (r) => log('unknown:' + r.error));
  my.hideKeyboard().then(() => log('undocumented:hideKeyboard'));
  my.setKeepScreenOn({ keepScreenOn: true, success: () => log('undocumented:setKeepScreenOn') });
  if (typeof my.scan === 'function' && my.canIUse('scan')) log('canIUse:scan');
  my.request({ url: 'http://127.0.0.1:1/unreachable', timeout: 2000, fail: (e) => log('request-fail:' + e.error) });
  const task = my.request({ url: location.origin + '/dist/superqi-bridge.iife.js', dataType: 'text' });
  log('task:' + (typeof task.abort) + ':' + (typeof task.then));
</script></body></html>`;

describe('script tags in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({ '/page.html': html(PAGE) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs closed-SDK page code unchanged on the emulator + shim', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/page.html`);
    const expected = [
      'alert:success',
      'alert:complete',
      'confirm:true',
      'auth:string',
      'pay:9000',
      'storage:Baghdad',
      'missing:null',
      'device:customer',
      'share:true',
      'unknown:1',
      'canIUse:scan',
      'request-fail:12',
      'task:function:function',
      'undocumented:hideKeyboard',
      'undocumented:setKeepScreenOn',
    ];
    await page.waitForFunction((n) => (window as unknown as { log: string[] }).log.length >= n, expected.length, { timeout: 10000 });
    const log = await page.evaluate(() => (window as unknown as { log: string[] }).log);
    expect([...log].sort()).toEqual([...expected].sort());
    expect(log.indexOf('alert:success')).toBeLessThan(log.indexOf('alert:complete'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the shim alone waits for a host bridge injected later and answers both call styles', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    await page.addScriptTag({ url: `${server.url}/dist/superqi-bridge.iife.js` });
    const result = await page.evaluate(async () => {
      const out: string[] = [];
      const w = window as unknown as { my: any; AlipayJSBridge: any; SuperQi: any };
      const p = w.my.getSystemInfo({ success: () => out.push('cb') }).then((r: any) => out.push('promise:' + r.model));
      // The host injects its bridge later and fires the ready event.
      setTimeout(() => {
        w.AlipayJSBridge = {
          call(name: string, params: any, cb?: (r: unknown) => void) {
            setTimeout(() => cb?.(name === 'getSystemInfo' ? { model: 'X' } : { echo: params?.title }), 0);
          },
        };
        document.dispatchEvent(new Event('AlipayJSBridgeReady'));
      }, 50);
      await p;
      await new Promise<void>((r) =>
        w.AlipayJSBridge.call('qicardShareAppMessage', { title: 'T', success: (res: any) => { out.push('embedded:' + res.echo); r(); } }),
      );
      return { out, superQi: typeof w.SuperQi.alert, ours: w.my === w.my };
    });
    expect(result.out).toEqual(['cb', 'promise:X', 'embedded:T']);
    expect(result.superQi).toBe('function');
    await page.close();
  });

  it("the built shim's canIUse knows exactly the table's names (it reads them off its wrappers)", async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    await page.addScriptTag({ url: `${server.url}/dist/superqi-bridge.iife.js` });
    const names = [...API_NAMES, 'toString', 'constructor', 'startApp', 'call', ''];
    const answers = await page.evaluate((list) => {
      const w = window as unknown as { my: { canIUse(n: string): boolean }; SuperQi: { canIUse(n: string): boolean } };
      return list.map((n) => [n, w.SuperQi.canIUse(n), w.my.canIUse(n)]);
    }, names);
    for (const [name, superQi, my] of answers as [string, boolean, boolean][]) {
      const known = (API_NAMES as string[]).includes(name);
      expect({ name, superQi, my }).toEqual({ name, superQi: known, my: known });
    }
    await page.close();
  });

  it('window.SuperQi has the package exports but the ESM-only ones (as types/globals.d.ts says)', async () => {
    const esmOnly = [
      'TABLE', 'API_NAMES', 'CLASSIC_NATIVES', 'CUSTOMER_SCOPES', 'BUSINESS_SCOPES', 'SILENT_SCOPES',
      'iqdToFils', 'filsToIqd', 'toPaymentAmount', 'setTransport', 'resetTransport', 'resetConfig',
      'miniappDeepLink', 'miniappWebLink', 'parseDeepLink', 'redirectToMiniapp', 'DEEP_LINK_BASE', 'DEEP_LINK_WEB', 'STORE_URLS',
    ];
    const page = await browser.newPage();
    await page.setContent('<html><body></body></html>');
    await page.addScriptTag({ url: `${server.url}/dist/superqi-bridge.iife.js` });
    const keys = await page.evaluate(() => Object.keys((window as unknown as { SuperQi: object }).SuperQi));
    const expected = Object.keys(lib).filter((k) => !esmOnly.includes(k));
    expect([...keys].sort()).toEqual(expected.sort());
    for (const k of esmOnly) expect(Object.keys(lib)).toContain(k);
    await page.close();
  });

  it("the emulator's frame sits in a given container's flow, and at the window's top right without one", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.setContent('<html><body style="margin:0"><div style="height:300px"></div><div id="box" style="margin-left:100px;width:400px"></div><p id="after">after</p></body></html>');
    await page.addScriptTag({ content: 'window.SuperQiEmulatorConfig = false;' });
    await page.addScriptTag({ url: `${server.url}/dist/superqi-emulator.iife.js` });
    const rects = await page.evaluate(() => {
      const E = (window as unknown as { SuperQiEmulator: { install(o: object): unknown; uninstall(): void } }).SuperQiEmulator;
      const box = document.getElementById('box')!;
      const frameOf = () => document.querySelector('superqi-emulator')!.shadowRoot!.querySelector('.frame')!;
      const rect = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, position: getComputedStyle(el).position };
      };
      E.install({ ui: 'dom', container: box });
      const inBox = { frame: rect(frameOf()), box: rect(box), after: rect(document.getElementById('after')!) };
      E.uninstall();
      E.install({ ui: 'dom' });
      const onBody = rect(frameOf());
      E.uninstall();
      return { inBox, onBody, width: innerWidth };
    });
    const { frame, box, after } = rects.inBox;
    expect(frame.position).toBe('relative');
    expect(frame.left).toBeGreaterThanOrEqual(box.left);
    expect(frame.top).toBeGreaterThanOrEqual(box.top);
    expect(frame.right).toBeLessThanOrEqual(box.right);
    expect(after.top).toBeGreaterThanOrEqual(frame.bottom); // it takes room in the flow
    expect(rects.onBody.position).toBe('fixed');
    expect(rects.onBody.top).toBe(12);
    expect(rects.width - rects.onBody.right).toBe(12);
    await page.close();
  });
});
