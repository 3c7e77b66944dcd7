/**
 * Sizes, min+gz, with each bundler a user picks (bench/bundlers.mjs: esbuild, Vite 8, webpack 5,
 * rollup + terser). Consumer entries import from 'superqi-bridge' (the built dist/, through the
 * package's `exports` and `sideEffects`): one API alone and every wrapper by name, plus the emulator
 * module and the whole package for information. The two script-tag builds are bundled from their
 * entries (src/iife.ts, src/emulator-iife.ts) by each bundler as an IIFE; rollup's are the shipped
 * dist files. The budgeted figure of each is the worst bundler's (`size.<figure>.gz`).
 * A consumer entry's figure is its entry chunk, what the page loads first (esbuild with `splitting`);
 * the chunks a dynamic import loads later (the emulator's extras) are printed for information, as is
 * the script-tag emulator's second file (dist/superqi-emulator-extras.iife.js, loaded on first use).
 * gzip: node:zlib level 9. `--explain`: minified bytes per source file of rollup's builds (source maps).
 *
 *   node bench/sizes.mjs [--explain] [--only=esbuild,vite]
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BUNDLERS, bundleWith, consumerProject } from './bundlers.mjs';
import { ROOT } from './ensure-build.mjs';
import { emit } from './report.mjs';
import { breakdown } from './sourcemap-breakdown.mjs';

const explain = process.argv.includes('--explain');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const bundlers = only ? BUNDLERS.filter((b) => only.includes(b)) : BUNDLERS;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const figures = [];
const explained = {};
const worst = {};
const lazyFigure = (key, label, bundler, lazy) => {
  if (!lazy?.length) return;
  const size = lazy.reduce((n, c) => n + gz(Buffer.from(c.code)), 0);
  figures.push({ id: `size.${key}.${bundler}.lazy.gz`, label: `${label}, ${bundler} — loaded later (${lazy.length} chunk${lazy.length > 1 ? 's' : ''}), min+gz`, value: size, unit: 'B' });
};
/** `initial`: chunks the entry imports statically, loaded with it (each gzipped on its own, as served). */
const record = (key, label, bundler, code, map, initial = []) => {
  const buf = Buffer.from(code);
  const bufs = [buf, ...initial.map((c) => Buffer.from(c.code))];
  const size = bufs.reduce((n, b) => n + gz(b), 0);
  const min = bufs.reduce((n, b) => n + b.length, 0);
  figures.push({ id: `size.${key}.${bundler}.min`, label: `${label}, ${bundler} — min${initial.length ? ` (entry + ${initial.length} chunk)` : ''}`, value: min, unit: 'B' });
  figures.push({ id: `size.${key}.${bundler}.gz`, label: `${label}, ${bundler} — min+gz`, value: size, unit: 'B' });
  if (!worst[key] || size > worst[key].value) worst[key] = { label, bundler, value: size };
  if (explain && map) explained[`${label}, ${bundler}`] = breakdown(code, map);
};

const pkg = await import(pathToFileURL(join(ROOT, 'dist/index.mjs')).href);
const names = pkg.API_NAMES.filter((n) => typeof pkg[n] === 'function');
const CONSUMER = {
  oneApi: ['one API alone: import { alert }', `import { alert } from 'superqi-bridge';\nalert({ content: 'x' });\n`],
  allWrappers: [`all ${names.length} wrappers by name`, `import { ${names.join(', ')} } from 'superqi-bridge';\nconsole.log([${names.join(', ')}]);\n`],
  emulatorModule: ['emulator module: import { install }', `import { install } from 'superqi-bridge/emulator';\ninstall();\n`],
  everything: ['whole package: import *', `import * as all from 'superqi-bridge';\nconsole.log(all);\n`],
};
// The shim's entry sets `globalThis.SuperQi` itself (no exports), so it gets no global name.
const SCRIPT_TAGS = {
  shim: ['script-tag shim (superqi-bridge.iife.js)', 'src/iife.ts', undefined, [['src/table/names.ts', 'src/table/names-script-tag.ts'], ['src/wrapper-set.ts', 'src/wrapper-set-script-tag.ts']], 'dist/superqi-bridge.iife.js'],
  emulator: [
    'script-tag emulator (superqi-emulator.iife.js)',
    'src/emulator-iife.ts',
    'SuperQiEmulator',
    [['src/emulator/extras-fetch.ts', 'src/emulator/extras-fetch-script-tag.ts']],
    'dist/superqi-emulator.iife.js',
  ],
};

const dir = await consumerProject();
try {
  for (const bundler of bundlers) {
    const t = Date.now();
    for (const [key, [label, source]] of Object.entries(CONSUMER)) {
      const entry = join(dir, `${key}.js`);
      writeFileSync(entry, source);
      const { code, map, initial, lazy } = await bundleWith(bundler, entry, { dir, explain });
      record(key, label, bundler, code, map, initial);
      lazyFigure(key, label, bundler, lazy);
      if (bundler === 'esbuild' && lazy.length) {
        // esbuild's default is one file: without `splitting` the lazily loaded part goes inline.
        const one = Buffer.from((await bundleWith(bundler, entry, { dir, oneFile: true })).code);
        figures.push({ id: `size.${key}.esbuild.oneFile.gz`, label: `${label}, esbuild without splitting (one file, extras inline) — min+gz`, value: gz(one), unit: 'B' });
      }
    }
    for (const [key, [label, entry, globalName, swaps, shipped]] of Object.entries(SCRIPT_TAGS)) {
      if (bundler === 'rollup') {
        // rollup's script tags are the shipped files (rollup.config.mjs: the same entries, swaps and terser).
        const code = readFileSync(join(ROOT, shipped), 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '\n');
        const mapFile = join(ROOT, `${shipped}.map`);
        record(key, label, bundler, code, existsSync(mapFile) ? readFileSync(mapFile, 'utf8') : undefined);
      } else {
        const { code } = await bundleWith(bundler, join(ROOT, entry), { iife: true, globalName, swaps });
        record(key, label, bundler, code);
      }
    }
    process.stderr.write(`   ${bundler}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The script-tag emulator's second file, as shipped (rollup), loaded on its first media/file call.
const extrasFile = join(ROOT, 'dist/superqi-emulator-extras.iife.js');
if (existsSync(extrasFile)) {
  const code = readFileSync(extrasFile, 'utf8').replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '\n');
  figures.push({ id: 'size.emulatorExtras.gz', label: 'script-tag emulator extras (superqi-emulator-extras.iife.js, loaded on first use), min+gz', value: gz(Buffer.from(code)), unit: 'B' });
}

// The budgeted figures: the worst bundler for each.
for (const [key, w] of Object.entries(worst)) {
  figures.push({ id: `size.${key}.gz`, label: `${w.label} — worst of ${bundlers.join('/')}, min+gz`, value: w.value, unit: 'B', note: w.bundler });
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
emit(figures, { wrappers: names.length, bundlers, explained: explain ? explained : undefined });
