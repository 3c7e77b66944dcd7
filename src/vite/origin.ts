/** The origin a page reached the dev server by: what the devtools frame, and what the emulator lets steer it. */
import type { IncomingMessage } from 'node:http';
import type { ViteDevServer } from 'vite';

/**
 * The scheme: a tunnel (https in front of Vite's http) says so in X-Forwarded-Proto. Only the
 * sender's own config and devtools depend on it (a page cannot set that header on another's
 * requests), so it is taken as sent, when it is http or https.
 */
function scheme(req: IncomingMessage, https: boolean): 'http' | 'https' {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim().toLowerCase();
  return forwarded === 'https' || forwarded === 'http' ? forwarded : https ? 'https' : 'http';
}

/** `scheme://host[:port]` of the request (its Host vetted before); without a Host (no browser), Vite's local URL's. */
export function pageOrigin(req: IncomingMessage, server: ViteDevServer): string {
  if (req.headers.host) return `${scheme(req, !!server.config.server.https)}://${req.headers.host}`;
  return new URL(server.resolvedUrls?.local[0] ?? 'http://localhost/').origin;
}
