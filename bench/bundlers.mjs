/**
 * The four bundlers a user picks, each with its own defaults for a production build: esbuild
 * (`--minify`), Vite 8 (rolldown, its default minifier), webpack 5 (production mode, its default
 * minimizer) and rollup + @rollup/plugin-terser. Each bundles one entry file into one minified script
 * and hands back its code (and, for rollup, its source map for `--explain`).
 *
 * Consumer entries import 'superqi-bridge' from a throwaway project that links this repository
 * (the package's `exports` and `sideEffects`, as a user's bundler sees them). Script-tag entries are
 * src/iife.ts and src/emulator-iife.ts built as an IIFE, with the module swaps rollup.config.mjs makes
 * (`swaps`: [[from, to]] under the repository); webpack reads TypeScript through bench/ts-loader.cjs.
 * A script-tag entry that sets its global itself (src/iife.ts) is built without a global name.
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { ROOT } from './ensure-build.mjs';

export const BUNDLERS = ['esbuild', 'vite', 'webpack', 'rollup'];

const swapTarget = (swaps, id) => swaps.find(([from]) => resolve(ROOT, from) === id)?.[1];

/**
 * What a bundler made: `code` is the entry chunk, `initial` the chunks it imports statically (the page
 * loads them with it: esbuild's shared chunk), `lazy` the chunks only a dynamic `import()` loads later
 * (the emulator's extras); each chunk `{ name, code }`.
 */

/** esbuild: bundle + minify, browser platform; ESM entries with `splitting` (a dynamic import becomes its own chunk). */
async function viaEsbuild(entry, { iife, globalName, swaps = [], oneFile = false }) {
  const { build } = await import('esbuild');
  const plugins = swaps.length
    ? [
        {
          name: 'swap',
          setup(b) {
            b.onResolve({ filter: /.*/ }, async (args) => {
              if (args.pluginData === 'swap') return undefined;
              const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'swap' });
              const to = swapTarget(swaps, r.path);
              return to ? { path: resolve(ROOT, to) } : undefined;
            });
          },
        },
      ]
    : [];
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: iife ? 'iife' : 'esm',
    ...(iife || oneFile ? {} : { splitting: true, outdir: join(tmpdir(), 'superqi-esbuild-out'), metafile: true }),
    globalName,
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
    plugins,
  });
  if (iife || oneFile) return { code: out.outputFiles[0].text, initial: [], lazy: [] };
  const outputs = out.metafile.outputs;
  const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const chunk = (k) => ({ name: k.split('/').pop(), code: out.outputFiles.find((f) => f.path === resolve(k)).text });
  const initial = new Set();
  const walk = (k) => outputs[k].imports.filter((i) => i.kind === 'import-statement' && !initial.has(i.path)).forEach((i) => (initial.add(i.path), walk(i.path)));
  walk(entryOut);
  const lazy = Object.keys(outputs).filter((k) => k.endsWith('.js') && k !== entryOut && !initial.has(k));
  return { code: chunk(entryOut).code, initial: [...initial].map(chunk), lazy: lazy.map(chunk) };
}

/** Vite 8 (rolldown): an app build of a JS entry, or lib mode for an IIFE; default minifier. */
async function viaVite(entry, { iife, globalName, swaps = [], dir }) {
  const { build } = await import('vite');
  const swap = {
    name: 'swap',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !swaps.length) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      const to = r && swapTarget(swaps, r.id);
      return to ? resolve(ROOT, to) : null;
    },
  };
  const result = await build({
    root: dir ?? ROOT,
    configFile: false,
    logLevel: 'silent',
    plugins: [swap],
    build: {
      write: false,
      emptyOutDir: false,
      modulePreload: false,
      ...(iife
        ? { lib: { entry, formats: ['iife'], name: globalName ?? 'unused', fileName: 'out' } } // Vite requires a name; an entry without exports gets no global
        : { rollupOptions: { input: entry } }),
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return entryAndLazy('vite', outputs);
}

/** The one entry chunk and the chunks only dynamic imports reach (rollup's and Vite's output). */
function entryAndLazy(bundler, outputs) {
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const entries = chunks.filter((c) => c.isEntry);
  if (entries.length !== 1) throw new Error(`${bundler}: expected one entry chunk, got ${chunks.map((c) => c.fileName).join(', ')}`);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set();
  const walk = (c) => c.imports.filter((f) => !initial.has(f)).forEach((f) => (initial.add(f), walk(byName.get(f))));
  walk(entries[0]);
  const chunk = (c) => ({ name: c.fileName, code: c.code });
  return {
    code: entries[0].code,
    map: entries[0].map,
    initial: [...initial].map((f) => chunk(byName.get(f))),
    lazy: chunks.filter((c) => c !== entries[0] && !initial.has(c.fileName)).map(chunk),
  };
}

/** webpack 5: production mode (its default minimizer), TypeScript through bench/ts-loader.cjs. */
async function viaWebpack(entry, { iife, globalName, swaps = [] }) {
  const { default: webpack } = await import('webpack');
  const out = mkdtempSync(join(tmpdir(), 'superqi-webpack-'));
  try {
    const compiler = webpack({
      mode: 'production',
      target: ['web', 'es2020'],
      devtool: false,
      entry,
      context: ROOT,
      output: { path: out, filename: 'out.js', ...(iife && globalName ? { library: { name: globalName, type: 'var', export: 'default' } } : {}), iife: true },
      resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
      module: { rules: [{ test: /\.ts$/, loader: join(ROOT, 'bench/ts-loader.cjs') }] },
      plugins: swaps.map(
        ([from, to]) =>
          new webpack.NormalModuleReplacementPlugin(new RegExp(`${from.split('/').pop().replace('.ts', '').replace(/[.]/g, '\\.')}\\.js$`), (r) => {
            if (resolve(r.context ?? '', r.request.replace(/\.js$/, '.ts')) === resolve(ROOT, from)) r.request = resolve(ROOT, to);
          }),
      ),
      performance: false,
      infrastructureLogging: { level: 'error' },
    });
    const stats = await new Promise((res, rej) => compiler.run((e, s) => (e ? rej(e) : compiler.close(() => res(s)))));
    if (stats.hasErrors()) throw new Error(`webpack: ${stats.toString({ all: false, errors: true })}`);
    const lazy = readdirSync(out)
      .filter((f) => f.endsWith('.js') && f !== 'out.js')
      .map((f) => ({ name: f, code: readFileSync(join(out, f), 'utf8') }));
    return { code: readFileSync(join(out, 'out.js'), 'utf8'), initial: [], lazy };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Hands rollup dist files together with their .map, so the output map points into src/. */
const distMaps = () => ({
  name: 'dist-sourcemaps',
  load(id) {
    if (!id.startsWith(join(ROOT, 'dist')) || !existsSync(`${id}.map`)) return null;
    return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
  },
});

/** rollup + node-resolve + terser (defaults), as a consumer project has it. */
async function viaRollup(entry, { explain }) {
  const warnings = [];
  const b = await rollup({ input: entry, plugins: [distMaps(), nodeResolve({ browser: true }), terser()], onwarn: (w) => warnings.push(w) });
  const { output } = await b.generate({ format: 'es', sourcemap: explain ? 'hidden' : false });
  await b.close();
  const serious = warnings.filter((w) => w.code !== 'SOURCEMAP_BROKEN');
  if (serious.length) process.stderr.write(`rollup ${entry}: ${serious.map((w) => w.message).join('\n')}\n`);
  return entryAndLazy('rollup', output);
}

/**
 * Bundles `entry` (an absolute file) with `bundler`. Options: `iife` + `globalName` for a script tag,
 * `swaps`, `dir` (the consumer project), `explain` (rollup keeps a source map), `oneFile` (esbuild
 * without `splitting`: a dynamic import's module goes inline).
 */
export function bundleWith(bundler, entry, options = {}) {
  if (bundler === 'esbuild') return viaEsbuild(entry, options);
  if (bundler === 'vite') return viaVite(entry, options);
  if (bundler === 'webpack') return viaWebpack(entry, options);
  if (bundler === 'rollup') return viaRollup(entry, options);
  throw new Error(`unknown bundler ${bundler}`);
}

/** A throwaway consumer project: node_modules/superqi-bridge → this repository. */
export async function consumerProject() {
  const { mkdirSync, symlinkSync, writeFileSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'superqi-sizes-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'superqi-bridge'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"name":"consumer","private":true,"type":"module"}\n');
  return dir;
}
