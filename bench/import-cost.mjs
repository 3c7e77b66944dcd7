/**
 * Import cost: importing the package does no work beyond defining functions. Each check runs in a
 * fresh Node process (plain Node, no window) that imports dist/index.mjs (the ESM entry; also the
 * CJS entry for the timing):
 *  - time of the import (information), against importing an empty module in the same way;
 *  - globalThis: own property keys before/after (added, removed or changed values);
 *  - reads of browser globals: `window`, `document`, `navigator`, `self`, `location`, `my`,
 *    `AlipayJSBridge`, `localStorage`, … are defined as getters that count every read (a bare
 *    `typeof window` at import counts too);
 *  - a Proxy-trapped `window` and `document`: every trap (get, has, set, ownKeys, …) counts;
 *  - side effects: setTimeout/setInterval/setImmediate/queueMicrotask/fetch/addEventListener calls;
 *  - functions of the package that ran during the import (V8 precise coverage, information): the
 *    wrappers are made by a factory, so those calls are listed and are not counted as work.
 *
 *   node bench/import-cost.mjs
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './ensure-build.mjs';
import { emit, median } from './report.mjs';

// BENCH_IMPORT_URL: check another module instead (to see that the probes catch a touch).
const ESM = process.env.BENCH_IMPORT_URL ?? pathToFileURL(join(ROOT, 'dist/index.mjs')).href;
const CJS = join(ROOT, 'dist/index.cjs');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 7);

/** Runs `code` as an ES module in a fresh node; returns its JSON answer (last stdout line). */
function fresh(code) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

// ── timing ─────────────────────────────────────────────────────────────────────────────────────
const timing = (specifier, how) =>
  fresh(`
    const t = performance.now();
    ${how === 'require' ? `(await import('node:module')).createRequire(import.meta.url)(${JSON.stringify(specifier)});` : `await import(${JSON.stringify(specifier)});`}
    console.log(JSON.stringify(performance.now() - t));
  `);
const empty = `data:text/javascript,export const x = 1;`;
const esmMs = median(Array.from({ length: SAMPLES }, () => timing(ESM)));
const cjsMs = median(Array.from({ length: SAMPLES }, () => timing(CJS, 'require')));
const emptyMs = median(Array.from({ length: SAMPLES }, () => timing(empty)));

// ── globals, traps, side effects, coverage ─────────────────────────────────────────────────────
const probe = fresh(`
  import { Session } from 'node:inspector/promises';
  const BROWSER = ['window', 'document', 'navigator', 'self', 'location', 'my', 'AlipayJSBridge', 'localStorage',
    'sessionStorage', 'history', 'screen', 'parent', 'top', 'frames', 'customElements', 'matchMedia', 'SuperQi',
    'SuperQiEmulator', 'SuperQiEmulatorConfig', 'alert', 'confirm', 'prompt'];
  const reads = {};
  const traps = [];
  const trapped = (name) => new Proxy(Object.create(null), Object.fromEntries(
    ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty', 'getPrototypeOf', 'apply', 'construct']
      .map((trap) => [trap, (...a) => { traps.push(name + '.' + trap + (typeof a[1] === 'string' ? ' ' + a[1] : '')); return Reflect[trap](...a); }])));
  const proxies = { window: trapped('window'), document: trapped('document') };
  for (const name of BROWSER) {
    const value = proxies[name];
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() { reads[name] = (reads[name] ?? 0) + 1; return value; },
      set(v) { reads[name + ' (set)'] = (reads[name + ' (set)'] ?? 0) + 1; },
    });
  }
  const effects = [];
  for (const fn of ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'addEventListener', 'dispatchEvent']) {
    const orig = globalThis[fn];
    globalThis[fn] = function (...a) { effects.push(fn); return orig?.apply(this, a); };
  }
  const origThen = Promise.prototype.then;
  const snapshot = () => new Map(Reflect.ownKeys(globalThis).map((k) => {
    const d = Object.getOwnPropertyDescriptor(globalThis, k);
    return [k, 'value' in d ? d.value : d.get];
  }));
  const before = snapshot();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await import(${JSON.stringify(ESM)});
  const { result } = await session.post('Profiler.takePreciseCoverage');
  await session.post('Profiler.stopPreciseCoverage');
  session.disconnect();
  const after = snapshot();
  const key = (k) => typeof k === 'symbol' ? k.toString() : k;
  const added = [...after.keys()].filter((k) => !before.has(k)).map(key);
  const removed = [...before.keys()].filter((k) => !after.has(k)).map(key);
  const changed = [...after.keys()].filter((k) => before.has(k) && !Object.is(before.get(k), after.get(k))).map(key);
  const ran = {};
  for (const s of result) {
    if (!s.url.includes('/dist/')) continue;
    const file = s.url.slice(s.url.indexOf('/dist/') + 1);
    for (const f of s.functions) {
      const count = f.ranges[0].count;
      if (!f.functionName || !count) continue;
      ran[file + ' ' + f.functionName] = count;
    }
  }
  console.log(JSON.stringify({ reads, traps, effects, added, removed, changed, ran, then: Promise.prototype.then === origThen }));
`);

const globalsTouched = probe.added.length + probe.removed.length + probe.changed.length + (probe.then ? 0 : 1);
const globalReads = Object.values(probe.reads).reduce((s, n) => s + n, 0);
const ranCount = Object.values(probe.ran).reduce((s, n) => s + n, 0);
const figures = [
  { id: 'import.esmMs', label: 'import dist/index.mjs, fresh Node', value: esmMs, unit: 'ms' },
  { id: 'import.cjsMs', label: 'require dist/index.cjs, fresh Node', value: cjsMs, unit: 'ms' },
  { id: 'import.emptyMs', label: 'import an empty module (baseline)', value: emptyMs, unit: 'ms' },
  { id: 'import.globalsAdded', label: 'globalThis keys added/removed/changed', value: globalsTouched, unit: '', note: globalsTouched ? [...probe.added, ...probe.removed, ...probe.changed].join(', ') : undefined },
  { id: 'import.globalReads', label: 'reads of browser globals', value: globalReads, unit: '', note: globalReads ? JSON.stringify(probe.reads) : undefined },
  { id: 'import.proxyTraps', label: 'Proxy window/document traps', value: probe.traps.length, unit: '', note: probe.traps.length ? probe.traps.slice(0, 5).join(', ') : undefined },
  { id: 'import.sideEffects', label: 'timers/microtasks/listeners/fetch', value: probe.effects.length, unit: '', note: probe.effects.length ? probe.effects.join(', ') : undefined },
  { id: 'import.functionsRun', label: 'package function calls during import', value: ranCount, unit: '', note: Object.keys(probe.ran).length ? Object.entries(probe.ran).map(([f, n]) => `${f.split(' ').at(-1)}×${n}`).join(', ') : undefined },
];
emit(figures, { node: process.version, ranDuringImport: probe.ran });
