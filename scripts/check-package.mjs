/**
 * `npm run check:package`: is the package right as a consumer gets it?
 *  1. publint (strict: warnings fail too);
 *  2. `npm pack` into a temp dir; @arethetypeswrong/cli on that tarball (problems fail, except the
 *     few listed in ALLOWED with their reason);
 *  3. a temp consumer project (`"type": "module"`) installs the tarball with npm, offline (the
 *     package has no dependencies), links rollup, @rollup/plugin-node-resolve and happy-dom from this
 *     repository's node_modules, bundles an app that imports { alert, tradePay, iqdToFils } and a
 *     node:test file that uses `superqi-bridge/testing`, and runs that test: it must pass;
 *  4. the testing guide (docs/testing.md), as written: every fenced block marked
 *     `<!-- check:package <project> <file> -->` becomes that file of a consumer project (`vitest`:
 *     ESM with vitest + happy-dom; `jest`: CommonJS with Jest + @happy-dom/jest-environment), which
 *     installs the tarball and runs its tests: they must pass;
 *  5. from the consumer, in plain Node (no window): `import('superqi-bridge')` works, touches no
 *     global, and a call rejects with NotInHostError; `require('superqi-bridge')` works too;
 *  6. the install brought no SQLite binding; `startSandbox` says to install libsql, and runs once it is;
 *  7. `superqi-bridge/server` as installed: it imports nothing but node:crypto / node:fs (no
 *     package, none of the sandbox: its storage, SQLite); its ESM and CJS builds sign a call to the
 *     installed sandbox and verify the answer.
 * Builds dist/ first when it is missing or stale (`--no-build` skips). Exits 1 on any problem.
 * Needs the npm registry for nothing.
 *
 *   node scripts/check-package.mjs [--keep] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { ensureBuild, ROOT } from '../bench/ensure-build.mjs';
import { checkReport } from './check-report.mjs';

/** The guide whose marked blocks step 4 runs as consumer projects. */
const GUIDE = 'docs/testing.md';

const started = Date.now();
const keep = process.argv.includes('--keep');
const { problems, step, ok, bad } = checkReport();

/** Runs a command; returns { status, stdout, stderr }. */
const run = (cmd, args, cwd, extraEnv = {}) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...extraEnv }, maxBuffer: 64 << 20 });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
};
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/**
 * attw problems that are expected, by entrypoint and kind, and why.
 * - './iife', './emulator.iife', './emulator-extras.iife': the script-tag builds (classic scripts that
 *   define globals, no exports; the emulator's loads its extras itself, from its own folder). They are
 *   in `exports` so bundlers and CDNs can reach the files; there is nothing to type.
 * - './globals' CJSResolvesToESM: ambient declarations, used as `/// <reference types=…>`; their
 *   type-only imports work from CommonJS as well.
 */
const ALLOWED = {
  './iife': ['NoResolution', 'UntypedResolution', 'CJSResolvesToESM'],
  './emulator.iife': ['NoResolution', 'UntypedResolution', 'CJSResolvesToESM'],
  './emulator-extras.iife': ['NoResolution', 'UntypedResolution', 'CJSResolvesToESM'],
  './globals': ['CJSResolvesToESM'],
};

/**
 * Packed files that nothing reaches: start from every target in `exports`/main/module/types, follow
 * relative imports (JS and declarations) and source maps. Old chunks that a previous build left in
 * dist/ show up here, and so does anything else `files` sweeps in.
 */
function unreachable(paths) {
  const packed = new Set(paths);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const seeds = [pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg.jsdelivr, ...Object.values(pkg.bin ?? {}), 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];
  const walk = (v) => (typeof v === 'string' ? seeds.push(v) : v && typeof v === 'object' && Object.values(v).forEach(walk));
  walk(pkg.exports);
  // The devtools page: superqi-bridge/devtools serves these files by path.
  seeds.push(...paths.filter((p) => p.startsWith('dist/devtools/')));
  // The guides the README links to (npm shows the README; its docs/ links need the files).
  seeds.push(...paths.filter((p) => /^docs\/[^/]+\.md$/.test(p)));
  const seen = new Set();
  const queue = seeds.filter(Boolean).map((p) => normalize(p).replace(/^\.\//, ''));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !packed.has(file)) continue;
    seen.add(file);
    if (!/\.(m|c)?js$|\.d\.(m|c)?ts$/.test(file)) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    const specs = [...text.matchAll(/(?:from\s*|import\s*\(?\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
    const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
    if (map) specs.push(`./${map}`);
    for (const spec of specs) {
      const target = normalize(join(dirname(file), spec));
      const dts = /\.d\.(m|c)?ts$/.test(file);
      const alternatives = dts ? [target, target.replace(/\.js$/, '.d.ts').replace(/\.mjs$/, '.d.mts').replace(/\.cjs$/, '.d.cts'), `${target}.d.ts`] : [target];
      for (const t of alternatives) queue.push(t);
    }
  }
  return paths.filter((p) => !seen.has(p)).sort();
}

/**
 * What `superqi-bridge/server` (dist/server.{mjs,cjs} and the files they import) loads from outside
 * itself: only node:crypto and node:fs may appear (no package: it has no dependencies; not the
 * sandbox's storage or SQLite, which the sandbox entry may load).
 */
function serverImports(pkgDir) {
  const allowed = new Set(['node:crypto', 'node:fs']);
  const files = [];
  const imports = new Set();
  const problems = [];
  const queue = ['dist/server.mjs', 'dist/server.cjs'];
  while (queue.length) {
    const file = normalize(queue.pop());
    if (files.includes(file)) continue;
    files.push(file);
    const text = readFileSync(join(pkgDir, file), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from\s*|import\s*\(?\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
      if (spec.startsWith('.')) queue.push(join(dirname(file), spec));
      else {
        imports.add(spec);
        if (!allowed.has(spec)) problems.push(`${file} imports ${spec}`);
      }
    }
    if (/sqlite/i.test(text) || /\bclass Store\b/.test(text)) problems.push(`${file} carries SQLite or the sandbox's Store`);
  }
  return { files, imports: [...imports].sort(), problems };
}

/**
 * The testing guide's examples by consumer project: each fenced block after a
 * `<!-- check:package <project> <file> -->` comment (other directive comments may follow it, such as
 * `<!-- prelude: jest -->` for test/docs/code-blocks.test.ts) is that file, as a user would paste it.
 */
function guideProjects() {
  const readme = readFileSync(join(ROOT, GUIDE), 'utf8');
  const setups = {
    vitest: {
      pkg: { type: 'module' },
      tools: ['vitest', 'happy-dom'],
      command: [join('node_modules', 'vitest', 'vitest.mjs'), 'run'],
      passed: (out) => Number(/Tests\s+(\d+) passed/.exec(out)?.[1] ?? 0),
    },
    jest: {
      pkg: {},
      tools: ['jest', '@happy-dom/jest-environment'],
      command: [join('node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--no-cache'],
      passed: (out) => Number(/Tests:\s+(\d+) passed/.exec(out)?.[1] ?? 0),
    },
  };
  const projects = {};
  for (const m of readme.matchAll(/<!-- check:package (\S+) (\S+) -->\s*(?:<!--[^\n]*-->\s*)*```\w*\n([\s\S]*?)```/g)) {
    const [, project, file, text] = m;
    if (!setups[project]) throw new Error(`${GUIDE}: unknown check:package project "${project}"`);
    projects[project] ??= { ...setups[project], files: {} };
    projects[project].files[file] = text;
  }
  for (const [name, p] of Object.entries(projects)) p.expect = Object.entries(p.files).filter(([f]) => /\.test\.js$/.test(f)).reduce((n, [, t]) => n + (t.match(/^(?:it|test)\(/gm)?.length ?? 0), 0) || 1;
  if (!projects.vitest || !projects.jest) throw new Error(`${GUIDE}: the vitest and jest testing examples are missing their check:package markers`);
  return projects;
}

ensureBuild();
const tmp = mkdtempSync(join(tmpdir(), 'superqi-check-'));
try {
  // ── 1. publint ───────────────────────────────────────────────────────────────────────────────
  step('publint (strict)');
  {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const pkg = (await import(join(ROOT, 'package.json'), { with: { type: 'json' } })).default;
    const { messages } = await publint({ pkgDir: ROOT, level: 'suggestion', strict: true, pack: 'npm' });
    for (const m of messages) {
      const text = `publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`;
      if (m.type === 'suggestion') process.stdout.write(`  note ${text}\n`);
      else bad(text);
    }
    if (!messages.some((m) => m.type !== 'suggestion')) ok('publint: no errors or warnings');
  }

  // ── 2. npm pack + attw ────────────────────────────────────────────────────────────────────────
  step('npm pack');
  const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, '--json'], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  const tarball = join(tmp, info.filename);
  ok(`${info.filename}: ${info.entryCount} files, ${(info.size / 1e3).toFixed(1)} kB packed, ${(info.unpackedSize / 1e3).toFixed(1)} kB unpacked`);
  const groups = {};
  for (const f of info.files) {
    const g = f.path.startsWith('dist/') ? f.path.split('/').slice(0, f.path.split('/').length > 2 ? 2 : 1).join('/') + (f.path.endsWith('.map') ? ' (*.map)' : '') : f.path;
    groups[g] = (groups[g] ?? 0) + f.size;
  }
  for (const [g, n] of Object.entries(groups).sort((a, b) => b[1] - a[1])) process.stdout.write(`       ${(n / 1e3).toFixed(1).padStart(8)} kB  ${g}\n`);
  {
    const stray = unreachable(info.files.map((f) => f.path));
    if (stray.length) {
      process.stdout.write(`  warn ${stray.length} packed file(s) no entry point reaches (a stale dist/? rollup does not empty it):\n`);
      for (const f of stray) process.stdout.write(`         ${f}\n`);
    } else ok('every packed file is reachable from an entry point');
  }

  step('@arethetypeswrong/cli on the tarball');
  {
    // attw exits before a pipe has taken all of its JSON (it came cut at 64 KB boundaries): into a file, whose writes are synchronous.
    const out = join(dirname(tarball), 'attw.json');
    const fd = openSync(out, 'w');
    const a = spawnSync(bin('attw'), [tarball, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    const r = { status: a.status ?? 1, stdout: readFileSync(out, 'utf8'), stderr: a.stderr ?? '' };
    let report;
    try {
      report = JSON.parse(r.stdout);
    } catch {
      throw new Error(`attw did not answer JSON (exit ${r.status}): ${r.stderr || r.stdout}`);
    }
    const found = report.analysis?.problems ?? [];
    const unexpected = found.filter((p) => !ALLOWED[p.entrypoint]?.includes(p.kind));
    for (const p of unexpected) bad(`attw ${p.kind} for "${p.entrypoint}" (${p.resolutionKind})`);
    const allowed = found.length - unexpected.length;
    if (!unexpected.length) ok(`attw: no problems${allowed ? ` (${allowed} expected ones for the script-tag and ambient-types entries)` : ''}`);
  }

  // ── 3. a consumer project ─────────────────────────────────────────────────────────────────────
  step('consumer project: npm install the tarball (offline), rollup build, node --test');
  const app = join(tmp, 'consumer');
  const files = {
    'package.json': JSON.stringify(
      { name: 'consumer', private: true, type: 'module', dependencies: { 'superqi-bridge': `file:../${info.filename}` } },
      null,
      2,
    ),
    'src/app.js': `import { alert, tradePay, iqdToFils } from 'superqi-bridge';

/** Shows the amount, then opens the cashier; resolves tradePay's { resultCode, status }. */
export async function checkout(iqd) {
  await alert({ title: 'Checkout', content: \`Paying \${iqd} IQD\` });
  return tradePay({ paymentUrl: \`https://pay.example/checkout?amount=\${iqdToFils(iqd)}\` });
}
`,
    'test/app.test.js': `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { setupEmulator, teardownEmulator, answer, fail, callsTo, lastCall } from 'superqi-bridge/testing';
import { isHostError } from 'superqi-bridge';
import { checkout } from '../src/app.js';

// happy-dom as the page: what a test runner's DOM environment would provide
const window = new Window({ url: 'https://miniapp.example/' });
for (const key of Object.getOwnPropertyNames(window)) if (!(key in globalThis)) globalThis[key] = window[key];
Object.assign(globalThis, { window, document: window.document, Event: window.Event, CustomEvent: window.CustomEvent });

test('checkout: alert, then tradePay resolves 9000 on the emulator', async () => {
  setupEmulator();
  const result = await checkout(100);
  assert.equal(result.resultCode, '9000');
  assert.equal(result.status, 'success');
  assert.equal(callsTo('alert').length, 1);
  assert.equal(callsTo('tradePay').length, 1);
  assert.match(String(lastCall('tradePay').params.paymentUrl), /amount=100000$/);
  teardownEmulator();
});

test('checkout: a cancelled payment resolves 6001 / cancelled', async () => {
  setupEmulator();
  answer('tradePay', { resultCode: '6001' });
  const result = await checkout(5);
  assert.equal(result.status, 'cancelled');
  teardownEmulator();
});

test('a host failure rejects with a typed HostError', async () => {
  setupEmulator();
  fail('alert', 3, 'boom');
  await assert.rejects(checkout(1), (e) => isHostError(e) && e.code === 3 && e.api === 'alert');
  assert.equal(callsTo('tradePay').length, 0);
  teardownEmulator();
});
`,
    'rollup.config.mjs': `import { nodeResolve } from '@rollup/plugin-node-resolve';
export default {
  input: { app: 'src/app.js', 'app.test': 'test/app.test.js' },
  output: { dir: 'build', format: 'es' },
  external: (id) => id.startsWith('node:') || id === 'happy-dom',
  plugins: [nodeResolve({ browser: true })],
};
`,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app, name)), { recursive: true });
    writeFileSync(join(app, name), text);
  }
  const inst = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], app);
  if (inst.status !== 0) bad(`npm install of the tarball failed: ${inst.stderr.trim()}`);
  else ok('npm install --offline (the tarball; no registry access)');
  // the tools come from this repository (linked after the install, which would prune them)
  for (const tool of ['rollup', '@rollup/plugin-node-resolve', 'happy-dom']) {
    mkdirSync(dirname(join(app, 'node_modules', tool)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', tool), join(app, 'node_modules', tool), 'dir');
  }
  const built = run(process.execPath, [join(ROOT, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], app);
  if (built.status !== 0) bad(`consumer rollup build failed: ${built.stderr.trim()}`);
  else ok('rollup build of the consumer (app + its test, bundled from the installed package)');
  if (built.status === 0) {
    const t = run(process.execPath, ['--test', '--test-reporter=spec', 'build/app.test.js'], app);
    const summary = t.stdout.split('\n').filter((l) => /^ℹ (tests|pass|fail)/.test(l)).join(', ');
    if (t.status !== 0) bad(`consumer test failed:\n${t.stdout}\n${t.stderr}`);
    else ok(`consumer test passed (${summary.replace(/ℹ /g, '')})`);
  }

  // ── 4. the testing guide's examples, as consumer projects ────────────────────────────────────
  for (const [name, project] of Object.entries(guideProjects())) {
    step(`testing guide consumer "${name}": ${Object.keys(project.files).join(', ')} from ${GUIDE}, the tarball, ${project.tools.join(' + ')}`);
    const dir = join(tmp, `readme-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `readme-${name}`, private: true, ...project.pkg, dependencies: { 'superqi-bridge': `file:../${info.filename}` } }, null, 2));
    for (const [file, text] of Object.entries(project.files)) writeFileSync(join(dir, file), text);
    const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], dir);
    if (installed.status !== 0) {
      bad(`testing guide consumer "${name}": npm install of the tarball failed: ${installed.stderr.trim()}`);
      continue;
    }
    for (const tool of project.tools) {
      mkdirSync(dirname(join(dir, 'node_modules', tool)), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', tool), join(dir, 'node_modules', tool), 'dir');
    }
    const t = run(process.execPath, project.command, dir, { CI: '1', FORCE_COLOR: '0', NO_COLOR: '1' });
    const out = `${t.stdout}\n${t.stderr}`;
    const passed = project.passed(out);
    if (t.status !== 0 || passed < project.expect) bad(`testing guide consumer "${name}" failed (exit ${t.status}, ${passed} passed):\n${out}`);
    else ok(`testing guide consumer "${name}": ${passed} tests passed`);
  }

  // ── 5. plain Node, no window ─────────────────────────────────────────────────────────────────
  step('plain Node (no window): ESM import, a call rejects with NotInHostError; CJS require');
  {
    const esm = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const before = Reflect.ownKeys(globalThis).length;
         const m = await import('superqi-bridge');
         if (typeof m.alert !== 'function') throw new Error('no alert export');
         if (Reflect.ownKeys(globalThis).length !== before) throw new Error('importing changed globalThis');
         try { await m.alert({ content: 'x' }); throw new Error('alert resolved outside a host'); }
         catch (e) { if (!m.isNotInHostError(e) || !(e instanceof m.NotInHostError)) throw e; }
         console.log('NotInHostError: ' + (await m.ready().catch((e) => e.code)));`,
      ],
      app,
    );
    if (esm.status !== 0) bad(`plain-Node ESM import: ${esm.stderr.trim()}`);
    else ok(`import('superqi-bridge') in plain Node; alert() → ${esm.stdout.trim()}`);
    const cjs = run(process.execPath, ['-e', `const m = require('superqi-bridge'); if (typeof m.tradePay !== 'function') throw new Error('no tradePay'); require('superqi-bridge/testing'); require('superqi-bridge/emulator'); if (typeof require('superqi-bridge/sandbox').startSandbox !== 'function') throw new Error('no startSandbox'); if (typeof require('superqi-bridge/devtools').startDevtools !== 'function') throw new Error('no startDevtools'); if (typeof require('superqi-bridge/server').createClient !== 'function') throw new Error('no createClient'); if (typeof require('superqi-bridge/vite').superqi !== 'function') throw new Error('no superqi');`], app);
    if (cjs.status !== 0) bad(`plain-Node require: ${cjs.stderr.trim()}`);
    else ok("require('superqi-bridge'), '/testing', '/emulator', '/sandbox', '/devtools', '/server', '/vite' in plain Node (no vite installed)");
    // The devtools as installed: its server starts and serves the page it ships, under its CSP.
    const devtools = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { startDevtools } = await import('superqi-bridge/devtools');
         const d = await startDevtools({ app: 'http://127.0.0.1:9/' });
         try {
           const r = await fetch(d.url);
           const html = await r.text();
           if (r.status !== 200 || !html.includes('devtools.js')) throw new Error('no devtools page: HTTP ' + r.status);
           if (!(r.headers.get('content-security-policy') ?? '').includes('frame-src http://127.0.0.1:9')) throw new Error('no CSP');
           const js = await fetch(new URL('devtools.js', d.url));
           if (js.status !== 200) throw new Error('no devtools.js');
         } finally { await d.close(); }`,
      ],
      app,
    );
    if (devtools.status !== 0) bad(`superqi-bridge/devtools serving its page: ${devtools.stderr.trim()}`);
    else ok('superqi-bridge/devtools serves its page (installed package)');
  }

  // ── 6. native code only for the sandbox (libsql is linked here: step 7 runs the sandbox) ──────
  step('no native code in a browser-only install; the sandbox asks for libsql, then runs on it');
  {
    const native = ['libsql', '@libsql', '@neon-rs'].filter((n) => existsSync(join(app, 'node_modules', n)));
    if (native.length) bad(`installing superqi-bridge alone brought ${native.join(', ')} (the SQLite binding must stay an optional peer)`);
    else ok('npm install superqi-bridge installs no SQLite binding (libsql is an optional peer dependency)');
    const startScript = `const { startSandbox } = await import('superqi-bridge/sandbox');
         const { mkdtempSync } = await import('node:fs');
         const dir = mkdtempSync(process.cwd() + '/sandbox-');
         try { const s = await startSandbox({ dir, onWarning: () => {} }); const r = await fetch(s.url + '/sandbox-api/state'); await s.close(); console.log('state HTTP ' + r.status); }
         catch (e) { console.log(e.name + ': ' + e.message); }`;
    const missing = run(process.execPath, ['--input-type=module', '-e', startScript], app);
    if (!/MissingDatabaseError: .*npm install --save-dev libsql/.test(missing.stdout)) bad(`startSandbox without libsql should say what to install, got: ${missing.stdout.trim()} ${missing.stderr.trim()}`);
    else ok('startSandbox without libsql: MissingDatabaseError naming `npm install --save-dev libsql`');
    // as if the user installed it: this repository's copy (and its platform package) linked in
    for (const dep of ['libsql', '@libsql', '@neon-rs', 'detect-libc']) {
      if (existsSync(join(ROOT, 'node_modules', dep))) symlinkSync(join(ROOT, 'node_modules', dep), join(app, 'node_modules', dep), 'dir');
    }
    const withDb = run(process.execPath, ['--input-type=module', '-e', startScript], app);
    if (withDb.stdout.trim() !== 'state HTTP 200') bad(`startSandbox with libsql installed: ${withDb.stdout.trim()} ${withDb.stderr.trim()}`);
    else ok('startSandbox with libsql installed beside it: the wallet answers');
  }

  // ── 7. superqi-bridge/server: no dependency, none of the sandbox; it works as installed ──────
  step('superqi-bridge/server: what it imports; ESM and CJS calls to the installed sandbox, verified');
  {
    const server = serverImports(join(app, 'node_modules', 'superqi-bridge'));
    if (server.problems.length) bad(`superqi-bridge/server imports: ${server.problems.join('; ')}`);
    else ok(`superqi-bridge/server imports only ${server.imports.join(', ')} (${server.files.length} files)`);
    const call = (load) => `const { startSandbox } = await import('superqi-bridge/sandbox');
       const { clientFromEnv } = ${load};
       const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'superqi-check-'));
       const s = await startSandbox({ port: 0, dir, onWarning: () => {} });
       try {
         const r = await clientFromEnv(s.envPath).inquiryPayment({ paymentId: 'none' });
         if (r.status !== 'F' || r.code !== 'ORDER_NOT_EXIST') throw new Error('unexpected answer ' + JSON.stringify(r.response));
       } finally { await s.close(); (await import('node:fs')).rmSync(dir, { recursive: true, force: true }); }`;
    for (const [label, load] of [['ESM', "await import('superqi-bridge/server')"], ['CJS', "(await import('node:module')).createRequire(process.cwd() + '/x.js')('superqi-bridge/server')"]]) {
      const r = run(process.execPath, ['--input-type=module', '-e', call(load)], app);
      if (r.status !== 0) bad(`superqi-bridge/server (${label}) against the installed sandbox: ${r.stderr.trim()}`);
      else ok(`superqi-bridge/server (${label}): a signed inquiryPayment to the installed sandbox, answer verified`);
    }
  }
} finally {
  if (keep) process.stdout.write(`\nkept ${tmp}\n`);
  else rmSync(tmp, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  process.stdout.write(`\ncheck:package: ${problems.length} problem(s) in ${seconds} s\n`);
  process.exit(1);
}
process.stdout.write(`\ncheck:package: all good in ${seconds} s\n`);
