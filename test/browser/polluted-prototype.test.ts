// @vitest-environment node
/**
 * A page whose old polyfills added enumerable properties to `Object.prototype` before the library
 * loaded (issue 19, item 8), in Chromium, against the built bundles: the script tags
 * (superqi-emulator.iife.js + superqi-bridge.iife.js, the extras script loaded on first use) and the
 * ESM build (dist/index.mjs, dist/emulator.mjs) loaded as modules. For each polluting key
 * (test/support/polluting-keys.ts) set to a function, and for every key at once set to other kinds of
 * value: a wrapper call, a `my.*` callback call and an `AlipayJSBridge.call` answer as they do on a
 * clean page, and no inherited function is ever called.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';
import { API_NAMES } from '../../src/table/index.js';
import { FIELD_KEYS, ISSUE_KEYS, POLLUTING_KEYS } from '../support/polluting-keys.js';

/** The page: pollutes Object.prototype (keys and kind of value from the query), then loads the script tags. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>polluted</title>
<script>
  const q = new URLSearchParams(location.search);
  const kind = q.get('value');
  window.__inherited = [];
  const values = {
    fn: function polluted() { window.__inherited.push(String(this && this.constructor && this.constructor.name)); return 'P'; },
    true: true,
    number: 1,
    string: 'polluted',
    object: { polluted: true },
  };
  // As old polyfills do: an assignment, so the property is enumerable.
  for (const key of q.get('keys').split(',')) if (key) Object.prototype[key] = values[kind];
  window.SuperQiEmulatorConfig = { ui: 'auto', appId: 'polluted' };
</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</head><body></body></html>`;

/**
 * What the page checks, with `lib` (SuperQi or the ESM module), `my` and `bridge`: one string per check.
 * Plain JavaScript (sent to the page as text, not compiled by the test runner).
 */
const CHECKS = `async (lib, my, bridge, quick) => {
  const wait = (p) => Promise.race([p, new Promise((r) => setTimeout(() => r('no answer in 8 s'), 8000))]);
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const run = (f, show) => {
    let p;
    try { p = f(); } catch (e) { return Promise.resolve('threw ' + e); }
    return wait(Promise.resolve(p).then((v) => show(v), (e) => 'rejected ' + (e && e.name) + (e && e.param ? ':' + e.param : '')));
  };
  const viaCallback = (f) => {
    try { return wait(new Promise(f)); } catch (e) { return Promise.resolve('threw ' + e); }
  };
  const out = {};
  out.systemInfo = await run(() => lib.getSystemInfo(), (v) => 'platform:' + typeof v.platform);
  out.badParam = await run(() => lib.showToast({ content: 1 }), () => 'resolved');
  out.mySuccess = await viaCallback((res) => my.getSystemInfo({ success: (r) => res('success:' + typeof r.platform), fail: (e) => res('fail:' + e.errorMessage) }));
  out.bridge = await viaCallback((res) => bridge.call('getSystemInfo', {}, (r) => res('ownError:' + own(r, 'error') + ',platform:' + typeof r.platform)));
  out.bridgeEmbedded = await viaCallback((res) => bridge.call('getSystemInfo', { success: (r) => res('success:' + typeof r.platform), fail: () => res('fail') }));
  if (quick) {
    out.inherited = window.__inherited.join() || 'none called';
    return out;
  }
  out.toast = await run(() => lib.showToast({ content: 'x' }), (v) => 'keys:' + Object.keys(v).length);
  out.missing = await run(() => lib.getStorage({}), () => 'resolved');
  out.storage = await run(() => lib.setStorage({ key: 'k', data: { n: 1 } }).then(() => lib.getStorage({ key: 'k' })), (v) => 'n:' + v.data.n);
  out.confirm = await run(() => lib.confirm({ content: 'c' }), (v) => 'confirm:' + v.confirm);
  out.tradePay = await run(() => lib.tradePay({ paymentUrl: 'https://pay.example/cashier?orderId=1' }), (v) => 'status:' + v.status);
  out.authCode = await run(() => lib.getAuthCode({ scopes: ['auth_base'] }), (v) => 'authCode:' + typeof v.authCode);
  out.aborted = await run(() => { const c = new AbortController(); c.abort(); return lib.getSystemInfo({}, { signal: c.signal }); }, () => 'resolved');
  out.timeoutOption = await run(() => lib.getNetworkType({}, { timeout: 5000 }), (v) => 'networkType:' + typeof v.networkType);
  out.unknownApi = await run(() => lib.call('noSuchApi'), () => 'resolved');
  out.chooseImage = await run(() => lib.chooseImage({ count: 1 }), (v) => 'paths:' + v.apFilePaths.length);
  out.canIUse = (() => { try { return [lib.canIUse('getSystemInfo'), lib.canIUse('noSuchApi'), lib.canIUse('success')].join(); } catch (e) { return 'threw ' + e; } })();
  out.isSupported = await run(() => lib.isSupported('getSystemInfo'), (v) => String(v));
  out.environment = (() => { try { const e = lib.getEnvironment(); return e.host + ',' + e.emulated + ',' + e.overridden; } catch (e) { return 'threw ' + e; } })();
  out.myFail = await viaCallback((res) => my.showToast({ content: 1, success: () => res('success'), fail: (e) => res('fail:' + e.name) }).catch(() => {}));
  out.myCall = await viaCallback((res) => my.call('getSystemInfo', {}, (r) => res('platform:' + typeof r.platform)));
  out.myCanIUse = await run(() => my.call('canIUse', { name: 'getSystemInfo' }), (v) => JSON.stringify(v) + ',' + my.canIUse('getSystemInfo'));
  out.bridgeUnknown = await viaCallback((res) => bridge.call('noSuchApi', {}, (r) => res('error:' + (own(r, 'error') && r.error))));
  out.bridgeEmbeddedFail = await viaCallback((res) => bridge.call('getStorage', { fail: (r) => res('fail:' + r.error) }));
  // An answer without callbacks: an inherited success/fail/complete must not be called for it.
  out.bridgeNoCallback = await viaCallback((res) => { bridge.call('getSystemInfo', {}); setTimeout(() => res('done'), 50); });
  out.inherited = window.__inherited.join() || 'none called';
  return out;
}`;

/** What a clean page answers, check by check. */
const EXPECTED: Record<string, string> = {
  systemInfo: 'platform:string',
  toast: 'keys:0',
  badParam: 'rejected InvalidParamsError:content',
  missing: 'rejected InvalidParamsError:key',
  storage: 'n:1',
  confirm: 'confirm:true',
  tradePay: 'status:success',
  authCode: 'authCode:string',
  aborted: 'rejected AbortedError',
  timeoutOption: 'networkType:string',
  unknownApi: 'rejected UnsupportedError',
  chooseImage: 'paths:1',
  canIUse: 'true,false,false',
  isSupported: 'true',
  environment: 'superqi,true,false',
  mySuccess: 'success:string',
  myFail: 'fail:InvalidParamsError',
  myCall: 'platform:string',
  myCanIUse: '{"canIUse":true},true',
  bridge: 'ownError:false,platform:string',
  bridgeUnknown: 'error:1',
  bridgeEmbedded: 'success:string',
  bridgeEmbeddedFail: 'fail:2',
  bridgeNoCallback: 'done',
  inherited: 'none called',
};

/** The checks made for each key on its own: a wrapper call (valid and invalid), a `my.*` callback call, `AlipayJSBridge.call` answers. */
const QUICK = ['systemInfo', 'badParam', 'mySuccess', 'bridge', 'bridgeEmbedded', 'inherited'];
const EXPECTED_QUICK = Object.fromEntries(QUICK.map((k) => [k, EXPECTED[k]]));

describe('a page whose Object.prototype was polluted before the library loaded', { timeout: 600_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({ '/polluted.html': html(PAGE) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Runs the checks on the script tags, then on the ESM build (its emulator replacing the script tag's), in one page. */
  async function checkPage(keys: readonly string[], value: string, quick = false, reuse?: Page): Promise<{ iife: unknown; esm: unknown; errors: string[] }> {
    const page: Page = reuse ?? (await browser.newPage());
    const errors: string[] = [];
    const onError = (e: Error) => errors.push(e.message);
    page.on('pageerror', onError);
    try {
      await page.goto(`${server.url}/polluted.html?value=${value}&keys=${keys.join(',')}`);
      const evaluate = (script: string) => page.evaluate(script).catch((e: Error) => `threw ${e.message}`);
      const iife = await evaluate(`(${CHECKS})(SuperQi, my, AlipayJSBridge, ${quick})`);
      const esm = await evaluate(`(async () => {
        const lib = await import('/dist/index.mjs');
        const emulator = await import('/dist/emulator.mjs');
        emulator.install({ ui: 'auto', appId: 'polluted-esm' });
        return (${CHECKS})(lib, lib.createMy(), window.AlipayJSBridge, ${quick});
      })()`);
      return { iife, esm, errors };
    } finally {
      page.off('pageerror', onError);
      if (!reuse) await page.close();
    }
  }

  /** Every key's pages, a few at a time (one browser, several tabs). */
  async function checkEach(keys: readonly string[]): Promise<Record<string, unknown>> {
    const failures: Record<string, unknown> = {};
    const queue = [...keys];
    const worker = async () => {
      // One tab per worker, navigated from key to key: a fresh page (a new context) costs more than the checks.
      const page = await browser.newPage();
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
        const r = await checkPage([key], 'fn', true, page);
        const wrong = (got: unknown) =>
          typeof got === 'string' ? { page: got } : Object.fromEntries(Object.entries(EXPECTED_QUICK).filter(([k, v]) => (got as Record<string, unknown>)[k] !== v).map(([k]) => [k, (got as Record<string, unknown>)[k]]));
        const bad = { iife: wrong(r.iife), esm: wrong(r.esm), errors: r.errors };
        if (Object.keys(bad.iife).length || Object.keys(bad.esm).length || r.errors.length) failures[key] = bad;
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    return failures;
  }

  it('a clean page answers every check as expected (the checks themselves are right)', async () => {
    expect(await checkPage([], 'fn')).toEqual({ iife: EXPECTED, esm: EXPECTED, errors: [] });
    expect(await checkPage([], 'fn', true)).toEqual({ iife: EXPECTED_QUICK, esm: EXPECTED_QUICK, errors: [] });
  });

  it(`each key the issue tried, and every API name (${ISSUE_KEYS.length + API_NAMES.length} keys), set to a function`, async () => {
    expect(await checkEach([...ISSUE_KEYS, ...API_NAMES])).toEqual({});
  });

  it(`each field name of rows, specs, calls, answers, settings and emulator options (${FIELD_KEYS.length} keys), set to a function`, async () => {
    expect(await checkEach(FIELD_KEYS)).toEqual({});
  });

  it.each(['fn', 'true', 'number', 'string', 'object'])(`every key at once (${POLLUTING_KEYS.length}, parameter names included), set to %s`, async (value) => {
    expect(await checkPage(POLLUTING_KEYS, value)).toEqual({ iife: EXPECTED, esm: EXPECTED, errors: [] });
  });
});
