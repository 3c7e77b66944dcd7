/**
 * `npm run bench`: builds dist/ when it is missing or older than its sources, runs every benchmark in
 * its own Node process, prints one table, then one line `BENCH_JSON {…}` (every figure by id, the
 * failures, versions). Exits 1 when any figure is over its budget (bench/budgets.mjs) or a
 * benchmark could not run. Not part of `npm test`: these are measurements, not timed tests.
 *
 *   node bench/run.mjs [sizes] [import] [node] [chromium] [server] [sandbox-scale] [--explain] [--no-build]
 *     [--sandbox-sizes=100,1000,…] [--sandbox-max-seconds=1200]   (sandbox-scale's --sizes and --max-seconds)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { judge } from './budgets.mjs';
import { ensureBuild, ROOT } from './ensure-build.mjs';
import { RESULT_PREFIX, table } from './report.mjs';

const BENCHES = {
  sizes: 'bench/sizes.mjs',
  import: 'bench/import-cost.mjs',
  node: 'bench/overhead-node.mjs',
  chromium: 'bench/overhead-chromium.mjs',
  server: 'bench/server-client.mjs',
  'sandbox-scale': 'bench/sandbox-scale.mjs',
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = chosen.filter((c) => !BENCHES[c]);
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const names = chosen.length ? chosen : Object.keys(BENCHES);

ensureBuild();

const figures = [];
const errors = [];
const meta = {};
for (const name of names) {
  const t = Date.now();
  process.stderr.write(`── ${name} (${BENCHES[name]})\n`);
  const args = [join(ROOT, BENCHES[name])];
  if (name === 'node') args.unshift('--expose-gc');
  if (name === 'sizes' && process.argv.includes('--explain')) args.push('--explain');
  if (name === 'sandbox-scale') args.push('--no-build', ...process.argv.filter((a) => /^--sandbox-(sizes|max-seconds)=/.test(a)).map((a) => a.replace('--sandbox-', '--')));
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20, env: { ...process.env, BENCH_QUIET: '1' } });
  const line = r.stdout?.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) {
    errors.push(`${name}: exited ${r.status ?? r.signal} without a result`);
    continue;
  }
  const { figures: fs, explained, ...rest } = JSON.parse(line.slice(RESULT_PREFIX.length));
  figures.push(...fs);
  Object.assign(meta, rest);
  process.stderr.write(`   ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

const failed = figures.filter((f) => judge(f.id, f.value) === 'FAIL').map((f) => f.id);
process.stdout.write(`\n${table(figures)}\n\n`);
for (const e of errors) process.stdout.write(`ERROR ${e}\n`);
const summary = {
  ok: !failed.length && !errors.length,
  failed,
  errors,
  node: process.version,
  chromium: meta.chromium,
  happyDom: meta.happyDom,
  figures: Object.fromEntries(figures.map((f) => [f.id, typeof f.value === 'number' ? Number(f.value.toPrecision(6)) : f.value])),
};
process.stdout.write(`BENCH_JSON ${JSON.stringify(summary)}\n`);
process.exit(summary.ok ? 0 : 1);
