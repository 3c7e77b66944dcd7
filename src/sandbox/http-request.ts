/**
 * One HTTP(S) request over node:http(s), rather than fetch: fetch refuses "bad ports" (6000,
 * 6665–6669, …) where a merchant's local backend or a sandbox may well listen, and hides the socket
 * error in nested causes. Used by the notifier (webhooks out) and the CLI (a running sandbox's APIs).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What came back: the status and the body as text. */
export interface HttpReply {
  status: number;
  text: string;
}

/** Sends `body` (if any) to `url`; rejects on a socket error, or with code `TIMEOUT` after `timeoutMs`. */
export function sendRequest(method: string, url: URL, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new Error(`${url.protocol} is not http: or https:`));
      return;
    }
    const length: Record<string, string> = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers: { ...headers, ...length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}
