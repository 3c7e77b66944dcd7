/**
 * Real-browser test support: Debian's Chromium driven by playwright-core, and a static file server on
 * 127.0.0.1 for the repository (so pages load `dist/*.iife.js` exactly as a user's page would).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export const CHROMIUM = CHROMIUM_PATH;

/**
 * Launches headless Chromium with the flags this machine needs (no sandbox as root, no background
 * network), plus `extraArgs` (e.g. `--host-resolver-rules=MAP evil.example 127.0.0.1`).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

/** Extra routes: path → handler (for pages built in the test, CSP headers, echo endpoints). */
export type Routes = Record<string, (req: IncomingMessage, res: ServerResponse) => void>;

/** Serves `root` (default: the repository) on 127.0.0.1; resolves the base URL and a close function. */
export async function serve(routes: Routes = {}, root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '')): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const route = routes[path];
    if (route) return route(req, res);
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A route answering fixed HTML (optionally with headers, e.g. a Content-Security-Policy). */
export const html =
  (body: string, headers: Record<string, string> = {}) =>
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
