/**
 * `node scripts/check-create.mjs`: does `npm create superqi-miniapp` work from the packed packages?
 * (slow: CI runs it after `npm test`; it needs the npm registry for the projects' dependencies, and
 * Chromium at CHROMIUM_PATH or /usr/bin/chromium for their end-to-end tests.)
 *  1. `npm pack` the library (the repository root; dist/ built first when missing or stale) and
 *     packages/create-superqi-miniapp into a temp dir;
 *  2. for each template: the project from the packed create package (`npm exec`), with
 *     `--superqi-bridge <the library's tarball>`; `npm install`; its `npm run typecheck` (against the
 *     installed tarball), `npm test` (page, backend, the Chromium end-to-end test) and `npm run build`
 *     must pass, with nothing of the emulator in the build;
 *  3. `npm start`: the one URL it prints (the devtools) answers HTML, the app's page answers with the
 *     emulator in it, the backend answers through Vite's /api proxy, and the sandbox wallet answers
 *     its wallet API; then it is stopped (SIGTERM to its process group).
 * Exits 1 naming every step that failed.
 *
 *   node scripts/check-create.mjs [--keep] [--template vanilla-ts|react-ts] [--no-build]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, ROOT } from '../bench/ensure-build.mjs';
import { checkReport } from './check-report.mjs';

const started = Date.now();
const keep = process.argv.includes('--keep');
const only = process.argv.includes('--template') ? [process.argv[process.argv.indexOf('--template') + 1]] : null;
const TEMPLATES = only ?? ['vanilla-ts', 'react-ts'];
const SANDBOX_PORT = 7001; // the generated scripts/start.ts's default
const { problems, step, ok, bad } = checkReport();

/** Runs a command, its output shown; true when it exits 0. */
function run(cmd, args, cwd) {
  process.stdout.write(`  $ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  return r.status === 0;
}

/** `npm pack` of `dir` into `dest`: the tarball's path. */
function pack(dir, dest) {
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm pack in ${dir} failed (exit ${r.status})`);
  return join(dest, JSON.parse(r.stdout.slice(r.stdout.indexOf('[')))[0].filename);
}

/** Every file under `dir` (none when it is missing). */
const builtFiles = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : []);

/** Starts `npm start` in its own process group; resolves { url, stop } once it prints the devtools URL. */
function start(cwd) {
  const child = spawn('npm', ['start'], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const running = () => child.exitCode === null && child.signalCode === null;
  /** A signal to the process group (npm, tsx, node). */
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  const stop = () =>
    new Promise((resolve) => {
      if (!running()) return resolve(undefined);
      // npm may exit before the app has closed its servers: the group gets SIGKILL 10 s later anyway
      setTimeout(() => signal('SIGKILL'), 10_000);
      child.once('exit', () => resolve(undefined));
      signal('SIGTERM');
    });
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no devtools URL in 120 s:\n${output}`)), 120_000);
    const read = (chunk) => {
      output += chunk;
      const found = /Super Qi devtools: (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before printing the devtools URL:\n${output}`));
    });
  });
  return { url, stop, output: () => output };
}

/** `npm start` of the project: the printed URL, the devtools, the app, the backend, the sandbox. */
async function checkStart(project, template) {
  const app = start(project);
  try {
    const devtools = await app.url;
    ok(`${template}: npm start printed ${devtools}`);
    const urls = (app.output().match(/https?:\/\/\S+/g) ?? []).filter((u) => !u.includes(`:${SANDBOX_PORT}`));
    if (new Set(urls).size !== 1) bad(`${template}: npm start printed more than one URL to open: ${[...new Set(urls)].join(', ')}`);
    const page = await fetch(devtools);
    const html = await page.text();
    if (page.ok && /<html/i.test(html)) ok(`${template}: the devtools page answers (${page.status})`);
    else bad(`${template}: the devtools page answered ${page.status}: ${html.slice(0, 200)}`);
    const root = new URL('/', devtools);
    const appPage = await fetch(root);
    const appHtml = await appPage.text();
    if (appPage.ok && appHtml.includes('id="app"') && /superqi|emulator/i.test(appHtml.replace(/<main id="app">/, ''))) ok(`${template}: the app answers at ${root.href} with the emulator installed`);
    else bad(`${template}: the app at ${root.href} answered ${appPage.status} without the emulator: ${appHtml.slice(0, 300)}`);
    const login = await fetch(new URL('/api/login', devtools), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const loginJson = await login.json().catch(() => ({}));
    if (login.status === 400 && /authCode/.test(loginJson.error ?? '')) ok(`${template}: the backend answers through Vite's /api proxy`);
    else bad(`${template}: POST /api/login through the proxy answered ${login.status} ${JSON.stringify(loginJson)}`);
    const wallet = await fetch(`http://127.0.0.1:${SANDBOX_PORT}/wallet-api/session`).catch((e) => ({ ok: false, status: String(e) }));
    const session = wallet.ok ? await wallet.json() : {};
    if (wallet.ok && session.user?.userId) ok(`${template}: the sandbox wallet answers (user ${session.user.userId})`);
    else bad(`${template}: the sandbox wallet on port ${SANDBOX_PORT} answered ${wallet.status}`);
  } catch (e) {
    bad(`${template}: ${e.message ?? e}`);
  } finally {
    await app.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'superqi-check-create-'));
try {
  step('pack the library and create-superqi-miniapp');
  ensureBuild({ log: (s) => process.stdout.write(`  ${s}\n`) });
  const library = pack(ROOT, dir);
  const creator = pack(join(ROOT, 'packages/create-superqi-miniapp'), dir);
  ok(`${library}\n      ${creator}`);
  for (const template of TEMPLATES) {
    step(`${template}: create, install, test, start`);
    const name = `app-${template}`;
    const project = join(dir, name);
    if (!run('npm', ['exec', '--yes', `--package=${creator}`, '--', 'create-superqi-miniapp', name, '--template', template, '--superqi-bridge', library], dir)) {
      bad(`${template}: create-superqi-miniapp failed`);
      continue;
    }
    if (!run('npm', ['install', '--no-audit', '--no-fund'], project)) {
      bad(`${template}: npm install failed`);
      continue;
    }
    for (const script of ['typecheck', 'test', 'build']) {
      if (run('npm', ['run', script], project)) ok(`${template}: npm run ${script} passed`);
      else bad(`${template}: npm run ${script} failed`);
    }
    const leaked = builtFiles(join(project, 'dist')).filter((f) => /SuperQiEmulatorConfig|__superqi/.test(readFileSync(f, 'utf8')));
    if (leaked.length) bad(`${template}: the build has the emulator in ${leaked.join(', ')}`);
    else ok(`${template}: nothing of the emulator in the build`);
    await checkStart(project, template);
  }
} catch (e) {
  bad(e.message ?? String(e));
} finally {
  if (keep) process.stdout.write(`\nkept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
if (problems.length) {
  process.stdout.write(`\ncheck-create: ${problems.length} problem(s) (${Math.round((Date.now() - started) / 1000)} s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`\ncheck-create: ok (${Math.round((Date.now() - started) / 1000)} s)\n`);
