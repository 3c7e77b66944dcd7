/**
 * The devtools' HTTP handler: the page (built into dist/devtools/), its `config.json` (the app's URL,
 * the sandbox's), and the sandbox wallet's admin API forwarded under `/sandbox-api/` (it answers its own
 * origin only). The page runs under a strict Content-Security-Policy: its own scripts and styles, and
 * frames from the app's origin only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** What the handler serves. */
export interface DevtoolsSite {
  /** The miniapp's URL (absolute http(s)). */
  readonly app: string;
  /** A sandbox wallet's URL. */
  readonly sandbox?: string | undefined;
  /** The built page's directory. */
  readonly root: string;
}

/** The page's policy: the app may be framed, nothing else. */
export const devtoolsCsp = (app: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data: https: http:",
    `frame-src ${new URL(app).origin}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** Checks an app or sandbox URL: absolute http(s), else a TypeError naming the option. */
export function checkUrl(name: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`startDevtools: \`${name}\` must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  return url.href;
}

/** Headers of a plain-text answer (never sniffed as HTML). */
export const PLAIN = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

/** Forwards `/sandbox-api/*` to the sandbox (GET and POST with a JSON body). */
async function forward(req: IncomingMessage, res: ServerResponse, sandbox: string, path: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const r = await fetch(new URL(path, sandbox), {
      method: req.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' }).end(Buffer.from(await r.arrayBuffer()));
  } catch (e) {
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `the sandbox wallet did not answer: ${(e as Error).message}` }));
  }
}

/** Answers one request of the devtools site. */
export function handleDevtools(site: DevtoolsSite, req: IncomingMessage, res: ServerResponse, path: string): void {
  if (path === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ app: site.app, ...(site.sandbox ? { sandbox: site.sandbox } : {}) }));
    return;
  }
  if (path.startsWith('/sandbox-api/') && site.sandbox) {
    void forward(req, res, site.sandbox, path);
    return;
  }
  const file = normalize(join(site.root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(site.root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, PLAIN).end(`not found: ${path}`);
    return;
  }
  const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (extname(file) === '.html') headers['content-security-policy'] = devtoolsCsp(site.app);
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
