/**
 * The devtools' HTTP handler: the page (built into dist/devtools/), its `config.json` (the app's URL,
 * the sandbox's), and the sandbox wallet's admin API forwarded under `/sandbox-api/` — the paths
 * SANDBOX_API names, for the devtools page only (the sandbox answers its own origin only: the devtools
 * hold the same line). The page runs under a strict Content-Security-Policy: its own scripts and
 * styles, and frames from the app's origin only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { crossSite } from '../node/origins.js';
import { isJsonType, readBody } from '../sandbox/http.js';
import { SANDBOX_API, SANDBOX_API_MAX_BODY_BYTES, type SandboxListQuery } from '../sandbox/protocol.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
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

const ADMIN_PATHS: readonly string[] = Object.values(SANDBOX_API);
/** The admin API's query parameters (`SandboxListQuery` and the list's `name`): the only ones forwarded. */
const ADMIN_QUERY = ['name', 'limit', 'before', 'q', 'status'] as const satisfies ReadonlyArray<keyof SandboxListQuery | 'name'>;

/** The sandbox URL of admin path `name` with the known parameters of `query`, rebuilt (nothing else is copied). */
function adminUrl(sandbox: string, name: string, query: URLSearchParams): URL {
  const url = new URL(name, sandbox);
  for (const key of ADMIN_QUERY) {
    const value = query.get(key);
    if (value !== null) url.searchParams.set(key, value);
  }
  return url;
}

const refuse = (res: ServerResponse, status: number, error: string, message: string): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify({ error, message }));
};

/**
 * Forwards one admin API call to the sandbox, under the sandbox's own rules: its page's origin only
 * (the devtools page's, here), JSON bodies only (a cross-origin JSON request needs a preflight no one
 * answers), bodies capped as the sandbox caps them. `name` is the admin path, exactly as SANDBOX_API
 * names it, and of the query only the admin API's own parameters are copied (`adminUrl`): nothing else
 * the caller wrote reaches the sandbox's URL.
 */
async function forward(req: IncomingMessage, res: ServerResponse, sandbox: string, name: string, query: URLSearchParams): Promise<void> {
  if (crossSite(req)) {
    req.resume();
    return refuse(res, 403, 'FORBIDDEN', "the sandbox wallet's admin API answers the devtools page only (same origin)");
  }
  const post = req.method === 'POST';
  if (post && !isJsonType(req.headers['content-type'])) {
    req.resume();
    return refuse(res, 415, 'INVALID_REQUEST', 'send the body as application/json');
  }
  const body = post ? await readBody(req, SANDBOX_API_MAX_BODY_BYTES) : (req.resume(), undefined);
  if (body === null) {
    // answered while a huge upload may still be coming: the connection closes after this answer
    res.setHeader('connection', 'close');
    return refuse(res, 413, 'INVALID_REQUEST', `the body is over ${SANDBOX_API_MAX_BODY_BYTES} bytes`);
  }
  try {
    const r = await fetch(adminUrl(sandbox, name, query), {
      method: req.method ?? 'GET',
      ...(body ? { headers: { 'content-type': req.headers['content-type']! }, body: new Uint8Array(body) } : {}),
    });
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' }).end(Buffer.from(await r.arrayBuffer()));
  } catch (e) {
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'UNREACHABLE', message: `the sandbox wallet did not answer: ${(e as Error).message}` }));
  }
}

/**
 * Answers one request of the devtools site. `path` is the URL's path as sent (percent-encoded, dot
 * segments resolved): the admin API is matched on it exactly, files are looked up decoded. `query` is
 * the URL's query: the admin API's parameters in it are forwarded (paging, search, status filter).
 */
export function handleDevtools(site: DevtoolsSite, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams = new URLSearchParams()): void {
  if (path === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ app: site.app, ...(site.sandbox ? { sandbox: site.sandbox } : {}) }));
    return;
  }
  if (site.sandbox && ADMIN_PATHS.includes(path)) {
    // a request that breaks off mid-body ends here, not as an unhandled rejection
    forward(req, res, site.sandbox, path, query).catch(() => res.destroy());
    return;
  }
  let file: string;
  try {
    file = normalize(join(site.root, decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path)));
  } catch {
    file = '';
  }
  if (!file.startsWith(site.root + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, PLAIN).end(`not found: ${path}`);
    return;
  }
  const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (extname(file) === '.html') headers['content-security-policy'] = devtoolsCsp(site.app);
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
