/** Small HTTP helpers (the sandbox and the server client's notification handlers): bounded body reading, JSON answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Reads the body; `null` as soon as it is known to exceed `max` bytes (its Content-Length, or what came
 * so far), so the caller answers at once: the rest is dropped as it comes, never kept.
 */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const over = () => {
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over();
      else chunks.push(chunk);
    };
    if (Number(req.headers['content-length']) > max) return over();
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sends a JSON body (always JSON: the Go client decodes every body). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/** Whether a Content-Type header names JSON (`application/json`, any parameters). */
export const isJsonType = (type: string | undefined): boolean => !!type && /^application\/json\s*(;|$)/i.test(type.trim());

/** Parses a JSON object body; null for anything else. */
export function parseObject(raw: Buffer | string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
