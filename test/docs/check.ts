/**
 * Checks the code blocks of the docs so none can rot: ```ts/```tsx/```js blocks are type-checked
 * (TypeScript's API) against the package's own types, ```sh blocks name existing npm scripts and CLI
 * flags, ```html blocks load only files the package ships (their inline scripts are type-checked
 * against `superqi-bridge/globals`), ```json blocks parse, and `same-as` blocks equal their file.
 * Any other block is a problem: every block is checked by something.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { blocksOf, type Block } from './blocks.js';
import { PRELUDES, VITE_STUB } from './preludes.js';
import { shProblems } from './check-sh.js';

export const ROOT = resolve(__dirname, '../..');
/** Where the blocks, preludes and the Vite stub live for the type checker (virtual files: nothing is written). */
const BLOCKS = join(ROOT, '.doc-blocks');
const preludePath = (name: string) => join(BLOCKS, 'preludes', `${name}.d.ts`);
const VITE_STUB_PATH = join(BLOCKS, 'stubs', 'superqi-bridge-vite.d.ts');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin?: Record<string, string>;
  exports: Record<string, unknown>;
  unpkg?: string;
};

/** Whether the package exports `superqi-bridge/vite` (else its blocks are checked against VITE_STUB). */
export const viteExported = (): boolean => Object.prototype.hasOwnProperty.call(pkg.exports, './vite');

const TS_LANGS: Record<string, string> = { ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'mjs', jsx: 'jsx' };

/** A file handed to the type checker: a block (or a script inside an html block) and its preludes. */
interface Source {
  block: Block;
  path: string;
  text: string;
  preludes: string[];
  /** Lines of the block before this text starts (an inline script inside an html block). */
  offset: number;
}

/** Problems of every block of the Markdown files given as `{ doc: text }`; [] when all pass. */
export function checkDocs(docs: Record<string, string>): string[] {
  const problems: string[] = [];
  const sources: Source[] = [];
  for (const [doc, text] of Object.entries(docs)) {
    for (const block of blocksOf(doc, text)) {
      const at = `${block.doc}:${block.line} (\`\`\`${block.lang})`;
      for (const d of block.unknown) problems.push(`${at}: unknown directive <!-- ${d} -->`);
      for (const p of block.preludes) if (!Object.prototype.hasOwnProperty.call(PRELUDES, p)) problems.push(`${at}: no prelude "${p}" (test/docs/preludes.ts has ${Object.keys(PRELUDES).join(', ')})`);
      if (block.sameAs) {
        problems.push(...sameAsProblems(block, at));
        continue;
      }
      const ext = TS_LANGS[block.lang];
      if (ext) sources.push({ block, path: virtualPath(block, ext), text: block.text, preludes: block.preludes, offset: 0 });
      else if (block.lang === 'sh') problems.push(...shProblems(block.text).map((p) => `${at}: ${p}`));
      else if (block.lang === 'html') {
        problems.push(...htmlSrcProblems(block.text).map((p) => `${at}: ${p}`));
        inlineScripts(block).forEach((s) => sources.push(s));
      } else if (block.lang === 'json') {
        try {
          JSON.parse(block.text);
        } catch (e) {
          problems.push(`${at}: not JSON: ${(e as Error).message}`);
        }
      } else problems.push(`${at}: no check for a block ${block.lang ? `of \`\`\`${block.lang}` : 'without a language'} (use ts, tsx, js, sh, html or json)`);
    }
  }
  problems.push(...typeProblems(sources));
  return problems;
}

/** Where a block lives for the type checker: under the repository, so `superqi-bridge` resolves to the package itself (its exports, dist's types). */
function virtualPath(block: Block, ext: string): string {
  const dir = join(BLOCKS, block.doc.replace(/[^\w.-]+/g, '_'));
  if (!block.file) return join(dir, `line-${block.line}.${ext}`);
  // check:package blocks of one project share a folder, so `./checkout.js` is the sibling block
  return block.file.includes('/') ? join(dir, block.file) : join(dir, `line-${block.line}`, block.file);
}

/** The inline `<script>` elements of an html block, as scripts using the globals. */
function inlineScripts(block: Block): Source[] {
  const out: Source[] = [];
  for (const m of block.text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const offset = block.text.slice(0, m.index + m[0].indexOf('>') + 1).split('\n').length - 1;
    out.push({ block, path: join(BLOCKS, block.doc.replace(/[^\w.-]+/g, '_'), `line-${block.line}-script-${out.length}.js`), text: m[1]!, preludes: ['globals', ...block.preludes], offset });
  }
  return out;
}

/** The files the package ships that a page may load: the exports', `unpkg`'s. */
function shippedScripts(): Set<string> {
  const targets = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') targets.add(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  if (pkg.unpkg) walk(pkg.unpkg);
  return new Set([...targets].filter((t) => t.endsWith('.js')));
}

/** Each `<script src>` of an html block names a file the package ships (by name, or by its path inside a CDN URL of the package). */
export function htmlSrcProblems(html: string): string[] {
  const shipped = shippedScripts();
  const names = new Set([...shipped].map((f) => basename(f)));
  const problems: string[] = [];
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)) {
    const src = m[1]!;
    const inPackage = /superqi-bridge(?:@[^/]+)?\/(.+)$/.exec(src)?.[1];
    const ok = inPackage ? shipped.has(inPackage) : names.has(basename(src.split(/[?#]/)[0]!));
    if (!ok) problems.push(`<script src="${src}"> is no file the package ships (${[...names].join(', ')})`);
  }
  return problems;
}

/** A same-as block equals its file, less the file's leading `//` comment lines (which say where the copy is). */
function sameAsProblems(block: Block, at: string): string[] {
  const path = join(ROOT, block.sameAs!);
  if (!existsSync(path)) return [`${at}: same-as names ${block.sameAs}, which does not exist`];
  const lines = readFileSync(path, 'utf8').split('\n');
  while (lines[0]?.startsWith('//')) lines.shift();
  return lines.join('\n') === block.text ? [] : [`${at}: differs from ${block.sameAs} (less its leading comment lines)`];
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowJs: true,
  checkJs: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force, // each block its own scope
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  jsx: ts.JsxEmit.ReactJSX,
};

/** Type-checks the sources, one program per set of preludes (a prelude's globals reach only its blocks). */
function typeProblems(sources: Source[]): string[] {
  // the blocks of one folder (a check:package project) import each other: one program, their preludes joined
  const byFolder = new Map<string, string[]>();
  for (const s of sources) byFolder.set(dirname(s.path), [...(byFolder.get(dirname(s.path)) ?? []), ...s.preludes]);
  const groups = new Map<string, Source[]>();
  for (const s of sources) {
    const preludes = s.block.file?.includes('/') ? byFolder.get(dirname(s.path))! : s.preludes;
    const key = `${/\.m?jsx?$/.test(s.path) ? 'js' : 'ts'}:${[...new Set(preludes)].sort().join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const problems: string[] = [];
  for (const [key, group] of groups) {
    const [kind, names = ''] = key.split(':');
    const extra = new Map<string, string>();
    for (const p of names ? names.split(',') : []) if (Object.prototype.hasOwnProperty.call(PRELUDES, p)) extra.set(preludePath(p), PRELUDES[p]!);
    if (!viteExported()) extra.set(VITE_STUB_PATH, VITE_STUB);
    // JavaScript is checked as an editor checks a `// @ts-check` file (not strict: no implicit-any or null
    // complaints about untyped JS), TypeScript as strictly as this repository's own code
    problems.push(...typeCheck(group, extra, { ...OPTIONS, strict: kind === 'ts' }));
  }
  return problems;
}

const PARSED = new Map<string, ts.SourceFile | undefined>();

function typeCheck(group: Source[], extra: Map<string, string>, options: ts.CompilerOptions): string[] {
  const files = new Map(group.map((s) => [s.path, s]));
  const texts = new Map([...extra, ...group.map((s) => [s.path, s.text] as const)]);
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  host.fileExists = (f) => texts.has(f) || fileExists.call(host, f);
  host.readFile = (f) => texts.get(f) ?? readFile.call(host, f);
  host.directoryExists = (d) => [...texts.keys()].some((f) => f.startsWith(d + '/')) || (directoryExists?.call(host, d) ?? ts.sys.directoryExists(d));
  host.getSourceFile = (f, lang, ...rest) => {
    const text = texts.get(f);
    if (text !== undefined) return ts.createSourceFile(f, text, lang, true);
    // the libraries' files are parsed once for every program of the run
    const key = `${f}|${typeof lang === 'object' ? lang.languageVersion : lang}`;
    if (!PARSED.has(key)) PARSED.set(key, getSourceFile.call(host, f, lang, ...rest));
    return PARSED.get(key);
  };
  const program = ts.createProgram({ rootNames: [...texts.keys()], options, host });
  const out: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const s = d.file && files.get(d.file.fileName);
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!s) {
      out.push(`${d.file ? d.file.fileName : 'options'}: TS${d.code} ${text}`);
      continue;
    }
    const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line;
    out.push(`${s.block.doc}:${s.block.line + 1 + s.offset + line} (\`\`\`${s.block.lang}${s.block.file ? ` ${s.block.file}` : ''}): TS${d.code} ${text}`);
  }
  return out;
}

/** README.md and every docs/*.md (not docs/api/), as `{ path: text }`. */
export function repositoryDocs(): Record<string, string> {
  const docs: Record<string, string> = { 'README.md': readFileSync(join(ROOT, 'README.md'), 'utf8') };
  for (const f of ts.sys.readDirectory(join(ROOT, 'docs'), ['.md'], undefined, undefined, 1)) {
    if (dirname(f) === join(ROOT, 'docs')) docs[`docs/${basename(f)}`] = readFileSync(f, 'utf8');
  }
  return docs;
}
