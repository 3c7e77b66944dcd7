/**
 * The static copy's in-page echo: the dev server's answer format for /echo, statuses (a null-body
 * status has no body), unknown echo paths, the echo's own files left to the server, /echo/slow that
 * an abort ends, and the fetch wrapper that answers only this origin's echo URLs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { echoResponse, echoServed, serveEchoInPage } from '../../playground/src/static-echo.js';

const BASE = 'http://localhost:3000/app/';
const at = (path: string, init?: RequestInit) => {
  const request = new Request(new URL(path, BASE).href, init);
  return echoResponse(request, new URL(request.url), '/app/echo');
};

describe('echoResponse', () => {
  it('answers a JSON POST as the dev server does', async () => {
    const res = (await at('echo?from=test', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }))!;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ method: 'POST', path: '/app/echo', query: { from: 'test' }, bodyBytes: 7, body: '{"a":1}', json: { a: 1 } });
  });

  it('form bodies become fields; GET has no body', async () => {
    const form = await (await at('echo', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=two' }))!.json();
    expect(form).toMatchObject({ form: { a: '1', b: 'two' } });
    const get = await (await at('echo'))!.json();
    expect(get).toMatchObject({ method: 'GET', bodyBytes: 0 });
    expect(get).not.toHaveProperty('body');
  });

  it('echo/status/<code> answers that status; 204 with no body; an unknown echo path is 404', async () => {
    const notFound = (await at('echo/status/404', { method: 'POST', body: 'x' }))!;
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ method: 'POST', body: 'x' });
    const empty = (await at('echo/status/204'))!;
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    const unknown = (await at('echo/nothing-here'))!;
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no such echo path', path: '/app/echo/nothing-here' });
  });

  it('leaves the echo files (image, PDF) to the server', async () => {
    expect(await at('echo/image.png')).toBeUndefined();
    expect(await at('echo/doc.pdf')).toBeUndefined();
  });

  it('echo/slow waits, and an abort ends the wait', async () => {
    const controller = new AbortController();
    const pending = at('echo/slow?ms=20000', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeDefined();
    // aborted while waiting
    const later = new AbortController();
    const waiting = at('echo/slow?ms=20000', { signal: later.signal });
    setTimeout(() => later.abort(), 20);
    await expect(waiting).rejects.toBeDefined();
    const started = Date.now();
    expect((await at('echo/slow?ms=30'))!.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe('serveEchoInPage / echoServed', () => {
  const pageFetch = window.fetch;
  afterEach(() => {
    window.fetch = pageFetch;
  });

  it('answers this origin’s echo URLs in the page and passes everything else on', async () => {
    const passed = vi.fn(async () => new Response('from the network'));
    window.fetch = passed as unknown as typeof fetch;
    serveEchoInPage(BASE);
    const echoed = await window.fetch(`${BASE}echo`, { method: 'POST', body: 'hello' });
    expect(await echoed.json()).toMatchObject({ method: 'POST', body: 'hello' });
    expect(passed).not.toHaveBeenCalled();
    for (const url of [`${BASE}echo/image.png`, `${BASE}other`, 'http://elsewhere.example/app/echo']) {
      expect(await (await window.fetch(url)).text()).toBe('from the network');
    }
    expect(passed).toHaveBeenCalledTimes(3);
  });

  it('echoServed: only the dev server’s probe answer counts as served', async () => {
    const answer = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }));
    vi.stubGlobal('fetch', answer('{"served":"server"}'));
    expect(await echoServed(BASE)).toBe(true);
    vi.stubGlobal('fetch', answer('{"served":"page"}'));
    expect(await echoServed(BASE)).toBe(false);
    vi.stubGlobal('fetch', answer('not found', 404));
    expect(await echoServed(BASE)).toBe(false);
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    expect(await echoServed(BASE)).toBe(false);
  });
});
