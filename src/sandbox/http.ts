/** Small HTTP helpers: bounded body reading, JSON answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads the body; `null` when it exceeds `max` bytes (the rest is drained, not kept). */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
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
