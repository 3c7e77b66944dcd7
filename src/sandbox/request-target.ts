/**
 * The request target of a request line (RFC 9112 §3.2): origin-form (`/v1/payments/pay`, also the
 * `//v1/...` a gateway URL with a trailing slash gives) or absolute-form (`https://host/v1/payments/pay`,
 * what clients that hand the full URL to their HTTP library send; §3.2.2: a server MUST accept it).
 */
import type { IncomingMessage } from 'node:http';

/** What the gateway routes on, and the host the request is for. */
export interface RequestTarget {
  /** The path and query on a fixed origin (`http://sandbox/…`): routing reads `pathname` and `searchParams` only. */
  url: URL;
  /**
   * The host the request names: the target's authority for absolute-form (§3.2.2: the server then
   * ignores Host), else the Host header; `undefined` when there is neither.
   */
  host: string | undefined;
  /** Whether the target was absolute-form. */
  absolute: boolean;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Reads `req.url` as a request target; a string saying what is wrong when it is neither a path nor an
 * http(s) URL.
 */
export function requestTarget(req: IncomingMessage): RequestTarget | string {
  const raw = req.url ?? '';
  try {
    if (ABSOLUTE.test(raw)) {
      const full = new URL(raw);
      if (full.protocol !== 'http:' && full.protocol !== 'https:') return `The request target ${JSON.stringify(raw.slice(0, 100))} is not an http(s) URL.`;
      return { url: new URL(`http://sandbox${full.pathname}${full.search}`), host: full.host, absolute: true };
    }
    // `new URL('http://h' + path)` keeps `//v1/...` as a path (a relative parse would read `v1` as a host)
    return { url: new URL(`http://sandbox${raw.startsWith('/') ? raw : `/${raw}`}`), host: req.headers.host, absolute: false };
  } catch {
    return 'The request target is not a URL path.';
  }
}
