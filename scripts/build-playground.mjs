// Builds the playground into dist/playground/: playground/src/main.ts (with the library from src/)
// bundled to playground.js, the pages and stylesheet copied, and the echo endpoint's image and PDF
// written as static files so the static build can preview them too.
//
//   node scripts/build-playground.mjs            builds once, type-checked (@rollup/plugin-typescript)
//   node scripts/build-playground.mjs --no-typecheck   only strips types (about a second)
//   import { buildPlayground } from './build-playground.mjs'   (the dev server and the tests)
import { cp, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import ts from 'typescript';
import { asciiOnly } from './ascii-only.mjs';
import { ECHO_ASSETS, ECHO_PROBE } from './echo.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PLAYGROUND_DIR = join(ROOT, 'playground');
export const OUT_DIR = join(ROOT, 'dist', 'playground');
/** The devtools page (playground/devtools/ + playground/src/devtools/main.ts): part of the package, served by `superqi-devtools`. */
export const DEVTOOLS_OUT_DIR = join(ROOT, 'dist', 'devtools');

/** Files copied as they are (the pages, the stylesheet, the icon). */
const STATIC = /\.(html|css|svg)$/;

let cache;

/** dist/playground/reference/index.html before `npm run docs` has generated the reference. */
const API_DOCS_MISSING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>superqi-bridge API reference</title>
<link rel="stylesheet" href="../playground.css"></head>
<body><div class="layout"><main class="card">
<h1>API reference not built yet</h1>
<p>Run <code>npm run docs</code> (TypeDoc, from the types and JSDoc) and then <code>npm run build</code> or
<code>npm start</code> again: the reference is copied here from <code>docs/api/</code>.</p>
<p><a href="../index.html">Back to the playground</a></p>
</main></div></body></html>
`;

/**
 * Strips types file by file (no type check): the dev server's rebuild on save, in about a second.
 * Imports are written `./x.js` for `./x.ts`, as TypeScript's bundler resolution allows.
 */
export function transpileOnly() {
  return {
    name: 'playground-transpile-only',
    async resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const candidate = resolve(dirname(importer), source.slice(0, -3) + '.ts');
      return existsSync(candidate) ? candidate : null;
    },
    async load(id) {
      if (!id.endsWith('.ts')) return null;
      const out = ts.transpileModule(await readFile(id, 'utf8'), {
        fileName: id,
        compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, sourceMap: true, verbatimModuleSyntax: true },
      });
      return { code: out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map: out.sourceMapText };
    },
  };
}

/**
 * Builds the playground. Resolves `{ outDir, ms, warnings }`; rejects with the rollup/TypeScript
 * error when the build fails. `typecheck: true` (the default, `npm run build`) compiles with
 * @rollup/plugin-typescript and fails on type errors; `false` only strips types (fast rebuilds).
 */
export async function buildPlayground({ outDir = OUT_DIR, devtoolsDir = DEVTOOLS_OUT_DIR, typecheck = true } = {}) {
  const started = Date.now();
  const warnings = [];
  const bundle = await rollup({
    input: join(PLAYGROUND_DIR, 'src', 'main.ts'),
    cache: typecheck ? undefined : cache,
    onwarn: (w) => warnings.push(w.message),
    plugins: [
      typecheck
        ? typescript({
            tsconfig: join(PLAYGROUND_DIR, 'tsconfig.json'),
            compilerOptions: { noEmit: false, declaration: false, declarationMap: false, sourceMap: true, outDir, rootDir: ROOT },
            noEmitOnError: true,
            outputToFilesystem: false,
          })
        : transpileOnly(),
      // Readable in any page encoding (a page served without a charset): scripts/ascii-only.mjs.
      asciiOnly(),
    ],
  });
  if (!typecheck) cache = bundle.cache;
  try {
    // One script: the emulator's lazily loaded part (a dynamic import) goes inline.
    await bundle.write({ file: join(outDir, 'playground.js'), format: 'iife', sourcemap: true, inlineDynamicImports: true });
  } finally {
    await bundle.close();
  }
  // Qi Coffee, the demo miniapp `npm start` shows in the devtools (demo.html is copied with the pages).
  await bundleIife(join(PLAYGROUND_DIR, 'src', 'demo', 'main.ts'), join(outDir, 'demo.js'), warnings);
  await buildDevtools({ outDir: devtoolsDir, warnings });
  for (const name of await readdir(PLAYGROUND_DIR)) {
    if (STATIC.test(name)) await copyFile(join(PLAYGROUND_DIR, name), join(outDir, name));
  }
  await mkdir(join(outDir, 'echo'), { recursive: true });
  for (const [name, asset] of Object.entries(ECHO_ASSETS)) await writeFile(join(outDir, 'echo', name), asset.bytes);
  // The header's "API reference" link: the TypeDoc output when `npm run docs` has run, else a page saying how.
  // reference/, not api/: under npm start the demo merchant backend answers /api/.
  const apiDocs = join(ROOT, 'docs', 'api');
  await mkdir(join(outDir, 'reference'), { recursive: true });
  if (existsSync(join(apiDocs, 'index.html'))) await cp(apiDocs, join(outDir, 'reference'), { recursive: true });
  else await writeFile(join(outDir, 'reference', 'index.html'), API_DOCS_MISSING);
  // The dev server answers this path itself; a static server serves this file: the page answers the echo.
  await writeFile(join(outDir, 'echo', ECHO_PROBE.path), JSON.stringify(ECHO_PROBE.staticCopy));
  return { outDir, ms: Date.now() - started, warnings };
}

const caches = new Map();

/**
 * Bundles `input` to the IIFE `file` with types only stripped (the playground's type-checked build
 * and `tsc -p playground` check the same files): the devtools page and the demo miniapp. One script
 * each: the emulator's lazily loaded part (a dynamic import) goes inline.
 */
async function bundleIife(input, file, warnings) {
  const bundle = await rollup({ input, cache: caches.get(input), onwarn: (w) => warnings.push(w.message), plugins: [transpileOnly(), asciiOnly()] });
  caches.set(input, bundle.cache);
  try {
    await bundle.write({ file, format: 'iife', sourcemap: true, inlineDynamicImports: true });
  } finally {
    await bundle.close();
  }
}

/** The devtools page into `outDir`: its script, its page and stylesheets. */
async function buildDevtools({ outDir, warnings }) {
  await bundleIife(join(PLAYGROUND_DIR, 'src', 'devtools', 'main.ts'), join(outDir, 'devtools.js'), warnings);
  for (const name of await readdir(join(PLAYGROUND_DIR, 'devtools'))) await copyFile(join(PLAYGROUND_DIR, 'devtools', name), join(outDir, name));
  await copyFile(join(PLAYGROUND_DIR, 'playground.css'), join(outDir, 'playground.css'));
  // named by the page: without an icon, browsers ask for /favicon.ico and log a 404
  await copyFile(join(PLAYGROUND_DIR, 'favicon.svg'), join(outDir, 'favicon.svg'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildPlayground({ typecheck: !process.argv.includes('--no-typecheck') }).then(
    ({ outDir, ms, warnings }) => {
      for (const w of warnings) console.warn(`(!) ${w}`);
      console.log(`playground built in ${ms} ms → ${outDir.slice(ROOT.length + 1)}/`);
    },
    (e) => {
      console.error(e.message ?? e);
      process.exit(1);
    },
  );
}
