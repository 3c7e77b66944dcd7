/**
 * In Chromium (Debian's, via playwright-core; `CHROMIUM_PATH` overrides /usr/bin/chromium), with the
 * script-tag builds as a page loads them:
 *  - per-call overhead: `SuperQi.alert()` from dist/superqi-bridge.iife.js against a raw
 *    `AlipayJSBridge.call` on the same fake bridge (answers in a microtask, `queueMicrotask`),
 *    alternating blocks of sequential calls (sized so a raw block takes ≥ 20 ms: the page's clock is
 *    coarse) over several rounds; the figure is the median per-round ratio. For information, the same
 *    with a bridge answering through a promise job (a cheaper microtask in Blink);
 *  - `{ signal }`: `alert({}, { signal })` against `alert({}, {})`, ns per call (the same signal on
 *    every call, as a page passes its own);
 *  - every kind of wrapper (alert: UI; getNetworkType: deadline; request: RequestTask and host
 *    timeout; getAuthCode: result check; tradePay: result codes) ÷ raw, through the script tag and
 *    through the ESM build bundled into a page that has no shim (esbuild, from dist/index.mjs); the
 *    figure is the worst of them, each way;
 *  - emulator: dist/superqi-emulator.iife.js loaded with `SuperQiEmulatorConfig = false`, then
 *    `performance.now()` around `SuperQiEmulator.install({ ui: 'dom' })` until `AlipayJSBridgeReady`
 *    has fired and `AlipayJSBridge` is there; median over fresh pages. Also for information: the
 *    time to the next frame after install, and the evaluation time of each script.
 *
 *   node bench/overhead-chromium.mjs
 */
import { existsSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './ensure-build.mjs';
import { alternate } from './alternate.mjs';
import { emit, median } from './report.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

const CHROMIUM = CHROMIUM_PATH;
const ARGS = CHROMIUM_ARGS;
const N = Number(process.env.BENCH_BLOCK ?? 1000); // first guess; blocks grow until a raw block takes MIN_MS
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 9);
const SHIM = join(ROOT, 'dist/superqi-bridge.iife.js');
const EMULATOR = join(ROOT, 'dist/superqi-emulator.iife.js');
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

if (!existsSync(CHROMIUM)) {
  throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does`);
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const figures = [];
const extra = { chromium: browser.version(), minBlockMs: MIN_MS, rounds: ROUNDS, samples: SAMPLES };
try {
  // ── per-call overhead ──────────────────────────────────────────────────────────────────────
  {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ path: SHIM });
    const r = await page.evaluate(
      async ({ N, ROUNDS, MIN_MS, alternateSource }) => {
        // The bridge appears after the shim loaded and without AlipayJSBridgeReady, so the shim does
        // not patch it: the raw call is the bare fake bridge.
        const bridge = {
          call(name, params, callback) {
            queueMicrotask(() => callback({}));
          },
        };
        const bare = bridge.call;
        window.AlipayJSBridge = bridge;
        const { alert, getNetworkType } = window.SuperQi;
        const raw = (api) => async (n) => {
          for (let i = 0; i < n; i++) await new Promise((r) => bridge.call(api, {}, r));
        };
        const wrapped = (fn) => async (n) => {
          for (let i = 0; i < n; i++) await fn();
        };
        let reached = 0;
        bridge.call = function (...a) {
          reached++;
          return bare.apply(this, a);
        };
        await alert();
        bridge.call = bare;
        if (reached !== 1) throw new Error('SuperQi.alert() did not reach the fake bridge');
        // The same comparison as the Node bench (bench/alternate.mjs), from its source.
        const alternate = (0, eval)(`(${alternateSource})`);
        // performance.now() is coarse (100 µs) here: blocks grow until a raw block takes ≥ MIN_MS.
        const compare = (rawRun, wrapRun) => alternate(rawRun, wrapRun, { block: N, rounds: ROUNDS, minMs: MIN_MS, now: () => performance.now() });
        const al = await compare(raw('alert'), wrapped(() => alert()));
        const nt = await compare(raw('getNetworkType'), wrapped(() => getNetworkType()));
        const untouched = window.AlipayJSBridge.call === bare;
        // Blink's queueMicrotask costs ~1 µs a call, a promise job a fraction of that: the same
        // comparison with a bridge answering through a promise job is the stricter figure.
        bridge.call = (name, params, callback) => void Promise.resolve().then(() => callback({}));
        const pj = await compare(raw('alert'), wrapped(() => alert()));
        return { al, nt, pj, untouched };
      },
      { N, ROUNDS, MIN_MS, alternateSource: alternate.toString() },
    );
    if (!r.untouched) throw new Error('the fake bridge was patched during the measurement');
    figures.push(
      { id: 'chromium.overhead.ratio', label: 'Chromium: SuperQi.alert() ÷ raw bridge.call', value: r.al.ratio, unit: 'x' },
      { id: 'chromium.overhead.rawNs', label: 'Chromium: raw call, per call', value: r.al.raw, unit: 'ns' },
      { id: 'chromium.overhead.wrappedNs', label: 'Chromium: SuperQi.alert(), per call', value: r.al.wrapped, unit: 'ns' },
      { id: 'chromium.overhead.timedRatio', label: 'Chromium: getNetworkType() ÷ raw (deadline path)', value: r.nt.ratio, unit: 'x' },
      { id: 'chromium.overhead.promiseJobRatio', label: 'Chromium: alert() ÷ raw, bridge answers via a promise job', value: r.pj.ratio, unit: 'x' },
      { id: 'chromium.overhead.promiseJobRawNs', label: 'Chromium: raw call via a promise job, per call', value: r.pj.raw, unit: 'ns' },
    );
    extra.ratioRange = { alert: r.al.range, getNetworkType: r.nt.range, promiseJob: r.pj.range };
    extra.blocks = { alert: r.al.block, getNetworkType: r.nt.block, promiseJob: r.pj.block };
    await page.close();
  }

  // ── every kind of wrapper, script tag and ESM (no shim); { signal } ─────────────────────────
  {
    const esm = (await build({ stdin: { contents: `import * as L from './dist/index.mjs'; window.SuperQiESM = L;`, resolveDir: ROOT }, bundle: true, write: false, format: 'iife', minify: true, logLevel: 'silent' })).outputFiles[0].text;
    const perWay = {};
    for (const [way, add] of [
      ['scriptTag', (page) => page.addScriptTag({ path: SHIM })],
      ['esm', (page) => page.addScriptTag({ content: esm })],
    ]) {
      const page = await browser.newPage();
      await page.setContent(PAGE);
      await add(page);
      perWay[way] = await page.evaluate(
        async ({ N, ROUNDS, MIN_MS, alternateSource, way }) => {
          const lib = way === 'esm' ? window.SuperQiESM : window.SuperQi;
          if (way === 'esm' && window.my) throw new Error('the ESM page must have no my shim');
          const answers = { getAuthCode: { authCode: 'c' }, tradePay: { resultCode: '9000' }, request: { data: {}, status: 200, headers: {} } };
          const bridge = {
            call(name, params, callback) {
              queueMicrotask(() => callback(answers[name] ?? {}));
            },
          };
          window.AlipayJSBridge = bridge;
          const alternate = (0, eval)(`(${alternateSource})`);
          const compare = (rawRun, wrapRun) => alternate(rawRun, wrapRun, { block: N, rounds: ROUNDS, minMs: MIN_MS, now: () => performance.now() });
          const raw = (api, params) => async (n) => {
            for (let i = 0; i < n; i++) await new Promise((r) => bridge.call(api, params, r));
          };
          const wrapped = (fn) => async (n) => {
            for (let i = 0; i < n; i++) await fn();
          };
          const cases = {
            alert: [{}, () => lib.alert()],
            getNetworkType: [{}, () => lib.getNetworkType()],
            request: [{ url: 'https://a.iq' }, () => lib.request({ url: 'https://a.iq' })],
            getAuthCode: [{ scopes: ['auth_base'] }, () => lib.getAuthCode({ scopes: ['auth_base'] })],
            tradePay: [{ paymentUrl: 'https://p.iq' }, () => lib.tradePay({ paymentUrl: 'https://p.iq' })],
          };
          const ratios = {};
          for (const [api, [params, fn]] of Object.entries(cases)) ratios[api] = (await compare(raw(api, params), wrapped(fn))).ratio;
          const signal = new AbortController().signal;
          const sig = await compare(wrapped(() => lib.alert({}, {})), wrapped(() => lib.alert({}, { signal })));
          return { ratios, signalNs: sig.wrapped - sig.raw };
        },
        { N, ROUNDS, MIN_MS, alternateSource: alternate.toString(), way },
      );
      await page.close();
    }
    for (const [way, label] of [['scriptTag', 'script tag'], ['esm', 'ESM, no shim']]) {
      const { ratios } = perWay[way];
      const [api, worst] = Object.entries(ratios).sort((a, b) => b[1] - a[1])[0];
      figures.push({ id: `chromium.overhead.${way}.worstRatio`, label: `Chromium, ${label}: worst wrapper ÷ raw`, value: worst, unit: 'x', note: api });
    }
    figures.push({ id: 'chromium.overhead.signalNs', label: 'Chromium: { signal } added per call (script tag)', value: Math.max(0, perWay.scriptTag.signalNs), unit: 'ns' });
    extra.wrapperRatios = { scriptTag: perWay.scriptTag.ratios, esm: perWay.esm.ratios, esmSignalNs: perWay.esm.signalNs };
  }

  // ── emulator: install → ready ──────────────────────────────────────────────────────────────
  {
    const ready = [];
    const frame = [];
    for (let i = 0; i < SAMPLES; i++) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent(PAGE);
      await page.evaluate(() => {
        window.SuperQiEmulatorConfig = false;
      });
      await page.addScriptTag({ path: EMULATOR });
      const r = await page.evaluate(() => {
        if (window.AlipayJSBridge) throw new Error('the emulator installed itself although SuperQiEmulatorConfig = false');
        let readyAt;
        document.addEventListener('AlipayJSBridgeReady', () => (readyAt = performance.now()), { once: true });
        const t0 = performance.now();
        window.SuperQiEmulator.install({ ui: 'dom' });
        const bridgeAt = window.AlipayJSBridge ? performance.now() : undefined;
        return new Promise((resolve) =>
          requestAnimationFrame(() =>
            setTimeout(() =>
              resolve({
                ready: readyAt === undefined || bridgeAt === undefined ? null : Math.max(readyAt, bridgeAt) - t0,
                frame: performance.now() - t0,
                ui: document.body.children.length,
              }),
            ),
          ),
        );
      });
      if (errors.length) throw new Error(`emulator page errors: ${errors.join('; ')}`);
      if (r.ready === null) throw new Error('the emulator installed but AlipayJSBridgeReady / AlipayJSBridge did not appear');
      if (!r.ui) throw new Error("install({ ui: 'dom' }) added nothing to the page");
      ready.push(r.ready);
      frame.push(r.frame);
      await page.close();
    }
    figures.push(
      { id: 'chromium.emulator.readyMs', label: 'Chromium: emulator install → ready', value: median(ready), unit: 'ms' },
      { id: 'chromium.emulator.frameMs', label: 'Chromium: emulator install → next frame', value: median(frame), unit: 'ms' },
    );
    extra.emulatorReadySamples = ready;
  }

  // ── script evaluation (information): fresh context each sample, so no compile cache ───────────
  for (const [key, file, label] of [
    ['shim', SHIM, 'shim'],
    ['emulator', EMULATOR, 'emulator'],
  ]) {
    const code = readFileSync(file, 'utf8');
    const times = [];
    for (let i = 0; i < SAMPLES; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.setContent(PAGE);
      times.push(
        await page.evaluate((src) => {
          window.SuperQiEmulatorConfig = false;
          const s = document.createElement('script');
          s.textContent = src;
          const t0 = performance.now();
          document.head.append(s); // an inline script runs synchronously on insertion
          return performance.now() - t0;
        }, code),
      );
      await context.close();
    }
    figures.push({ id: `chromium.${key}.evalMs`, label: `Chromium: ${label} script evaluation`, value: median(times), unit: 'ms' });
  }
} finally {
  await browser.close();
}
emit(figures, extra);
