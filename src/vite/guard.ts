/**
 * Who the plugin's routes answer: the Hosts Vite's own dev server answers (`server.allowedHosts`, by
 * the same rules: src/node/hosts.ts), and pages of this dev server only (a page of another site must
 * not read the devtools' config or drive the sandbox through it). Vite 6 runs a plugin's middlewares
 * before its own Host check, so the plugin checks for itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResolvedServerOptions } from 'vite';
import { refusedHost, type AllowedHosts } from '../node/hosts.js';
import { crossSite } from '../node/origins.js';

const PLAIN = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

/** A config's host name, if it names one (`server.host`, `server.origin`, `server.hmr.host`). */
function nameOf(value: unknown, isUrl = false): string[] {
  if (typeof value !== 'string' || !value) return [];
  if (!isUrl) return [value.toLowerCase()];
  return URL.canParse(value) ? [new URL(value).hostname.toLowerCase()] : [];
}

/**
 * The Host names Vite answers besides loopback names and IP literals, as Vite decides it: `true`
 * (any) when `allowedHosts` is true or the server runs https (rebinding cannot pass TLS).
 */
export function viteAllowedHosts(server: ResolvedServerOptions): AllowedHosts {
  if (server.allowedHosts === true || server.https) return true;
  const hmr = typeof server.hmr === 'object' ? server.hmr.host : undefined;
  return [...(server.allowedHosts ?? []).map((h) => h.toLowerCase()), ...nameOf(server.host), ...nameOf(server.origin, true), ...nameOf(hmr)];
}

/** Answers 403 and true when `req` may not reach the plugin's routes: another Host than Vite's, or a page of another origin. */
export function refused(req: IncomingMessage, res: ServerResponse, allowed: AllowedHosts): boolean {
  const host = refusedHost(req, allowed);
  const message =
    host !== null
      ? `This dev server does not answer the host ${JSON.stringify(host)} (a page of another site could reach it through DNS rebinding). ` +
        `If you reach it by that name on purpose, add it to server.allowedHosts in your Vite config.`
      : crossSite(req)
        ? "superqi-bridge/vite: the emulator and the devtools answer this dev server's own pages only, not a page of another origin."
        : null;
  if (message === null) return false;
  req.resume();
  res.writeHead(403, PLAIN).end(message);
  return true;
}
