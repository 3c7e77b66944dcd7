/**
 * `npm run check:pack`: do `npm pack` and `npm publish` from a fresh clone ship every file the package
 * names? Clones this repository's HEAD into a temp folder (only committed files: no dist/), links
 * node_modules, runs `npm pack` there (its `prepack` builds) for the library and for each workspace
 * package, and checks each tarball's file list against the package's `exports`, `main`/`module`/
 * `types`, `unpkg`/`jsdelivr` and `bin`; the playground (a demo, not the package) must not be in it.
 * Exits 1 with the missing files.
 *
 *   node scripts/check-pack.mjs [--keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const keep = process.argv.includes('--keep');

const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stderr || r.stdout}`);
  return r.stdout;
};

/** Every file a package.json points at: the string leaves of `exports`, and the classic fields. */
export function namedFiles(pkg) {
  const files = [];
  const walk = (v) => (typeof v === 'string' ? files.push(v) : v && typeof v === 'object' && Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types', 'typings', 'unpkg', 'jsdelivr']) if (typeof pkg[field] === 'string') files.push(pkg[field]);
  walk(typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin);
  return [...new Set(files.map((f) => normalize(f).replace(/^\.\//, '')))].sort();
}

/** Packs the package in `dir`; returns the file list problems (empty when right). */
function checkPackage(dir, dest) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  // The prepack build prints to the same stdout: the JSON is the array that ends it.
  const out = run('npm', ['pack', '--json', '--pack-destination', dest], dir);
  const [packed] = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1));
  const shipped = new Set(packed.files.map((f) => f.path));
  const problems = namedFiles(pkg)
    .filter((f) => !shipped.has(f))
    .map((f) => `${pkg.name}: package.json names ${f}, the tarball lacks it`);
  for (const f of shipped) if (f.startsWith('dist/playground/')) problems.push(`${pkg.name}: ships the playground (${f})`);
  console.log(`  ${pkg.name}@${pkg.version}: ${packed.files.length} files, ${namedFiles(pkg).length} named by package.json → ${packed.filename}`);
  return problems;
}

const work = mkdtempSync(join(tmpdir(), 'superqi-pack-'));
const clone = join(work, 'clone');
let problems = [];
try {
  run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], work);
  if (existsSync(join(clone, 'dist'))) throw new Error('the fresh clone has a dist/: is it committed?');
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  console.log(`fresh clone of ${run('git', ['rev-parse', '--short', 'HEAD'], clone).trim()} in ${clone}`);
  problems = checkPackage(clone, work);
  const packages = join(clone, 'packages');
  if (existsSync(packages)) for (const name of readdirSync(packages)) problems.push(...checkPackage(join(packages, name), work));
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`\ncheck:pack: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('check:pack: every file package.json names is in its tarball');
