// @vitest-environment node
/**
 * Every code block of README.md and docs/*.md is checked (test/docs/check.ts): type-checked against
 * the package's own types, its npm scripts and CLI flags real, its script tags naming shipped files,
 * its JSON parsing — so no example can rot. The second half feeds the checker broken blocks and
 * expects each to be named.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocs, repositoryDocs, ROOT, viteExported } from './check.js';
import { repositoryPackages, shProblems } from './check-sh.js';

// the blocks import the package by name, which resolves to dist's types
beforeAll(() => expect(existsSync(join(ROOT, 'dist/index.d.ts')), 'dist/ is not built: run npm run build').toBe(true));

const fence = (lang: string, body: string, before = '') => `${before}\n\`\`\`${lang}\n${body}\n\`\`\`\n`;

describe('the docs', () => {
  it(`every code block of README.md and docs/*.md passes its check (superqi-bridge/vite: ${viteExported() ? "the package's own types" : 'the agreed API (test/docs/preludes.ts) until the plugin is merged'})`, { timeout: 120_000 }, () => {
    const docs = repositoryDocs();
    expect(Object.keys(docs)).toEqual(expect.arrayContaining(['README.md', 'docs/wrappers.md', 'docs/testing.md', 'docs/vite.md']));
    expect(checkDocs(docs)).toEqual([]);
  });
});

describe('the checker', () => {
  const problems = (md: string) => checkDocs({ 'broken.md': md });

  it('names a ts block that does not type-check, with its line in the Markdown', { timeout: 60_000 }, () => {
    const md = `# x\n${fence('ts', "import { alert } from 'superqi-bridge';\nawait alert({ title: 42 });")}`;
    expect(problems(md)).toEqual([expect.stringMatching(/^broken\.md:5 \(```ts\): TS2322 /)]);
  });

  it('names an export that does not exist and an undeclared name; a prelude declares what a fragment needs', { timeout: 60_000 }, () => {
    expect(problems(fence('ts', "import { nope } from 'superqi-bridge';"))).toEqual([expect.stringContaining('TS2305')]);
    expect(problems(fence('ts', "import { tradePay } from 'superqi-bridge';\nawait tradePay({ paymentUrl });"))).toEqual([expect.stringMatching(/TS18004 .*paymentUrl/)]);
    expect(problems(fence('ts', "import { tradePay } from 'superqi-bridge';\nawait tradePay({ paymentUrl });", '<!-- prelude: page -->'))).toEqual([]);
    expect(problems(fence('ts', 'export {};', '<!-- prelude: nothing-such -->'))).toEqual([expect.stringContaining('no prelude "nothing-such"')]);
  });

  it('type-checks js blocks, and resolves a named block imported by another', { timeout: 60_000 }, () => {
    const a = fence('js', "import { alert } from 'superqi-bridge';\nexport const hi = () => alert({ content: 'hi' });", '<!-- check:package demo hi.js -->');
    const b = fence('js', "import { hi } from './hi.js';\nhi(1);", '<!-- check:package demo hi.test.js -->');
    expect(problems(a + b)).toEqual([expect.stringMatching(/broken\.md:\d+ \(```js demo\/hi\.test\.js\): TS2554 /)]);
    // CommonJS, as the Jest examples are written: require() is typed too
    const c = fence('js', "const { alert } = require('superqi-bridge');\nalert({ title: 42 });\nmodule.exports = { x: 1 };", '<!-- check:package cjs a.js -->');
    const d = fence('js', "const { y } = require('./a.js');\ntest('t', () => expect(y).toBe(1));", '<!-- check:package cjs a.test.js -->\n<!-- prelude: jest -->');
    expect(problems(c + d)).toEqual([expect.stringContaining('TS2322'), expect.stringMatching(/cjs\/a\.test\.js\): TS2305 /)]);
  });

  it('names an npm script, a bin, a subcommand or a flag that does not exist', () => {
    expect(problems(fence('sh', 'npm run nope   # no such script'))).toEqual([expect.stringContaining('no script "nope"')]);
    expect(problems(fence('sh', 'npx superqi-sandbox --port 0 --nope x'))).toEqual([expect.stringContaining('unknown option --nope')]);
    expect(problems(fence('sh', 'npx superqi-sandbox pay <paymentId|paymentUrl> [--outcome pay|cancel] [--as <user>] [--colour red]'))).toEqual([expect.stringContaining('--colour')]);
    expect(problems(fence('sh', 'npx superqi-devtools --app http://localhost:5173/ --sandbox-url x'))).toEqual([expect.stringContaining('--sandbox-url')]);
    expect(problems(fence('sh', 'npx superqi-nothing'))).toEqual([expect.stringContaining('no bin superqi-nothing')]);
    expect(problems(fence('sh', 'npx superqi-sandbox authcodes --dir x'))).not.toEqual([]);
    expect(problems(fence('sh', 'npm install && npm start && npm run build -- --watch\nnpx superqi-sandbox listen --json --dir d'))).toEqual([]);
  });

  it(`names an \`npm create\` of no package of this repository, or a flag it does not parse (today's workspace packages: ${[...repositoryPackages().keys()].join(', ') || 'none yet, so the README\'s is checked once the template lands'})`, () => {
    const own = new Map([['create-superqi-miniapp', "if (!['--template', '--lang'].includes(name)) throw new UsageError(`unknown option ${name}`);"]]);
    expect(shProblems('npm create superqi-miniapp@latest my-app -- --template react-ts --lang ar', own)).toEqual([]);
    expect(shProblems('npm create superqi-miniap@latest my-app', own)).toEqual([expect.stringContaining('no package create-superqi-miniap ')]);
    expect(shProblems('npm create superqi-miniapp@latest my-app -- --framework react', own)).toEqual([expect.stringContaining('parses no --framework')]);
    expect(shProblems('npm create superqi-miniap@latest my-app', new Map())).toEqual([]);
  });

  it('names a script tag of a file the package does not ship, bad JSON, an unchecked language, a stale copy, a typo in a directive', { timeout: 60_000 }, () => {
    expect(problems(fence('html', '<script src="superqi-bridge.js"></script>'))).toEqual([expect.stringContaining('superqi-bridge.js')]);
    expect(problems(fence('html', '<script src="https://unpkg.com/superqi-bridge@0.1.0/dist/superqi-emulator.iife.js"></script>'))).toEqual([]);
    expect(problems(fence('html', '<script src="superqi-bridge.iife.js"></script>\n<script>\n  my.alert({ contnt: 1 });\n</script>'))).toEqual([expect.stringMatching(/^broken\.md:5 \(```html\): TS2561 /)]);
    expect(problems(fence('json', '{ "a": 1, }'))).toEqual([expect.stringContaining('not JSON')]);
    expect(problems(fence('text', 'anything'))).toEqual([expect.stringContaining('no check for a block of ```text')]);
    expect(problems(fence('', 'anything'))).toEqual([expect.stringContaining('without a language')]);
    expect(problems(fence('js', 'console.log(1);\n', '<!-- same-as: examples/merchant-backend/notify-receiver.mjs -->'))).toEqual([expect.stringContaining('differs from')]);
    expect(problems(fence('js', 'console.log(1);', '<!-- prelud: page -->'))).toEqual([expect.stringContaining('unknown directive')]);
  });
});
