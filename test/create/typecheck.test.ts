// @vitest-environment node
// Each generated project type-checks (its own tsconfig, strict) against this repository's built
// library: `superqi-bridge` and `superqi-bridge/*` are path-mapped to dist/*.d.ts (build first), and
// vite, vitest, playwright-core and @types/* resolve from the repository's node_modules, because the
// projects are written under node_modules/.cache (see support.ts). The projects share one tsconfig,
// so one program checks them all (lib, node, vite and vitest types read once).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';
import { create, REPO, scratch } from './support.js';

const cwd = scratch();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const PROJECTS = [
  ['vanilla-ts', 'en'],
  ['vanilla-ts', 'ar'],
  ['react-ts', 'ar'],
] as const;

/** The project's tsconfig.json with the library path-mapped to the repository's dist/. */
function parse(project: string): ts.ParsedCommandLine {
  const dist = join(REPO, 'dist');
  const paths = { 'superqi-bridge': [join(dist, 'index.d.ts')], 'superqi-bridge/*': [join(dist, '*.d.ts')] };
  writeFileSync(join(project, 'tsconfig.check.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { paths } }));
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d: ts.Diagnostic) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  return ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.check.json'), {}, host)!;
}

it(`the generated projects (${PROJECTS.map((p) => p.join(' ')).join(', ')}) type-check against the built library`, () => {
  expect(existsSync(join(REPO, 'dist/vite.d.ts')), 'dist/vite.d.ts: run npm run build (with superqi-bridge/vite) first').toBe(true);
  const configs = PROJECTS.map(([template, lang]) => {
    const name = `${template}-${lang}`;
    expect(create(cwd, name, '--template', template, '--lang', lang).code).toBe(0);
    return parse(join(cwd, name));
  });
  expect(configs.flatMap((c) => c.fileNames).filter((f) => f.endsWith('vite.config.ts'))).toHaveLength(PROJECTS.length);
  const program = ts.createProgram(configs.flatMap((c) => c.fileNames), configs[0]!.options);
  const diagnostics = [...configs.flatMap((c) => c.errors), ...ts.getPreEmitDiagnostics(program)];
  expect(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => cwd, getNewLine: () => '\n' })).toBe('');
}, 120_000);
