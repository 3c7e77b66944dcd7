/**
 * The emulator's sandbox client hands fetch prototype-less init objects: fetch reads inherited
 * members too, so on a page whose polyfills set Object.prototype.signal (or method, headers…) every
 * wallet call would fail or change. Issue 19, item 8.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createSandboxClient } from '../../src/emulator/sandbox-client.js';

afterEach(() => vi.unstubAllGlobals());

it('GET and POST to the wallet pass fetch init objects (and headers) that inherit nothing', async () => {
  const inits: RequestInit[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    inits.push(init);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const client = createSandboxClient('http://127.0.0.1:1');
  await client.session();
  await client.authCode({ userId: 'u', scopes: ['USER_ID'], clientId: 'c' } as never);
  expect(inits).toHaveLength(2);
  for (const init of inits) expect(Object.getPrototypeOf(init)).toBeNull();
  expect(Object.getPrototypeOf(inits[1]!.headers)).toBeNull();
  expect(inits[1]).toMatchObject({ method: 'POST', body: JSON.stringify({ userId: 'u', scopes: ['USER_ID'], clientId: 'c' }) });
});
