/**
 * Sizes, min+gz, as a consumer's bundler sees them. Entries that import from 'superqi-bridge' are
 * bundled with rollup + @rollup/plugin-node-resolve (honouring the package's `exports` and
 * `sideEffects`, the package being linked into a temp node_modules) + @rollup/plugin-terser
 * (defaults), from the built dist/. The two script-tag builds are measured as shipped.
 * gzip: node:zlib level 9. `--explain`: minified bytes per source file (via the source maps).
 *
 *   node bench/sizes.mjs [--explain]
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { ROOT } from './ensure-build.mjs';
import { emit } from './report.mjs';
import { breakdown } from './sourcemap-breakdown.mjs';

const explain = process.argv.includes('--explain');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Hands rollup dist files together with their .map, so the output map points into src/. */
const distMaps = () => ({
  name: 'dist-sourcemaps',
  load(id) {
    if (!id.startsWith(join(ROOT, 'dist')) || !existsSync(`${id}.map`)) return null;
    return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
  },
});

/** A throwaway consumer project: node_modules/superqi-bridge → this repository. */
function consumer() {
  const dir = mkdtempSync(join(tmpdir(), 'superqi-sizes-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'superqi-bridge'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"name":"consumer","private":true,"type":"module"}\n');
  return dir;
}

/** Bundles + minifies one consumer entry; returns { code, map }. */
async function bundle(dir, name, source) {
  const input = join(dir, `${name}.js`);
  writeFileSync(input, source);
  const warnings = [];
  const b = await rollup({
    input,
    plugins: [distMaps(), nodeResolve({ browser: true }), terser()],
    onwarn: (w) => warnings.push(w),
  });
  const { output } = await b.generate({ format: 'es', sourcemap: explain ? 'hidden' : false });
  await b.close();
  const serious = warnings.filter((w) => w.code !== 'SOURCEMAP_BROKEN');
  if (serious.length) process.stderr.write(`${name}: ${serious.map((w) => w.message).join('\n')}\n`);
  const chunks = output.filter((o) => o.type === "chunk");
  if (chunks.length !== 1) throw new Error(`${name}: expected one chunk, got ${output.map((o) => o.fileName).join(", ")}`);
  return { code: chunks[0].code, map: chunks[0].map };
}

const figures = [];
const explained = {};
const record = (key, label, code, map, gzBudgetId) => {
  const buf = Buffer.from(code);
  figures.push({ id: `size.${key}.min`, label: `${label} — min`, value: buf.length, unit: 'B' });
  figures.push({ id: gzBudgetId ?? `size.${key}.gz`, label: `${label} — min+gz`, value: gz(buf), unit: 'B' });
  if (explain && map) explained[label] = breakdown(code, map);
};

const pkg = await import(pathToFileURL(join(ROOT, 'dist/index.mjs')).href);
const names = pkg.API_NAMES.filter((n) => typeof pkg[n] === 'function');
const dir = consumer();
try {
  const all = await bundle(dir, 'all-wrappers', `import { ${names.join(', ')} } from 'superqi-bridge';\nexport default [${names.join(', ')}];\n`);
  record('allWrappers', `all ${names.length} wrappers`, all.code, all.map);

  const one = await bundle(dir, 'one-api', `import { alert } from 'superqi-bridge';\nalert({ content: 'x' });\n`);
  record('oneApi', "one API alone: import { alert }", one.code, one.map);

  const every = await bundle(dir, 'everything', `export * from 'superqi-bridge';\n`);
  record('everything', "whole package: export *", every.code, every.map);

  const emu = await bundle(dir, 'emulator-module', `import { install } from 'superqi-bridge/emulator';\ninstall();\n`);
  record('emulatorModule', "emulator module: import { install }", emu.code, emu.map);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

for (const [key, file, label] of [
  ['shim', 'dist/superqi-bridge.iife.js', 'shim superqi-bridge.iife.js'],
  ['emulator', 'dist/superqi-emulator.iife.js', 'emulator superqi-emulator.iife.js'],
]) {
  const code = readFileSync(join(ROOT, file), 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '\n');
  const mapFile = join(ROOT, `${file}.map`);
  record(key, label, code, existsSync(mapFile) ? readFileSync(mapFile, 'utf8') : undefined);
}

if (explain) {
  for (const [label, rows] of Object.entries(explained)) {
    const total = rows.reduce((s, [, n]) => s + n, 0);
    process.stderr.write(`\n${label}: minified bytes by source (${total.toLocaleString('en-US')} B)\n`);
    for (const [src, n] of rows.slice(0, 25)) process.stderr.write(`  ${String(n).padStart(7)}  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${src}\n`);
    if (rows.length > 25) process.stderr.write(`  … ${rows.length - 25} more\n`);
  }
  process.stderr.write('\n');
}
emit(figures, { wrappers: names.length, explained: explain ? explained : undefined });
