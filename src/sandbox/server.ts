/** The gateway's HTTP server: routes to the wallet API, the admin API, the page, and the Open APIs. Never crashes on a request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { hostRefusal, refusedHost } from '../node/hosts.js';
import { handleAdminApi } from './admin-api.js';
import { sendJson } from './http.js';
import { handleOpenApi } from './open-api.js';
import { PAGE_CSS, PAGE_HEADERS, PAGE_HTML, PAGE_ICON, PAGE_PATHS, pageScript } from './page/index.js';
import { SANDBOX_API_PREFIX, WALLET_API_PREFIX } from './protocol.js';
import { requestTarget } from './request-target.js';
import type { Runtime } from './runtime.js';
import { resultOf } from './table/codes.js';
import { handleWalletApi } from './wallet-api.js';

const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

function servePage(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const files: Record<string, [string, () => string]> = {
    [PAGE_PATHS.html]: ['text/html; charset=utf-8', () => PAGE_HTML],
    // the links pay and prepare answer open the page too (a browser has no app to hand them to)
    '/cashier': ['text/html; charset=utf-8', () => PAGE_HTML],
    '/contract': ['text/html; charset=utf-8', () => PAGE_HTML],
    [PAGE_PATHS.script]: ['text/javascript; charset=utf-8', pageScript],
    [PAGE_PATHS.style]: ['text/css; charset=utf-8', () => PAGE_CSS],
    [PAGE_PATHS.icon]: ['image/svg+xml', () => PAGE_ICON],
  };
  const file = files[path];
  if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  req.resume();
  res.writeHead(200, { 'Content-Type': file[0], ...PAGE_HEADERS });
  res.end(req.method === 'HEAD' ? undefined : file[1]());
  return true;
}

/**
 * Refuses a `Host` no one allowed, on every surface (the Open APIs too), before anything is read: one
 * JSON body each client reads, `error`/`message` (wallet and admin API) and `result` (Open API clients).
 */
function refuseHost(req: IncomingMessage, res: ServerResponse, host: string): void {
  req.resume();
  const message = hostRefusal(host, 'superqi-sandbox', 'startSandbox');
  sendJson(res, 403, { error: 'HOST_NOT_ALLOWED', message, result: resultOf('HOST_NOT_ALLOWED', message) });
}

export function createGatewayServer(rt: Runtime): Server {
  const server = createServer((req, res) => {
    // the Host header and, for an absolute-form target, its authority (hosts.ts judges both)
    const host = refusedHost(req, rt.allowedHosts);
    if (host !== null) return refuseHost(req, res, host);
    // origin-form (`/v1/...`, `//v1/...`) or absolute-form (`https://host/v1/...`, RFC 9112 §3.2.2)
    const target = requestTarget(req);
    if (typeof target === 'string') {
      req.resume();
      sendJson(res, 400, { result: resultOf('PARAM_ILLEGAL', target) });
      return;
    }
    const { url } = target;
    const path = url.pathname;
    const work = under(path, WALLET_API_PREFIX)
      ? handleWalletApi(rt, req, res, url)
      : under(path, SANDBOX_API_PREFIX)
        ? handleAdminApi(rt, req, res, url)
        : servePage(req, res, path)
          ? Promise.resolve()
          : handleOpenApi(rt, req, res, url);
    work.catch((e: unknown) => {
      rt.warn(`superqi-sandbox: ${req.method} ${path}: ${(e as Error).stack ?? e}`);
      if (!res.headersSent) sendJson(res, 500, { result: resultOf('UNKNOWN_EXCEPTION') });
      else res.destroy();
    });
  });
  // keep idle connections longer than clients do (undici 4 s, axios/Go keep-alive pools): a server closing
  // first races a request on the reused socket into ECONNRESET
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
