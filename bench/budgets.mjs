/**
 * The quality bars, as data. `bench/run.mjs` joins every measured figure with its budget here by id;
 * a figure with no budget is printed for information only.
 *
 * Sizes are minified + gzip -9 bytes, 1 KB = 1000 bytes (the stricter reading). For scale: the
 * Telegram mini-app bridge is 15.7 KB for one call, @twa-dev/sdk 13.1 KB, weixin-js-sdk 4.6 KB.
 */
export const KB = 1000;

/** id → { max } (figure must be ≤ max) or { min } (≥ min), and why. */
export const BUDGETS = {
  // ── sizes (bench/sizes.mjs): the worst of esbuild, Vite 8, webpack 5 and rollup + terser ─────
  // #19 restated the first three (2.7 KB, 5 KB, 6.5 KB before): reading only own keys of params, options,
  // answers and tables, so a page with a polluted Object.prototype still gets answers, costs ~150 B on
  // the call path that no golfing took back (one API 2,696 -> 2,851 B, all wrappers 4,980 -> 5,171 B,
  // shim 6,229 -> 6,501 B, esbuild the worst each time).
  'size.oneApi.gz': { max: 2.9 * KB, why: '`import { alert }` alone, min+gz, worst bundler (the call path #2 needs, own keys only since #19; #5 said 1.5 KB, #10 2.7 KB)' },
  'size.allWrappers.gz': { max: 5.2 * KB, why: 'every typed wrapper imported by name, min+gz, worst bundler (5 KB before #19)' },
  'size.shim.gz': { max: 6.6 * KB, why: 'the script-tag shim (src/iife.ts) as an IIFE, min+gz, worst bundler (6 KB before the APIs the docs omit, 6.5 KB before #19)' },
  'size.emulator.gz': { max: 35 * KB, why: 'the script-tag emulator with UI and both languages, min+gz, worst bundler' },

  // ── per-call overhead: wrapper ÷ raw AlipayJSBridge.call, same fake bridge, same run ────────
  'node.overhead.ratio': { max: 1.5, why: 'Node + happy-dom, median of alternating rounds' },
  'chromium.overhead.ratio': { max: 1.5, why: 'Chromium, IIFE build, median of alternating rounds' },
  'chromium.overhead.scriptTag.worstRatio': { max: 1.3, why: 'Chromium, script tag: the worst of alert, getNetworkType, request, getAuthCode, tradePay ÷ raw' },
  'chromium.overhead.esm.worstRatio': { max: 1.3, why: 'Chromium, ESM bundled into a page with no shim: the worst wrapper ÷ raw' },
  'chromium.overhead.signalNs': { max: 100, why: 'Chromium: what passing { signal } adds to a call, ns' },

  // ── 100,000 calls in a row (Node + happy-dom) ──────────────────────────────────────────────
  'node.soak.heapGrowthBytes': { max: 1_000_000, why: 'heap roughly flat after 100,000 calls (< 10 B per call), after gc()' },
  'node.soak.listenersLeft': { max: 0, why: 'no event listener left on document, window or any signal' },
  'node.soak.timersLeft': { max: 0, why: 'no timer left once the last deadline has passed' },
  'node.soak.timersLiveRightAfter': { max: 1, why: 'right after the last answer: at most the one shared deadline timer' },
  'node.soak.pendingLeft': { max: 0, why: 'no deadline / ready-queue entry left (only when the library exposes its counters)' },

  // ── import cost (bench/import-cost.mjs) ────────────────────────────────────────────────────
  'import.globalsAdded': { max: 0, why: 'importing adds/removes no property of globalThis' },
  'import.globalReads': { max: 0, why: 'importing reads no browser global (window, document, navigator, my, AlipayJSBridge, …)' },
  'import.proxyTraps': { max: 0, why: 'a Proxy-trapped window/document sees no access during import' },
  'import.sideEffects': { max: 0, why: 'no timer, microtask, listener or fetch started by importing' },

  // ── sandbox at scale (bench/sandbox-scale.mjs, #21): the worst of the sizes measured (100 → 100,000 payments) ──
  // ratios are against bench/minimal-gateway.mjs in the same run (node:http, verify, sign, append a line).
  // Before #21 (the JSON state file; --sizes 100,1000,10000; load average ~10 on 2 cores): pay 0.35× → 0.01×,
  // refund 0.22× → 0.01×, inquiry 0.75× → 0.09×, pay p50 24 → 711 ms (29×), inquiry p50 1.5 → 15 ms (10×),
  // restart 87 → 628 ms, peak RSS 92 → 249 MB, state page 2 → 151 ms
  'sandbox.scale.payRatio.worst': { min: 0.5, why: 'signed agreement pay at concurrency 8, sandbox ÷ minimal gateway, median of 5 interleaved rounds' },
  'sandbox.scale.refundRatio.worst': { min: 0.5, why: 'signed refund at concurrency 8, sandbox ÷ minimal gateway, median of 5 interleaved rounds' },
  'sandbox.scale.inquiryRatio.worst': { min: 0.8, why: 'sequential inquiryPayment, gateway p50 ÷ sandbox p50 (200 calls each)' },
  'sandbox.scale.payP50.spread': { max: 1.5, why: 'pay p50 (concurrency 8) of the slowest size ÷ the fastest: a request costs the same whatever the history' },
  'sandbox.scale.inquiryP50.spread': { max: 1.5, why: 'inquiryPayment p50 of the slowest size ÷ the fastest' },
  'sandbox.scale.restartMs.worst': { max: 100, why: 'startSandbox on an existing directory, timed in its own process' },
  'sandbox.scale.rssMB.worst': { max: 150, why: "the sandbox process's peak RSS (VmHWM), MB, seeding and measuring included" },
  'sandbox.scale.statePageMs.worst': { max: 50, why: 'GET /sandbox-api/state (what the admin page reads), p50 of 20' },
  'sandbox.scale.sizesMissing': { max: 0, why: 'every size asked for was reached within --max-seconds' },

  // ── superqi-bridge/server (bench/server-client.mjs) ─────────────────────────────────────────
  'server.overhead.ratio': { max: 1.1, why: 'a signed, verified Open API call with the client ÷ the same call with bare node:crypto + fetch (sign + verify + parse), same responder, alternating rounds, median' },

  // ── emulator (Chromium) ────────────────────────────────────────────────────────────────────
  'chromium.emulator.readyMs': { max: 50, why: 'SuperQiEmulator.install({ ui: "dom" }) until AlipayJSBridgeReady, median' },
};

/** 'pass' | 'FAIL' | 'info' | 'n/a' for one figure. */
export function judge(id, value) {
  const b = BUDGETS[id];
  if (!b) return 'info';
  if (value === null) return 'n/a'; // not measurable in this build (the bench says why)
  if (typeof value !== 'number' || Number.isNaN(value)) return 'FAIL';
  if (b.max !== undefined && value > b.max) return 'FAIL';
  if (b.min !== undefined && value < b.min) return 'FAIL';
  return 'pass';
}
