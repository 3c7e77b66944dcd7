/**
 * The Host allow-list of the package's servers (the sandbox gateway, the devtools), against DNS
 * rebinding: a page of another site whose name its owner points at 127.0.0.1 is same-origin with the
 * server by the browser's rules, but its requests carry the attacker's name in `Host`. Answered are
 * only `localhost`, `*.localhost`, IP literals (a rebinding attack needs a name) and the names the user
 * lists — the rules of Vite's `server.allowedHosts` (true: any; a leading dot: the domain and its
 * subdomains).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { isLoopbackHostname } from '../loopback.js';

/** Host names a server answers besides loopback names and IP literals; `true`: any (rebinding open). */
export type AllowedHosts = true | readonly string[];

/** A listed host: a name (`laptop.lan`) or, with a leading dot, a domain and its subdomains (`.example.test`). */
const HOST_ENTRY = /^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/**
 * Checks an `allowedHosts` value (`what` names it in the TypeError: "startSandbox: `allowedHosts`",
 * "--allowed-host") and answers it in lower case; undefined is the empty list.
 */
export function checkAllowedHosts(what: string, value: unknown): AllowedHosts {
  if (value === undefined) return [];
  if (value === true) return true;
  if (!Array.isArray(value)) throw new TypeError(`${what} must be true or an array of host names, got ${JSON.stringify(value)}`);
  const bad = (value as unknown[]).find((h) => typeof h !== 'string' || !HOST_ENTRY.test(h.toLowerCase()));
  if (bad !== undefined) {
    throw new TypeError(`${what}: ${JSON.stringify(bad)} is not a host name without scheme or port (laptop.lan; a leading dot allows its subdomains: .example.test)`);
  }
  return (value as string[]).map((h) => h.toLowerCase());
}

/** `allowed` plus the interface a server listens on when it is a name (`--host laptop.lan`: the user means to be reached by it). */
export const listenedHosts = (allowed: AllowedHosts, listen: string): AllowedHosts =>
  allowed === true || isIP(listen) || !HOST_ENTRY.test(listen.toLowerCase()) ? allowed : [...allowed, listen.toLowerCase()];

/** The host name of a `Host` header or an absolute request target's authority (no port, IPv6 in brackets); null when malformed. */
function hostnameOf(authority: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]*)(:\d*)?$/i.exec(authority.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : null;
}

/** Whether host name `name` (no port) is answered under `allowed`. */
function nameAllowed(name: string, allowed: AllowedHosts): boolean {
  if (allowed === true || isLoopbackHostname(name) || isIP(name.replace(/^\[(.*)\]$/, '$1'))) return true;
  return allowed.some((h) => h === name || (h.startsWith('.') && (name === h.slice(1) || name.endsWith(h))));
}

/**
 * The host name a request is refused for, or null when it may be answered: its `Host` header (and the
 * authority of an absolute-form target, `POST http://host/path`) must be a loopback name, an IP
 * literal or listed. No `Host` at all (HTTP/1.0 tools) is no browser, so no rebinding: answered.
 */
export function refusedHost(req: IncomingMessage, allowed: AllowedHosts): string | null {
  const target = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(req.url ?? '')?.[1];
  for (const authority of [req.headers.host, target?.replace(/^.*@/, '')]) {
    if (authority === undefined) continue;
    const name = hostnameOf(authority);
    if (name === null || !nameAllowed(name, allowed)) return name ?? authority;
  }
  return null;
}

/** Why `host` is refused, and the flag and option that allow it (`command` names the CLI, `api` the function). */
export const hostRefusal = (host: string, command: string, api: string): string =>
  `This server does not answer the host ${JSON.stringify(host)} (a page of another site could reach it through DNS rebinding). ` +
  `If you reach it by that name on purpose, allow it: ${command} --allowed-host ${host || '<name>'} (or ${api}({ allowedHosts: [${JSON.stringify(host)}] })).`;
