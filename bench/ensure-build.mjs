/**
 * Makes sure dist/ is there and newer than its sources; runs `npm run build` (rollup -c) when not.
 * Used by bench/run.mjs and scripts/check-package.mjs. `--no-build` (or BENCH_NO_BUILD=1) skips it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');

/** Every file the build writes that the benchmarks and package checks read. */
export const OUTPUTS = [
  'dist/index.mjs',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/emulator.mjs',
  'dist/emulator.cjs',
  'dist/emulator.d.ts',
  'dist/emulator.d.cts',
  'dist/testing.mjs',
  'dist/testing.cjs',
  'dist/testing.d.ts',
  'dist/testing.d.cts',
  'dist/server.mjs',
  'dist/server.cjs',
  'dist/server.d.ts',
  'dist/server.d.cts',
  'dist/superqi-bridge.iife.js',
  'dist/superqi-emulator.iife.js',
  'dist/superqi-emulator-extras.iife.js',
];

const INPUTS = ['src', 'rollup.config.mjs', 'tsconfig.build.json', 'tsconfig.json', 'package.json'];

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
};

/** Why a rebuild is needed, or undefined when dist/ is current. */
export function staleReason() {
  const missing = OUTPUTS.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) return `missing ${missing.join(', ')}`;
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(ROOT, f)).mtimeMs));
  const changed = Math.max(...INPUTS.map((f) => newest(join(ROOT, f))));
  return changed > built ? 'sources are newer than dist/' : undefined;
}

/** Builds when needed (unless disabled); throws when the build fails. */
export function ensureBuild({ log = (s) => process.stderr.write(`${s}\n`) } = {}) {
  if (process.argv.includes('--no-build') || process.env.BENCH_NO_BUILD === '1') return false;
  const reason = staleReason();
  if (!reason) return false;
  log(`building (${reason}): npm run build`);
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
  const still = OUTPUTS.filter((f) => !existsSync(join(ROOT, f)));
  if (still.length) throw new Error(`the build did not write ${still.join(', ')}`);
  return true;
}
