/**
 * A real HTTP server on 127.0.0.1 (port 0) for the emulator's network, file and media tests. Every
 * answer carries permissive CORS headers and OPTIONS preflights get 204: happy-dom's fetch enforces
 * CORS and preflights every cross-origin request (the page is http://localhost:3000).
 * `node:http` is imported dynamically so this file compiles without Node's type definitions.
 */

/** A request as the server received it. */
export interface Received {
  method: string;
  /** Path and query. */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** The body as latin1 (one char a byte). */
  text: string;
}

/** What a route answers. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** ms to wait before answering. */
  delay?: number;
}

export type Route = (req: Received) => Reply;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** Every non-OPTIONS request, in order. */
  readonly received: Received[];
  close(): Promise<void>;
}

interface NodeReq {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', cb: (chunk: Uint8Array) => void): void;
  on(event: 'end', cb: () => void): void;
}
interface NodeRes {
  writeHead(status: number, headers: Record<string, string>): NodeRes;
  end(body?: string | Uint8Array): void;
  destroyed?: boolean;
}
interface NodeServer {
  listen(port: number, host: string, cb: () => void): void;
  address(): { port: number };
  close(cb: () => void): void;
  closeAllConnections?(): void;
}

export const CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': '*',
};

const concat = (chunks: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** Starts a server answering `routes` by path (without query); unknown paths get 404. */
export async function startLoopbackServer(routes: Record<string, Route>): Promise<LoopbackServer> {
  const http = (await import('node:http' as string)) as { createServer(h: (req: NodeReq, res: NodeRes) => void): NodeServer };
  const received: Received[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS }).end();
      return;
    }
    const chunks: Uint8Array[] = [];
    req.on('data', (c) => chunks.push(new Uint8Array(c)));
    req.on('end', () => {
      const body = concat(chunks);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      const r: Received = { method: req.method ?? 'GET', url: req.url ?? '/', headers, body, text: String.fromCharCode(...body.subarray(0, 1 << 20)) };
      received.push(r);
      const route = routes[r.url.split('?')[0]!];
      const reply: Reply = route ? route(r) : { status: 404, body: 'not found' };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { ...CORS, ...reply.headers }).end(reply.body ?? '');
      };
      if (reply.delay) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, reply.delay);
        timers.add(t);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Node's `crypto.createHash(algorithm)` digest of `bytes`, as hex (to check the emulator's own). */
export async function nodeDigest(algorithm: 'md5' | 'sha1', bytes: Uint8Array): Promise<string> {
  const crypto = (await import('node:crypto' as string)) as {
    createHash(a: string): { update(b: Uint8Array): { digest(enc: 'hex'): string } };
  };
  return crypto.createHash(algorithm).update(bytes).digest('hex');
}

/** A port on 127.0.0.1 that nothing listens on (a server is opened, and closed again). */
export async function closedPort(): Promise<number> {
  const s = await startLoopbackServer({});
  const port = Number(s.base.split(':').pop());
  await s.close();
  return port;
}
