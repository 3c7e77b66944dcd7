// @vitest-environment node
// The generator: files per template and language, names and specs filled in, bad input refused.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { create, PACKAGE, scratch } from './support.js';

const cwd = scratch();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const read = (...path: string[]) => readFileSync(join(cwd, ...path), 'utf8');
const json = (...path: string[]) => JSON.parse(read(...path)) as Record<string, any>;
const VERSION = (JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const COMMON = ['.gitignore', 'README.md', 'package.json', 'scripts/start.ts', 'server/backend.ts', 'server/gateway.ts', 'test/e2e.test.ts', 'test/page.test.ts', 'test/server.test.ts', 'tsconfig.json', 'vite.config.ts', 'vitest.config.ts', 'web/index.html', 'web/src/api.ts', 'web/src/lang.ts', 'web/src/strings.ts', 'web/src/style.css'];

describe('create-superqi-miniapp', () => {
  it('by default writes the vanilla-ts project in English, named after its directory', () => {
    const r = create(cwd, 'My Shop');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('cd My Shop');
    expect(files(join(cwd, 'My Shop'))).toEqual([...COMMON, 'web/src/app.ts', 'web/src/main.ts'].sort());
    const pkg = json('My Shop', 'package.json');
    expect(pkg).toMatchObject({ name: 'my-shop', private: true, type: 'module', scripts: { start: 'tsx scripts/start.ts', test: 'vitest run' }, dependencies: { 'superqi-bridge': `^${VERSION}` } });
    expect(Object.keys(pkg.devDependencies)).toEqual(['@types/node', 'happy-dom', 'libsql', 'playwright-core', 'tsx', 'typescript', 'vite', 'vitest']);
    expect(read('My Shop', 'web/index.html')).toContain('<html lang="en" dir="ltr">');
    expect(read('My Shop', 'web/index.html')).toContain('<title>my-shop</title>');
    expect(read('My Shop', 'web/index.html')).toContain('src="/src/main.ts"');
    expect(read('My Shop', 'web/src/lang.ts')).toContain("= 'en';");
    expect(read('My Shop', 'README.md')).toMatch(/^# my-shop\n/);
    expect(read('My Shop', 'vite.config.ts')).toContain("emulator: { appId: 'my-shop', profile: { appName: 'my-shop' } }");
    expect(read('My Shop', '.gitignore').split('\n')).toEqual(expect.arrayContaining(['node_modules', 'dist', '.superqi-sandbox/', '.env', '*.pem']));
    for (const file of files(join(cwd, 'My Shop'))) expect(read('My Shop', file), file).not.toMatch(/\{\{\w+\}\}/);
  });

  it('--lang ar: the page right to left, in Arabic; --superqi-bridge sets the dependency', () => {
    expect(create(cwd, 'arabic', '--lang', 'ar', '--superqi-bridge=/tmp/superqi-bridge-0.1.0.tgz').code).toBe(0);
    expect(read('arabic', 'web/index.html')).toContain('<html lang="ar" dir="rtl">');
    expect(read('arabic', 'web/src/lang.ts')).toContain("= 'ar';");
    expect(json('arabic', 'package.json').dependencies).toEqual({ 'superqi-bridge': '/tmp/superqi-bridge-0.1.0.tgz' });
  });

  it('--template react-ts: the same backend and tests, the page in React', () => {
    expect(create(cwd, 'react-app', '--template', 'react-ts').code).toBe(0);
    const list = files(join(cwd, 'react-app'));
    expect(list).toEqual([...COMMON, 'web/src/Shop.tsx', 'web/src/app.tsx', 'web/src/main.tsx'].sort());
    expect(read('react-app', 'web/index.html')).toContain('src="/src/main.tsx"');
    expect(read('react-app', 'server/backend.ts')).toBe(read('My Shop', 'server/backend.ts'));
    const pkg = json('react-app', 'package.json');
    expect(Object.keys(pkg.dependencies)).toEqual(['react', 'react-dom', 'superqi-bridge']);
    expect(pkg.devDependencies).toMatchObject({ '@types/react': expect.any(String), '@types/react-dom': expect.any(String) });
  });

  it('--help prints the usage and writes nothing', () => {
    const r = create(cwd, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--template <name>');
    expect(r.stdout).toContain('--superqi-bridge <spec>');
  });

  it.each([
    [['x1', '--tmplate', 'react-ts'], 'unknown option --tmplate'],
    [['x2', '--template', 'svelte'], '--template must be one of vanilla-ts, react-ts (got "svelte")'],
    [['x3', '--lang', 'fr'], '--lang must be one of en, ar (got "fr")'],
    [['x4', '--lang'], '--lang needs a value'],
    [['x5', '--superqi-bridge', '--lang', 'ar'], '--superqi-bridge needs a value'],
    [['x6', '--lang', 'ar', '--lang', 'en'], '--lang given twice'],
    [['--lang', 'ar'], 'the project directory is missing'],
    [['x7', 'x8'], 'one project directory, not 2'],
  ])('refuses %j: exit 1 naming the option, nothing written', (args, message) => {
    const r = create(cwd, ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`create-superqi-miniapp: ${message}`);
    expect(r.stdout).toBe('');
    for (const dir of ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8']) expect(existsSync(join(cwd, dir))).toBe(false);
  });

  it('refuses a directory that is not empty, and leaves it as it was; an empty one is used', () => {
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine');
    const r = create(cwd, 'taken');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('taken is not empty');
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['notes.txt']);
    mkdirSync(join(cwd, 'empty'));
    expect(create(cwd, 'empty').code).toBe(0);
    expect(existsSync(join(cwd, 'empty', 'package.json'))).toBe(true);
  });
});
