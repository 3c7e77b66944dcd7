// The playground's dev server: `npm start`.
//
// Builds the playground, serves dist/playground/ on 127.0.0.1 (PORT, else 5173, else a free port)
// with a strict Content-Security-Policy, answers the echo endpoint (/echo, see echo.mjs), rebuilds
// when src/ or playground/ change (debounced) and reloads open pages. Starts the sandbox wallet
// (.superqi-sandbox/, or SUPERQI_SANDBOX_DIR) and serves a demo merchant backend under /api/ for the
// flows page (see playground-sandbox.mjs). Prints the URLs.
//
//   node scripts/serve-playground.mjs
//   import { startServer } from './serve-playground.mjs'   (the browser tests)
import { createReadStream, existsSync, statSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPlayground, DEVTOOLS_OUT_DIR, OUT_DIR, PLAYGROUND_DIR, ROOT } from './build-playground.mjs';

/**
 * Where `npm start` builds what it serves: its own folder, not dist/. `npm test` and `npm run build`
 * empty and rewrite dist/ (rollup starts from an empty folder), which left a running `npm start`
 * answering 404 for the length of a build.
 */
export const START_DIR = join(ROOT, 'node_modules', '.cache', 'superqi-start');
import { handleEcho } from './echo.mjs';
import { importSource, SANDBOX_DIR, startPlaygroundSandbox } from './playground-sandbox.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

/**
 * The policy the pages are served with: scripts and styles only from files of this origin (no inline
 * code), blob:/data: for the images, videos and PDFs the emulator makes, and requests to this origin
 * (plus, with `sandbox`, the sandbox wallet's origin: the emulator plays the phone through it).
 */
export const cspFor = (sandbox, ancestors = "'none'") =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: data:",
    "frame-src 'self' blob: data:",
    "object-src 'none'",
    `connect-src 'self'${sandbox ? ` ${new URL(sandbox).origin}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');

/** The policy without a sandbox. */
export const CSP = cspFor();

/** The devtools (the same page `superqi-devtools` serves) under this path, showing the demo miniapp. */
export const DEVTOOLS_PATH = '/devtools/';
/** The demo miniapp: the one page the devtools may frame. */
export const DEMO_PATH = '/demo.html';

/** What the flows page reads to link its emulator to the sandbox (404 on the static build). */
export const SANDBOX_CONFIG_PATH = '/__playground/sandbox.json';

const LIVE_RELOAD_PATH = '/__playground/live-reload.js';
const EVENTS_PATH = '/__playground/events';
const LIVE_RELOAD_JS = `// Reloads the page when the dev server rebuilt the playground.
new EventSource('${EVENTS_PATH}').addEventListener('rebuilt', () => location.reload());
`;

/**
 * Starts the server. Options: `port` (default PORT env, else 5173; 0 = any free port; a busy port
 * falls back to a free one), `build` (build before serving, default true: into `startDir`, default
 * START_DIR, which is then served; without a build, what `npm run build` wrote to dist/), `root` (the
 * playground's folder, default as just said), `watch` (rebuild on change and live-reload pages, default true), `sandbox` (start
 * the sandbox wallet and the demo backend, default true), `sandboxDir` (default SUPERQI_SANDBOX_DIR,
 * else .superqi-sandbox/), `log` (default console.log). Resolves `{ url, port, sandbox, close() }`.
 */
export async function startServer({
  port = process.env.PORT !== undefined ? Number(process.env.PORT) : 5173,
  build = true,
  startDir = START_DIR,
  root = build ? join(startDir, 'playground') : OUT_DIR,
  watch: watching = true,
  sandbox: withSandbox = true,
  sandboxDir = process.env.SUPERQI_SANDBOX_DIR || SANDBOX_DIR,
  log = console.log,
} = {}) {
  const devtoolsDir = build ? join(startDir, 'devtools') : DEVTOOLS_OUT_DIR;
  let url = '';
  // The build and the sandbox start side by side (both take seconds).
  const [, sandbox] = await Promise.all([
    build &&
      // Types only stripped, for a quick start: `npm run build` and `npm test` check them.
      buildPlayground({ typecheck: false, outDir: root, devtoolsDir }).then(({ ms }) => log(`playground built in ${ms} ms`)),
    withSandbox ? startPlaygroundSandbox({ dir: sandboxDir, publicUrl: () => url, log }) : undefined,
  ]);
  const clients = new Set();
  const csp = cspFor(sandbox?.url);
  const demoCsp = cspFor(sandbox?.url, "'self'");
  // The devtools' own handler (src/devtools/server.ts) and Host allow-list, as superqi-devtools runs them.
  const [{ handleDevtools }, { refusedHost }] = await Promise.all([importSource('devtools/server.ts'), importSource('node/hosts.ts')]);
  const devtoolsSite = { app: '', sandbox: sandbox?.url, root: devtoolsDir };

  const server = createServer(async (req, res) => {
    try {
      // Loopback names and IP addresses only: a page of another site rebinding its name to 127.0.0.1
      // must not drive the demo backend or read the sandbox through the devtools.
      const host = refusedHost(req, []);
      if (host !== null) {
        req.resume();
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(`The playground answers localhost and IP addresses only, not ${JSON.stringify(host)} (DNS rebinding): open ${url}`);
        return;
      }
      if (handleEcho(req, res)) return;
      if (sandbox && (await sandbox.backend.handle(req, res))) return;
      const requested = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rawPath = requested.pathname;
      const path = decodeURIComponent(rawPath);
      if (rawPath.startsWith(DEVTOOLS_PATH)) {
        // the path as sent: the devtools forward the admin API on it exactly, and decode file paths themselves
        handleDevtools({ ...devtoolsSite, app: url + DEMO_PATH.slice(1) }, req, res, rawPath.slice(DEVTOOLS_PATH.length - 1), requested.searchParams);
        return;
      }
      if (path === '/devtools') {
        res.writeHead(301, { location: DEVTOOLS_PATH }).end();
        return;
      }
      if (path === SANDBOX_CONFIG_PATH && sandbox) {
        res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' }).end(JSON.stringify({ url: sandbox.url, clientId: sandbox.clientId }));
        return;
      }
      if (watching && path === EVENTS_PATH) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (watching && path === LIVE_RELOAD_PATH) {
        res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' }).end(LIVE_RELOAD_JS);
        return;
      }
      let file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      if (extname(file) === '.html') {
        headers['content-security-policy'] = path === DEMO_PATH ? demoCsp : csp;
        if (watching) {
          // The live-reload client is an external script too (the CSP allows no inline code).
          readFile(file, 'utf8').then(
            (html) => res.writeHead(200, headers).end(html.replace('</head>', `  <script src="${LIVE_RELOAD_PATH}" defer></script>\n</head>`)),
            (e) => res.writeHead(500).end(String(e.message)),
          );
          return;
        }
      }
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e?.message ?? e));
    }
  });

  const listen = (p) =>
    new Promise((resolve, reject) => {
      const onError = (e) => {
        server.off('listening', onListening);
        reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, '127.0.0.1');
    });
  try {
    await listen(port);
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
    log(`port ${port} is busy: using a free one`);
    await listen(0);
  }
  const actual = server.address().port;
  url = `http://127.0.0.1:${actual}/`;

  const watchers = [];
  if (watching) {
    let timer;
    let running = false;
    let again = false;
    const rebuild = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const { ms } = await buildPlayground({ typecheck: false, outDir: root, devtoolsDir });
        log(`rebuilt in ${ms} ms`);
        for (const c of clients) c.write('event: rebuilt\ndata: {}\n\n');
      } catch (e) {
        log(`rebuild failed: ${e?.message ?? e}`);
      } finally {
        running = false;
        if (again) {
          again = false;
          void rebuild();
        }
      }
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(rebuild, 150);
    };
    for (const dir of [join(ROOT, 'src'), PLAYGROUND_DIR]) watchers.push(watch(dir, { recursive: true }, onChange));
  }

  return {
    url,
    port: actual,
    server,
    root,
    devtoolsRoot: devtoolsDir,
    sandbox: sandbox && { url: sandbox.url, clientId: sandbox.clientId, dir: sandbox.dir, notifications: sandbox.backend.notifications },
    close: async () => {
      await new Promise((resolve) => {
        for (const w of watchers) w.close();
        for (const c of clients) c.end();
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
      await sandbox?.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startServer().then(
    ({ url, sandbox }) => {
      console.log(
        `\n  superqi-bridge devtools:   ${url}devtools/  (Qi Coffee, the demo miniapp, in a device)\n` +
          `  superqi-bridge playground: ${url}\n  flows:                     ${url}flows.html\n  echo endpoint:             ${url}echo\n` +
          `  sandbox wallet:            ${sandbox.url}/  (state and .env in ${sandbox.dir})\n  demo merchant backend:     ${url}api/\n\n` +
          `  Rebuilds on changes to src/ and playground/ (types are checked by npm run typecheck). Ctrl+C stops.\n`,
      );
    },
    (e) => {
      console.error(e?.message ?? e);
      process.exit(1);
    },
  );
}
