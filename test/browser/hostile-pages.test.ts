// @vitest-environment node
/**
 * Hostile pages, in Chromium, against the built script tags (issue 19, items 9, 10 and 13):
 *
 * - a `window.my` defined getter-only before the shim loads (returning nothing, an object, or
 *   throwing; configurable or not): the shim loads without an error, `SuperQi` is defined and works;
 * - hostile names and params (a Symbol, objects whose conversion throws, a null-prototype object, a
 *   Proxy, a revoked Proxy, an array nested 10,000 deep) at `on()`, `my.call`, a wrapper and
 *   `AlipayJSBridge.call`: no synchronous throw, typed rejections or one answer object;
 * - a spurious `AlipayJSBridgeReady` before the bridge: calls keep waiting and go out once it comes;
 *   `my.call('canIUse', …)` answers what `my.canIUse` answers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';
import { openPage } from '../support/page.js';

const EMULATOR = `<script>window.SuperQiEmulatorConfig = { ui: 'auto', appId: 'hostile' };</script>
<script src="/dist/superqi-emulator.iife.js"></script>`;

/** A page whose `my` is getter-only before the shim loads (`getter`: the getter's body). */
const getterPage = (getter: string, configurable: boolean, emulator: boolean) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>Object.defineProperty(window, 'my', { configurable: ${configurable}, get() { ${getter} } });</script>
${emulator ? EMULATOR : ''}
<script src="/dist/superqi-bridge.iife.js"></script>
</body></html>`;

const GETTERS: Record<string, string> = {
  'returning undefined': 'return undefined;',
  'returning a new object': 'return {};',
  throwing: "throw new Error('no my here');",
};

const PLAIN = `<!doctype html><html><head><meta charset="utf-8"></head><body>
${EMULATOR}
<script src="/dist/superqi-bridge.iife.js"></script>
</body></html>`;

/** The shim over a host whose `canIUse` JSAPI says no to everything, unlike the table. */
const NAYSAYER = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>
  window.AlipayJSBridge = { call(name, params, cb) { setTimeout(() => cb && cb(name === 'canIUse' ? { canIUse: false } : {}), 0); } };
</script>
<script src="/dist/superqi-bridge.iife.js"></script>
</body></html>`;

/** The shim alone, no host yet: the page fires a spurious AlipayJSBridgeReady. */
const LATE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script src="/dist/superqi-bridge.iife.js"></script>
<script>
  window.calls = [SuperQi.getNetworkType().then((r) => 'ok:' + r.networkType, (e) => e.name), SuperQi.ready().then(() => 'ready', (e) => e.name)];
  document.dispatchEvent(new Event('AlipayJSBridgeReady'));
</script>
</body></html>`;

/** Hostile values, made in the page (plain JavaScript). */
const HOSTILE = `(() => {
  const fail = (what) => () => { throw new Error(what + ' trap'); };
  const revoked = Proxy.revocable({}, {}); revoked.revoke();
  let deep = 'bottom'; for (let i = 0; i < 10000; i++) deep = [deep];
  return {
    symbol: Symbol('hostile'),
    throwingToString: { toString: fail('toString'), valueOf: fail('valueOf') },
    throwingToPrimitive: { [Symbol.toPrimitive]: fail('toPrimitive') },
    nullPrototype: Object.create(null),
    throwingProxy: new Proxy({}, { get: fail('get'), has: fail('has'), ownKeys: fail('ownKeys'), getOwnPropertyDescriptor: fail('descriptor'), getPrototypeOf: fail('prototype') }),
    revokedProxy: revoked.proxy,
    deepArray: deep,
  };
})()`;

describe('hostile pages', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const routes: Parameters<typeof serve>[0] = { '/plain.html': html(PLAIN), '/late.html': html(LATE), '/naysayer.html': html(NAYSAYER) };
    for (const [name, getter] of Object.entries(GETTERS)) {
      for (const configurable of [true, false]) {
        for (const emulator of [true, false]) routes[`/getter-${name.replace(/ /g, '-')}-${configurable}-${emulator}.html`] = html(getterPage(getter, configurable, emulator));
      }
    }
    server = await serve(routes);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string) => openPage(browser, `${server.url}${path}`);

  describe('a getter-only window.my before the shim loads (item 9)', () => {
    const cases = Object.keys(GETTERS).flatMap((name) => [true, false].flatMap((configurable) => [true, false].map((emulator) => [name, configurable, emulator] as const)));
    it.each(cases)('getter %s, configurable: %s, emulator: %s — no load error; SuperQi is defined and works', async (name, configurable, emulator) => {
      const { page, errors } = await open(`/getter-${name.replace(/ /g, '-')}-${configurable}-${emulator}.html`);
      expect(await page.evaluate('typeof SuperQi')).toBe('object');
      await page.evaluate('SuperQi.configure({ readyTimeout: 200 })');
      const result = await page.evaluate(
        "SuperQi.getSystemInfo().then((r) => 'ok:' + typeof r.platform, (e) => (SuperQi.isSuperQiError(e) ? 'typed:' : 'untyped:') + e.name)",
      );
      // With the emulator the call is answered; without a host it is refused with a typed error.
      if (emulator) expect(result).toBe('ok:string');
      else expect(result).toMatch(/^typed:(NotInHostError|UnsupportedError)$/);
      expect(await page.evaluate("SuperQi.showToast({ content: 1 }).then(() => 'resolved', (e) => e.name + ':' + e.param)")).toBe('InvalidParamsError:content');
      expect(await page.evaluate("typeof SuperQi.getEnvironment().host + ':' + SuperQi.canIUse('getSystemInfo')")).toBe('string:true');
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  it('hostile names and params (item 10): no synchronous throw anywhere, typed rejections, one answer each', async () => {
    const { page, errors } = await open('/plain.html');
    const outcome = await page.evaluate(`(async () => {
      const hostile = ${HOSTILE};
      const out = {};
      const sync = (f) => { try { const v = f(); return v; } catch (e) { return 'threw ' + e; } };
      const settled = (p) => (p && typeof p.then === 'function' ? p.then(() => 'resolved', (e) => (SuperQi.isSuperQiError(e) ? 'typed ' : 'untyped ') + e.name) : Promise.resolve('no promise: ' + String(p)));
      const answer = (name, params) => new Promise((res) => {
        const r = sync(() => AlipayJSBridge.call(name, params, (a) => res(a && typeof a === 'object' ? 'answer' + (a.error ? ' ' + a.error : '') : 'not an object')));
        if (typeof r === 'string' && r.startsWith('threw')) res(r);
      });
      for (const [label, v] of Object.entries(hostile)) {
        const off = sync(() => SuperQi.on(v, () => {}));
        const offHandler = sync(() => SuperQi.on('resume', v));
        document.dispatchEvent(new Event('resume'));
        out[label] = {
          on: typeof off + ',' + typeof offHandler + ',' + typeof sync(() => off()),
          myCallName: await settled(sync(() => my.call(v, {}))),
          wrapperParams: await settled(sync(() => SuperQi.getStorage(v))),
          myParams: await settled(sync(() => my.getStorage(v))),
          bridgeName: await answer(v, {}),
          bridgeParams: await answer('getSystemInfo', v),
          bridgeEmbedded: String(sync(() => AlipayJSBridge.call('getSystemInfo', v))).startsWith('threw') ? 'threw' : 'no throw',
        };
      }
      return out;
    })()`);
    const expected = (bridgeParams: unknown) => ({
      on: 'function,function,undefined',
      myCallName: 'typed InvalidParamsError',
      wrapperParams: 'typed InvalidParamsError',
      myParams: 'typed InvalidParamsError',
      bridgeName: 'answer 2',
      bridgeParams,
      bridgeEmbedded: 'no throw',
    });
    expect(outcome).toEqual({
      symbol: expected('answer'),
      throwingToString: expected('answer'),
      throwingToPrimitive: expected('answer'),
      nullPrototype: expected('answer'),
      throwingProxy: expected('answer 2'),
      revokedProxy: expected('answer 2'),
      // Copying it for the host may or may not overflow the stack: either way one answer comes.
      deepArray: expected(expect.stringMatching(/^answer( 2)?$/)),
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a spurious AlipayJSBridgeReady before the bridge (item 13): calls keep waiting, and go out once the emulator comes", async () => {
    const { page, errors } = await open('/late.html');
    expect(await page.evaluate("Promise.race([Promise.all(window.calls), new Promise((r) => setTimeout(() => r('waiting'), 300))])")).toBe('waiting');
    await page.addScriptTag({ content: "window.SuperQiEmulatorConfig = { ui: 'auto', appId: 'late' };" });
    await page.addScriptTag({ url: '/dist/superqi-emulator.iife.js' });
    expect(await page.evaluate('Promise.all(window.calls)')).toEqual([expect.stringMatching(/^ok:\w+/), 'ready']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("my.call('canIUse', { name }) answers what my.canIUse(name) answers (item 13)", async () => {
    for (const path of ['/plain.html', '/naysayer.html']) {
      const { page, errors } = await open(path);
      for (const name of ['getSystemInfo', 'scan', 'qicardSignContract', 'noSuchApi', 'toString', 'chooseImage']) {
        const [viaCall, direct] = (await page.evaluate(`my.call('canIUse', { name: ${JSON.stringify(name)} }).then((r) => [r.canIUse, my.canIUse(${JSON.stringify(name)})])`)) as [unknown, unknown];
        expect(typeof direct).toBe('boolean');
        expect(viaCall, `${path} ${name}`).toBe(direct);
      }
      if (path === '/plain.html') {
        await page.evaluate("SuperQiEmulator.installed().setProfile({ unsupported: ['scan'] })");
        expect(await page.evaluate("my.call('canIUse', { name: 'scan' }).then((r) => [r.canIUse, my.canIUse('scan')])")).toEqual([false, false]);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
