/**
 * Which pages the package's servers answer: same-origin only for what steers them (the sandbox's admin
 * API, the devtools' pass-through to it), and for the wallet API (CORS) loopback pages plus the
 * origins the user lists. Decided from what a page cannot forge: `Sec-Fetch-Site`, `Origin`, and the
 * `Host` the Host allow-list (hosts.ts) already vetted.
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackOrigin } from '../loopback.js';

/** Origins a server answers through CORS besides loopback pages; a `'*'` entry: any page. */
export type AllowOrigins = readonly string[];

/** Whether `origin` is the page's own server: the host it names is the request's `Host` (any scheme: a tunnel serves https in front of http). */
function ownOrigin(origin: string, host: string | undefined): boolean {
  try {
    const page = new URL(origin);
    return !!host && page.origin === origin && page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * Whether a browser sent the request from another origin (another site, another port, another
 * scheme): `Sec-Fetch-Site` says so, or, from browsers without it, `Origin` names another host than
 * `Host`. No header at all is no cross-origin page (curl, a server).
 */
export function crossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  return origin !== undefined && !ownOrigin(origin, req.headers.host);
}

/**
 * Checks an `allowOrigins` value (`what` names it in the TypeError: "startSandbox: `allowOrigins`",
 * "--allow-origin"): `'*'` or `http(s)://host[:port]` origins, answered as browsers write them (lower
 * case, no default port, no slash); undefined is the empty list.
 */
export function checkAllowOrigins(what: string, value: unknown): AllowOrigins {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`${what} must be an array of page origins, got ${JSON.stringify(value)}`);
  return (value as unknown[]).map((o) => {
    if (o === '*') return o;
    const url = typeof o === 'string' && URL.canParse(o) ? new URL(o) : undefined;
    if (url && /^https?:$/.test(url.protocol) && `${url.origin}/` === url.href) return url.origin;
    throw new TypeError(`${what}: ${JSON.stringify(o)} is not a page origin like "http://192.168.1.20:5173" (or "*" for any page)`);
  });
}

/**
 * Whether the page that sent `req` may use a CORS surface: no `Origin` (not a cross-origin page), its
 * own origin, a loopback page, or one `allow` lists.
 */
export function originAllowed(req: IncomingMessage, allow: AllowOrigins): boolean {
  const origin = req.headers.origin;
  return origin === undefined || ownOrigin(origin, req.headers.host) || isLoopbackOrigin(origin) || allow.includes('*') || allow.includes(origin);
}

/** Why page `origin` is refused, and the flag and option that allow it (`command` names the CLI, `api` the function). */
export function originRefusal(origin: string, command: string, api: string): string {
  // an opaque origin ("null": a sandboxed frame, a file) cannot be listed, only '*' lets it in
  const entry = /^https?:\/\/[^/]+$/i.test(origin) ? origin : '*';
  return (
    `Pages of ${origin} may not use this API: it answers pages on this machine (localhost, 127.0.0.1) and the origins you list. ` +
    `For a phone on your network or a tunnel, allow the page's origin: ${command} --allow-origin ${entry === '*' ? "'*'" : entry} (or ${api}({ allowOrigins: [${JSON.stringify(entry)}] })).`
  );
}
