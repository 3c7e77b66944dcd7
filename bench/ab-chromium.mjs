/**
 * A/B of two builds' per-call cost in Chromium, for work on the call path (not part of `npm run bench`):
 * both builds' ESM output (`<dir>/index.mjs`, e.g. a copy of dist/ from before a change, and dist/) are
 * bundled into one page with no DevTools client (bench/plain-page.mjs), and each wrapper of
 * overhead-chromium.mjs is compared, A's calls against B's, on the same fake bridge (answers in a
 * microtask, a fresh answer object each time), in alternating blocks (bench/alternate.mjs, 101 rounds). Several fresh pages, each starting
 * with a different wrapper; a figure is the median over the pages of B ÷ A.
 *
 * What to expect of it on a 2-core machine shared with others: A against itself reads 0.98–1.03, and
 * single pages ±5%, so a change under ~3% of a call does not show (a raw call here is 0.7–1.5 µs,
 * mostly the fake bridge's `queueMicrotask`).
 *
 *   cp -r dist /tmp/before && <change, npm run build> && node bench/ab-chromium.mjs /tmp/before dist [pages]
 *   AB_APIS=request,tradePay node bench/ab-chromium.mjs /tmp/before dist
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { alternate } from './alternate.mjs';
import { ROOT } from './ensure-build.mjs';
import { runPlainPage } from './plain-page.mjs';
import { median } from './report.mjs';

const [dirA, dirB, pagesArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/ab-chromium.mjs <build dir A> <build dir B> [pages]');
  process.exit(2);
}
const PAGES = Number(pagesArg ?? 3);
const APIS = (process.env.AB_APIS ?? 'alert,getNetworkType,request,getAuthCode,tradePay').split(',');

const bundle = async (dir, global) =>
  (
    await build({
      stdin: { contents: `import * as L from ${JSON.stringify(resolve(dir, 'index.mjs'))}; window.${global} = { ...L };`, resolveDir: ROOT },
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      logLevel: 'silent',
    })
  ).outputFiles[0].text;

/** Runs in the page: B's wrapper ÷ A's, per API in `order`. */
async function page({ order, alternateSource }) {
  // A fresh answer object per call, as a real bridge makes one from the native side's answer.
  const answers = { getAuthCode: () => ({ authCode: 'c' }), tradePay: () => ({ resultCode: '9000' }), request: () => ({ data: {}, status: 200, headers: {} }) };
  const answer = (name) => (answers[name] ? answers[name]() : {});
  window.AlipayJSBridge = { call: (name, params, callback) => queueMicrotask(() => callback(answer(name))) };
  const params = { alert: () => ({}), getNetworkType: () => ({}), request: () => ({ url: 'https://a.iq' }), getAuthCode: () => ({ scopes: ['auth_base'] }), tradePay: () => ({ paymentUrl: 'https://p.iq' }) };
  const alternate = (0, eval)(`(${alternateSource})`);
  const run = (fn, make) => async (n) => {
    for (let i = 0; i < n; i++) await fn(make());
  };
  const out = {};
  for (const api of order) {
    const c = await alternate(run(window.A[api], params[api]), run(window.B[api], params[api]), { block: 1000, rounds: 101, minMs: 5, now: () => performance.now() });
    out[api] = { ratio: c.ratio, a: c.raw, b: c.wrapped };
  }
  return out;
}

const files = { '/a.js': ['text/javascript', await bundle(dirA, 'A')], '/b.js': ['text/javascript', await bundle(dirB, 'B')] };
const results = {};
for (let p = 0; p < PAGES; p++) {
  const order = [...APIS.slice(p % APIS.length), ...APIS.slice(0, p % APIS.length)];
  const main = `addEventListener('load', () => setTimeout(() => (${page})(${JSON.stringify({ order, alternateSource: alternate.toString() })}).then(
    (r) => fetch('/result', { method: 'POST', body: JSON.stringify(r) }),
    (e) => fetch('/result', { method: 'POST', body: JSON.stringify({ error: String((e && e.stack) || e) }) }),
  ), 500));`;
  const r = await runPlainPage({ '/': ['text/html', `<!doctype html><title>ab</title><script src="/a.js"></script><script src="/b.js"></script><script>${main}</script>`], ...files });
  for (const [api, figure] of Object.entries(r)) (results[api] ??= []).push(figure);
}
for (const [api, list] of Object.entries(results)) {
  const ratio = median(list.map((f) => f.ratio));
  const pages = list.map((f) => f.ratio.toFixed(2)).join(' ');
  console.log(`${api.padEnd(15)} B ÷ A ${ratio.toFixed(3)}  (pages: ${pages}; ns per call ${Math.round(median(list.map((f) => f.a)))} → ${Math.round(median(list.map((f) => f.b)))})`);
}
