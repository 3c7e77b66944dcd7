/**
 * HTTP requests as a browser or an attacker could shape them and fetch() cannot: any `Host` header, a
 * path sent exactly as written (`..%2f`, `%2e%2e`, absolute-form `http://host/path`), a body streamed
 * without end.
 */
import { request, type IncomingMessage } from 'node:http';

/** An answer: status, lower-case headers, the body as text. */
export interface RawReply {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

/** What to send; `body` undefined: none. */
export interface RawRequest {
  method?: string;
  /** Sent as written (no normalization). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends one request to the server at `base` (`http://127.0.0.1:<port>`) and reads the answer. */
export function rawRequest(base: string, r: RawRequest): Promise<RawReply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: r.method ?? 'GET', path: r.path, headers: r.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * Starts a POST of `path` that sends `bytes` bytes and never ends (chunked); resolves with the answer
 * the server gives while the body is still coming (then the request is dropped).
 */
export function answerBeforeEnd(base: string, path: string, bytes: number, headers: Record<string, string> = {}): Promise<RawReply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: 'POST', path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      // the server may close once it has answered: the answer already counted
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    req.write(Buffer.alloc(bytes, 0x20));
  });
}
