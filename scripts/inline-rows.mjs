/**
 * A rollup plugin for the package's ESM/CJS build: in the compiled src/wrappers.ts, each row reference
 * (`ui.alert`, `network.request`…) becomes the row's own object literal.
 *
 * Why: a row that lives in its own module reaches the wrapper through a variable (`a={params:…}` then
 * `api("alert",a)`), and no bundler folds a one-use object constant into its use. Written inside the
 * `api(…)` call, 61 variables and their references go: ~250 B min+gz for a page importing every
 * wrapper, with every bundler. The rows stay the one source of truth (src/table/*.ts): this plugin
 * reads them (bundled with esbuild at build time) and prints them; test/core/inline-rows.test.ts
 * checks dist carries exactly the table's rows.
 */
import { build } from 'esbuild';
import MagicString from 'magic-string';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * The row modules `code` imports as namespaces (`import * as ui from './table/ui.js'`), as
 * { namespace: exports }, bundled with esbuild from the TypeScript sources. The list comes from the
 * wrappers' own imports, so a row module added there needs nothing here.
 */
async function loadRows(code, importer) {
  const modules = [...code.matchAll(/import \* as (\w+) from '(\.\/table\/\w+)\.js';/g)];
  if (!modules.length) throw new Error('inline-rows: src/wrappers.ts imports no row module (./table/*.js) as a namespace');
  const dir = mkdtempSync(join(tmpdir(), 'superqi-rows-'));
  try {
    const entry = modules.map(([, ns, path]) => `export * as ${ns} from ${JSON.stringify(resolve(dirname(importer), `${path}.ts`))};`).join('\n');
    const out = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
    const file = join(dir, 'rows.mjs');
    writeFileSync(file, out.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A row as a literal: plain data only (strings, numbers, booleans, arrays, plain objects). */
function literal(value, where) {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => literal(v, `${where}[${i}]`)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}:${literal(v, `${where}.${k}`)}`).join(',')}}`;
  }
  throw new Error(`inline-rows: ${where} is not plain data (${typeof value})`);
}

export function inlineRows(wrappersFile = 'src/wrappers.ts') {
  const target = resolve(wrappersFile);
  return {
    name: 'inline-rows',
    async transform(code, id) {
      if (id !== target) return null;
      const rows = await loadRows(code, id);
      const out = new MagicString(code);
      // Only a row passed to api(…) (comments mention `ui.ts` and the like).
      const pattern = new RegExp(`(\\bapi\\(\\s*['"]\\w+['"],\\s*)(${Object.keys(rows).join('|')})\\.(\\w+)\\b`, 'g');
      let count = 0;
      for (const m of code.matchAll(pattern)) {
        const [whole, call, group, name] = m;
        const row = rows[group][name];
        if (row === undefined) this.error(`inline-rows: ${group}.${name} is not a row of its module`);
        out.overwrite(m.index + call.length, m.index + whole.length, literal(row, `${group}.${name}`));
        count++;
      }
      if (!count) this.error('inline-rows: no row reference found in src/wrappers.ts (was it renamed?)');
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}
