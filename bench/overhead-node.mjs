/**
 * Per-call overhead and 100,000 calls in a row, in Node + happy-dom, against dist/index.mjs.
 *
 * Overhead: a fake `AlipayJSBridge` that answers in a microtask; blocks of sequential calls (sized
 * so a raw block takes ≥ 20 ms), raw
 * (`new Promise(r => bridge.call('alert', {}, r))`) and wrapped (`await alert()`), alternating which
 * goes first, several rounds (bench/alternate.mjs, shared with the Chromium bench); the figure is the
 * median of the per-round ratios wrapper ÷ raw, and the reported figure the median of 3 fresh processes
 * (BENCH_PROCESSES).
 * `getNetworkType` (a call with a default timeout, so it goes through the shared deadline timer) is
 * measured the same way, for information.
 *
 * Soak: 1,000 calls queued before the bridge exists (released by `AlipayJSBridgeReady`), then
 * 100,000 sequential calls cycling alert() / getNetworkType() / getNetworkType with an AbortSignal;
 * heap (after gc()) before and after; event listeners (every EventTarget, happy-dom's and Node's) and
 * timers (global setTimeout/clearTimeout) counted by wrapping; the library's own counters
 * (`deadlineStats`, `waitingForHost`) when the package exports them. The shared deadline timer
 * legitimately outlives the last call (it stops by itself at its deadline): the clock is then moved
 * past every deadline and due timers are run, after which none may be left.
 *
 *   node --expose-gc bench/overhead-node.mjs      (re-runs itself with --expose-gc when needed)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  const r = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { Window } = await import('happy-dom');
const { ROOT } = await import('./ensure-build.mjs');
const { emit } = await import('./report.mjs');
const { alternate } = await import('./alternate.mjs');

const N = Number(process.env.BENCH_BLOCK ?? 1000); // first guess; blocks grow until a raw block takes MIN_MS
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SOAK = 100_000;

// ── instrumentation: timers and listeners ──────────────────────────────────────────────────────
const live = new Map(); // timer handle → callback
let timersArmed = 0;
const realSet = globalThis.setTimeout;
const realClear = globalThis.clearTimeout;
globalThis.setTimeout = function (cb, ms, ...args) {
  timersArmed++;
  const h = realSet(() => {
    live.delete(h);
    cb(...args);
  }, ms);
  live.set(h, () => cb(...args));
  return h;
};
globalThis.clearTimeout = function (h) {
  live.delete(h);
  return realClear(h);
};

const listeners = new Map(); // target → Set of `${type}` + listener identity
const wrapped = new Set();
/** Wraps add/removeEventListener where `obj` finds them (its prototype chain), once per owner. */
const wrapTarget = (obj) => {
  let proto = obj;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'addEventListener')) proto = Object.getPrototypeOf(proto);
  if (!proto || wrapped.has(proto)) return;
  wrapped.add(proto);
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  proto.addEventListener = function (type, fn, opts) {
    if (fn) {
      let m = listeners.get(this);
      if (!m) listeners.set(this, (m = new Map()));
      const set = m.get(`${type}`) ?? new Set();
      m.set(`${type}`, set.add(fn));
      // A `once` listener is gone after it fires, without a removeEventListener call.
      if (typeof opts === 'object' && opts?.once) add.call(this, type, () => set.delete(fn), { once: true });
    }
    return add.call(this, type, fn, opts);
  };
  proto.removeEventListener = function (type, fn, opts) {
    listeners.get(this)?.get(`${type}`)?.delete(fn);
    return remove.call(this, type, fn, opts);
  };
};
const liveListeners = () => {
  let n = 0;
  for (const m of listeners.values()) for (const s of m.values()) n += s.size;
  return n;
};

// ── the page: happy-dom window + a fake bridge answering in a microtask ─────────────────────────
const window = new Window({ url: 'https://miniapp.example/' });
for (const t of [window, window.document, new window.AbortController().signal, new AbortController().signal]) wrapTarget(t);
globalThis.window = window;
globalThis.document = window.document;
const bridge = {
  call(name, params, callback) {
    queueMicrotask(() => callback({}));
  },
};
window.AlipayJSBridge = bridge;

const pkg = await import(pathToFileURL(join(ROOT, 'dist/index.mjs')).href);
const testing = await import(pathToFileURL(join(ROOT, 'dist/testing.mjs')).href).catch(() => ({}));
const stat = (name) => pkg[name] ?? testing[name];
const { alert, getNetworkType } = pkg;

// sanity: the wrapper really reaches this fake bridge
{
  let seen = 0;
  const orig = bridge.call;
  bridge.call = function (...a) {
    seen++;
    return orig.apply(this, a);
  };
  await alert();
  bridge.call = orig;
  if (seen !== 1) throw new Error('alert() did not reach the fake bridge');
}

// ── overhead ───────────────────────────────────────────────────────────────────────────────────
const raw = (api) => async (n) => {
  for (let i = 0; i < n; i++) await new Promise((r) => bridge.call(api, {}, r));
};
const wrappedRun = (fn) => async (n) => {
  for (let i = 0; i < n; i++) await fn();
};
const hrMs = () => Number(process.hrtime.bigint()) / 1e6;
const compare = (rawRun, wrapRun) => alternate(rawRun, wrapRun, { block: N, rounds: ROUNDS, minMs: MIN_MS, now: hrMs });

// The comparison runs in PROCESSES fresh processes (`--overhead-only`) and each figure is their
// median: one process's JIT settles into a faster or slower state for the whole run (ratios of
// 1.48 and 1.77 came from the same build), so one process is one sample.
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
const overheadOnly = process.argv.includes('--overhead-only');
let al;
let nt;
if (overheadOnly || PROCESSES <= 1) {
  al = await compare(raw('alert'), wrappedRun(() => alert()));
  nt = await compare(raw('getNetworkType'), wrappedRun(() => getNetworkType()));
  if (overheadOnly) {
    process.stdout.write(`${JSON.stringify({ al, nt })}\n`);
    process.exit(0);
  }
} else {
  const runs = [];
  for (let i = 0; i < PROCESSES; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--overhead-only'], { encoding: 'utf8', env: process.env });
    if (r.status !== 0) throw new Error(`overhead process ${i + 1} failed (${r.status}):\n${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim().split('\n').at(-1)));
  }
  const mid = (key, pick) => {
    const xs = runs.map((r) => pick(r[key])).sort((a, b) => a - b);
    return xs[xs.length >> 1];
  };
  const of = (key) => ({
    ratio: mid(key, (c) => c.ratio),
    raw: mid(key, (c) => c.raw),
    wrapped: mid(key, (c) => c.wrapped),
    range: [Math.min(...runs.map((r) => r[key].range[0])), Math.max(...runs.map((r) => r[key].range[1]))],
    block: mid(key, (c) => c.block),
    perProcess: runs.map((r) => r[key].ratio),
  });
  al = of('al');
  nt = of('nt');
}

// ── soak ───────────────────────────────────────────────────────────────────────────────────────
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
await wrappedRun(() => getNetworkType())(10_000); // warm every path before the baseline
const listenersBefore = liveListeners();
const heapBefore = heap();
const armedBefore = timersArmed;

// phase A: calls made before the bridge exists wait in the ready queue
delete window.AlipayJSBridge;
const queued = Array.from({ length: 1000 }, (_, i) => (i % 2 ? alert() : getNetworkType()));
const waitingDuring = stat('waitingForHost')?.();
const listenersWhileQueued = liveListeners() - listenersBefore;
const timersWhileQueued = live.size;
if (listenersWhileQueued < 1 || timersWhileQueued < 1) {
  throw new Error(`instrumentation check: queued calls should hold the ready listener and timer (saw ${listenersWhileQueued}, ${timersWhileQueued})`);
}
window.AlipayJSBridge = bridge;
window.document.dispatchEvent(new window.Event('AlipayJSBridgeReady'));
await Promise.all(queued);

// phase B: 100,000 calls in a row
const controller = new AbortController();
{
  // A call listens for its signal's abort once a microtask has passed without an answer: this one is
  // answered only after the check (the soak's bridge answers sooner, so its calls add no listener).
  const fast = bridge.call;
  let answer;
  bridge.call = (name, params, callback) => void (answer = () => callback({}));
  const inFlight = getNetworkType({}, { signal: controller.signal });
  bridge.call = fast;
  await new Promise((r) => setImmediate(r));
  const seen = liveListeners() - listenersBefore;
  answer();
  await inFlight;
  if (seen !== 1) throw new Error(`instrumentation check: a pending call with a signal should hold one abort listener (saw ${seen})`);
}
const t0 = process.hrtime.bigint();
for (let i = 0; i < SOAK; i++) {
  const k = i % 3;
  if (k === 0) await alert();
  else if (k === 1) await getNetworkType();
  else await getNetworkType({}, { signal: controller.signal });
}
const soakMs = Number(process.hrtime.bigint() - t0) / 1e6;
await new Promise((r) => setImmediate(r));
const heapAfter = heap();
const timersLiveRightAfter = live.size;
const listenersLeft = liveListeners() - listenersBefore;

// move the clock past every deadline and run the due timers (the shared one stops by itself)
const realNow = Date.now;
Date.now = () => realNow() + 24 * 3600e3;
for (let pass = 0; pass < 5 && live.size; pass++) {
  for (const [h, run] of [...live]) {
    realClear(h);
    live.delete(h);
    run();
  }
}
Date.now = realNow;
const timersLeft = live.size;
const ds = stat('deadlineStats')?.();
const wq = stat('waitingForHost')?.();
const pendingLeft = ds || wq !== undefined ? (ds?.pending ?? 0) + (wq ?? 0) : null;

const figures = [
  { id: 'node.overhead.ratio', label: 'Node: alert() ÷ raw bridge.call', value: al.ratio, unit: 'x' },
  { id: 'node.overhead.rawNs', label: 'Node: raw call, per call', value: al.raw, unit: 'ns' },
  { id: 'node.overhead.wrappedNs', label: 'Node: alert(), per call', value: al.wrapped, unit: 'ns' },
  { id: 'node.overhead.timedRatio', label: 'Node: getNetworkType() ÷ raw (deadline path)', value: nt.ratio, unit: 'x' },
  { id: 'node.soak.ms', label: `Node: ${SOAK.toLocaleString('en-US')} calls in a row`, value: soakMs, unit: 'ms' },
  { id: 'node.soak.heapGrowthBytes', label: 'Node: heap growth after soak (gc)', value: heapAfter - heapBefore, unit: 'B' },
  { id: 'node.soak.listenersLeft', label: 'Node: event listeners left', value: listenersLeft, unit: '' },
  { id: 'node.soak.timersArmed', label: 'Node: setTimeout calls during soak', value: timersArmed - armedBefore, unit: '' },
  { id: 'node.soak.timersLiveRightAfter', label: 'Node: timers live right after soak', value: timersLiveRightAfter, unit: '' },
  { id: 'node.soak.timersLeft', label: 'Node: timers left after deadlines', value: timersLeft, unit: '' },
  { id: 'node.soak.pendingLeft', label: 'Node: deadline + ready-queue entries left', value: pendingLeft, unit: '',
    note: pendingLeft === null ? 'deadlineStats/waitingForHost are not exported; heap growth stands in' : undefined },
];
emit(figures, {
  node: process.version,
  happyDom: (await import('happy-dom/package.json', { with: { type: 'json' } }).catch(() => ({ default: {} }))).default.version,
  minBlockMs: MIN_MS,
  blocks: { alert: al.block, getNetworkType: nt.block },
  rounds: ROUNDS,
  ratioRange: { alert: al.range, getNetworkType: nt.range },
  ratioPerProcess: { alert: al.perProcess, getNetworkType: nt.perProcess },
  waitingDuringQueuePhase: waitingDuring,
  whileQueued: { listeners: listenersWhileQueued, timers: timersWhileQueued },
});
await window.happyDOM?.abort?.();
process.exit(process.exitCode ?? 0);
