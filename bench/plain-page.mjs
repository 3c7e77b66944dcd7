/**
 * Runs a page in Chromium with no DevTools client attached, as a user's WebView runs it, and returns
 * what the page reports.
 *
 * Why not playwright for per-call figures: a DevTools session (playwright keeps the `Runtime` domain
 * enabled) makes the inspector instrument every `queueMicrotask` — measured here ~3.5 µs a call with
 * it, ~0.8 µs without — and the instrumentation grows with the JavaScript stack, so a wrapper (a few
 * frames deeper than a raw `bridge.call`) looked ~1 µs slower per call than it is in a page nobody
 * inspects.
 *
 * The page and its files are served from 127.0.0.1; Chromium (CHROMIUM_PATH, the same flags as the
 * tests) is started on its URL with a throwaway profile; the page POSTs its JSON result to `/result`,
 * or `{ error }`. Chromium is stopped once the result is in (or after `timeoutMs`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

/**
 * `files`: path → [content type, body] (`/` is the page). Resolves the page's result; rejects with its
 * `error`, on timeout, or when Chromium exits first.
 */
export async function runPlainPage(files, { timeoutMs = 180_000 } = {}) {
  let settle;
  const done = new Promise((resolve, reject) => (settle = { resolve, reject }));
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/result') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.end('ok');
        try {
          const r = JSON.parse(body);
          if (r && r.error) settle.reject(new Error(`bench page: ${r.error}`));
          else settle.resolve(r);
        } catch (e) {
          settle.reject(e);
        }
      });
      return;
    }
    const file = files[req.url];
    if (!file) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', file[0]);
    res.setHeader('cache-control', 'no-store');
    res.end(file[1]);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const profile = mkdtempSync(join(tmpdir(), 'superqi-bench-chromium-'));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const chromium = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, url], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  chromium.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  chromium.on('exit', (code) => settle.reject(new Error(`Chromium exited (${code}) before the page reported:\n${stderr}`)));
  const timer = setTimeout(() => settle.reject(new Error(`the bench page reported nothing in ${timeoutMs} ms`)), timeoutMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
    chromium.removeAllListeners('exit');
    try {
      process.kill(-chromium.pid, 'SIGKILL'); // its whole process group (renderer, GPU, zygote…)
    } catch {
      // already gone
    }
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
