// @vitest-environment node
/**
 * `npm run docs` fails on a public symbol without JSDoc: TypeDoc with this repository's typedoc.json
 * (validation.notDocumented, treatValidationWarningsAsErrors) on a two-file fixture — an undocumented
 * export fails the run and is named; documenting it makes the same run pass. (The real reference is
 * built by `npm run docs` in CI.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'superqi-typedoc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typedoc(source: string): { status: number | null; out: string } {
  writeFileSync(join(dir, 'index.ts'), source);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2020', noEmit: true }, include: ['index.ts'] }));
  // The repository's options, with only the entry point, tsconfig and output swapped for the fixture's.
  writeFileSync(join(dir, 'typedoc.json'), JSON.stringify({ extends: [join(ROOT, 'typedoc.json')], entryPoints: ['index.ts'], tsconfig: 'tsconfig.json', emit: 'none' }));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--options', 'typedoc.json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

it('an undocumented export fails the docs build and is named; documented, it passes', () => {
  const failing = typedoc('/** Adds. */\nexport const add = (a: number, b: number): number => a + b;\nexport const undocumentedLimit = 10;\n');
  expect(failing.status).not.toBe(0);
  expect(failing.out).toMatch(/undocumentedLimit.*does not have any documentation/);
  const passing = typedoc('/** Adds. */\nexport const add = (a: number, b: number): number => a + b;\n/** The limit. */\nexport const undocumentedLimit = 10;\n');
  expect(passing.out).not.toMatch(/does not have any documentation/);
  expect(passing.status).toBe(0);
}, 180000);
