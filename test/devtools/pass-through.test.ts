// @vitest-environment node
/**
 * The devtools' pass-through of the sandbox's admin API (issue 19, item 2): the devtools page's origin
 * only, JSON only, only the paths SANDBOX_API names matched on the path as sent, bodies capped at 64 KB
 * with 413 before the end of the upload; of the query, the admin API's own parameters only (issue 21).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDevtools, type RunningDevtools } from '../../src/devtools/index.js';
import { SANDBOX_API } from '../../src/sandbox/protocol.js';
import { answerBeforeEnd, rawRequest } from '../support/raw-http.js';

/** What the fake sandbox received. */
interface Seen {
  method: string;
  url: string;
  type: string | undefined;
  body: string;
}

let root: string;
let sandbox: Server;
let sandboxUrl: string;
let devtools: RunningDevtools;
let own: string;
const seen: Seen[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'superqi-devtools-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>devtools</title>');
  sandbox = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, type: req.headers['content-type'], body: Buffer.concat(chunks).toString() });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => sandbox.listen(0, '127.0.0.1', r));
  sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
  devtools = await startDevtools({ app: 'http://127.0.0.1:1/', sandbox: sandboxUrl, root });
  own = devtools.url.replace(/\/$/, '');
});
afterAll(async () => {
  await devtools.close();
  await new Promise<void>((r) => sandbox.close(() => r()));
  rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  seen.length = 0;
});

const post = (headers: Record<string, string>, body = '{"outcome":"decline"}', path = SANDBOX_API.force) => rawRequest(own, { method: 'POST', path, headers, body });

describe('the admin API pass-through', () => {
  it('forwards the devtools page’s own calls (and tools without Origin), JSON bodies as sent', async () => {
    const same = await post({ origin: own, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json; charset=utf-8' });
    expect(same.status).toBe(200);
    const curl = await post({ 'content-type': 'application/json' }, '{"outcome":null}');
    expect(curl.status).toBe(200);
    const state = await rawRequest(own, { path: `${SANDBOX_API.state}?x=1`, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(state.status).toBe(200);
    expect(seen).toEqual([
      { method: 'POST', url: SANDBOX_API.force, type: 'application/json; charset=utf-8', body: '{"outcome":"decline"}' },
      { method: 'POST', url: SANDBOX_API.force, type: 'application/json', body: '{"outcome":null}' },
      { method: 'GET', url: SANDBOX_API.state, type: undefined, body: '' },
    ]);
  });

  it('refuses other origins (another port, another site), text/plain and form bodies, before forwarding anything', async () => {
    const json = { 'content-type': 'application/json' };
    const refused = [
      [403, { ...json, origin: 'http://127.0.0.1:1' }],
      [403, { ...json, origin: 'http://evil.example' }],
      [403, { ...json, origin: 'null' }],
      [403, { ...json, 'sec-fetch-site': 'same-site' }],
      [403, { ...json, 'sec-fetch-site': 'cross-site', origin: own }],
      [403, { 'content-type': 'text/plain', origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' }],
      [415, { 'content-type': 'text/plain;charset=UTF-8', origin: own }],
      [415, { 'content-type': 'application/x-www-form-urlencoded' }],
      [415, { 'content-type': 'multipart/form-data; boundary=x' }],
      [415, {}],
    ] as const;
    for (const [status, headers] of refused) expect((await post(headers)).status, JSON.stringify(headers)).toBe(status);
    expect((await rawRequest(own, { path: SANDBOX_API.state, headers: { origin: 'http://127.0.0.1:1' } })).status).toBe(403);
    expect(seen).toEqual([]);
  });

  it('forwards only the paths SANDBOX_API names, matched as sent: %2f, .. and encoded letters reach nothing else', async () => {
    for (const path of [
      '/sandbox-api/..%2fwallet-api%2fsession',
      '/sandbox-api/..%2F..%2Fwallet-api/session',
      '/sandbox-api/%2e%2e/wallet-api/session',
      '/sandbox-api/.%2e/v1/payments/pay',
      '/sandbox-api/state%2f..%2f..%2fwallet-api%2fsession',
      '/sandbox-api/%73tate',
      '/sandbox-api/',
      '/sandbox-api/unknown',
      '/sandbox-api/deliveries',
      '/wallet-api/session',
    ]) {
      const r = await rawRequest(own, { path, headers: { 'sec-fetch-site': 'same-origin' } });
      expect(r.status, path).toBe(404);
    }
    expect(seen).toEqual([]);
    // every name SANDBOX_API has is forwarded, to that name
    for (const path of Object.values(SANDBOX_API)) await rawRequest(own, { path, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(seen.map((s) => s.url)).toEqual(Object.values(SANDBOX_API));
  });

  it('forwards the admin API’s query parameters (name, limit, before, q, status) and nothing else of the query', async () => {
    const same = { 'sec-fetch-site': 'same-origin' };
    const list = `${SANDBOX_API.list}?name=payments&limit=20&before=1700000000000%3APAY-1&q=PAY+%26x%3D1&status=SUCCESS&x=1&__proto__=1&url=http%3A%2F%2Fevil.example%2F&name=refunds`;
    expect((await rawRequest(own, { path: list, headers: same })).status).toBe(200);
    expect((await rawRequest(own, { path: `${SANDBOX_API.state}?limit=5&q=2160&status=FAIL&token=secret`, headers: same })).status).toBe(200);
    expect((await rawRequest(own, { path: `${SANDBOX_API.state}?unknown=1&LIMIT=3`, headers: same })).status).toBe(200);
    const urls = seen.map((s) => new URL(s.url, 'http://sandbox'));
    expect(urls.map((u) => u.pathname)).toEqual([SANDBOX_API.list, SANDBOX_API.state, SANDBOX_API.state]);
    // the first of a repeated parameter, each value as the caller meant it
    expect([...urls[0]!.searchParams]).toEqual([['name', 'payments'], ['limit', '20'], ['before', '1700000000000:PAY-1'], ['q', 'PAY &x=1'], ['status', 'SUCCESS']]);
    expect([...urls[1]!.searchParams]).toEqual([['limit', '5'], ['q', '2160'], ['status', 'FAIL']]);
    expect(seen[2]!.url).toBe(SANDBOX_API.state);
  });

  it('answers 413 past 64 KB while the body is still coming (nothing buffered, nothing forwarded)', async () => {
    const headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
    const streamed = await answerBeforeEnd(own, SANDBOX_API.force, 70 * 1024, headers);
    expect(streamed.status).toBe(413);
    expect(streamed.text).toContain('65536 bytes');
    // announced as 1 GB: refused at once, from the header
    const announced = await answerBeforeEnd(own, SANDBOX_API.force, 10, { ...headers, 'content-length': String(1 << 30) });
    expect(announced.status).toBe(413);
    expect(seen).toEqual([]);
    // at the cap: forwarded
    const body = JSON.stringify({ outcome: null, pad: 'x'.repeat(64 * 1024 - 30) });
    expect((await post(headers, body)).status).toBe(200);
    expect(seen[0]!.body).toBe(body);
  });
});
