/**
 * The devtools' capture pieces, in happy-dom: the bounded buffer and its revisions, values made into
 * capped text, sources read from stacks, request bodies described, and console/fetch put back as
 * they were when the link stops.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { captureConsole } from '../../src/emulator/devtools-console.js';
import { cap, DevtoolsLog, LOG_MAX, sourceOf, toText } from '../../src/emulator/devtools-log.js';
import { BODY_MAX, bodyText, captureNetwork } from '../../src/emulator/devtools-network.js';
import type { ConsoleEntry, NetworkEntry } from '../../src/emulator/devtools-protocol.js';

const line = (text: string) => ({ kind: 'console' as const, level: 'log' as const, text, source: undefined, at: 0 });

describe('DevtoolsLog', () => {
  it('keeps the last LOG_MAX entries and gives what was added or changed from a revision on', () => {
    const log = new DevtoolsLog();
    for (let i = 0; i < LOG_MAX + 5; i++) log.add(line(`m${i}`));
    const all = log.since(1) as ConsoleEntry[];
    expect(all).toHaveLength(LOG_MAX);
    expect(all[0]!.text).toBe('m5');
    const first = all[0]!;
    log.changed(first);
    expect(log.since(LOG_MAX + 6)).toEqual([first]);
  });

  it('clears one kind up to an id, later entries stay', () => {
    const log = new DevtoolsLog();
    log.add(line('a'));
    log.add(line('b'));
    log.add({ kind: 'network', via: 'fetch', method: 'GET', url: 'http://x/', state: 'pending', at: 0, requestHeaders: [], requestBody: undefined });
    log.clear('console', 1);
    expect(log.since(1).map((e) => (e.kind === 'console' ? e.text : e.url))).toEqual(['b', 'http://x/']);
  });
});

describe('text helpers', () => {
  it('makes values into text: strings as they are, JSON, errors, cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(toText('<b>hi</b>')).toBe('<b>hi</b>');
    expect(toText({ a: [1, null] })).toBe('{"a":[1,null]}');
    expect(toText(undefined)).toBe('undefined');
    expect(toText(NaN)).toBe('NaN');
    expect(toText(Symbol('s'))).toBe('Symbol(s)');
    expect(toText(cyclic)).toBe('[object Object]');
    expect(toText(new TypeError('bad'))).toContain('TypeError: bad');
  });

  it('caps long text, saying how much was cut', () => {
    expect(cap('abcdef', 4)).toBe('abcd… (2 more characters)');
    expect(cap('abc', 4)).toBe('abc');
  });

  it('reads url:line from Chromium and Firefox stacks', () => {
    const chromium = 'Error\n    at console.log (http://127.0.0.1:1/emu.js:1:200)\n    at go (http://127.0.0.1:2/app.html:12:5)\n    at http://127.0.0.1:2/main.js:3:1';
    expect(sourceOf(chromium, 1)).toBe('http://127.0.0.1:2/app.html:12');
    expect(sourceOf(chromium, 2)).toBe('http://127.0.0.1:2/main.js:3');
    expect(sourceOf('go@http://127.0.0.1:2/app.js:7:9\n', 0)).toBe('http://127.0.0.1:2/app.js:7');
    expect(sourceOf(undefined)).toBeUndefined();
  });

  it('describes request bodies: text and forms as sent, binary by size, capped', () => {
    expect(bodyText(undefined)).toBeUndefined();
    expect(bodyText('a=1')).toBe('a=1');
    expect(bodyText(new URLSearchParams({ q: 'x y' }))).toBe('q=x+y');
    expect(bodyText(new Uint8Array(3))).toBe('[binary, 3 bytes]');
    expect(bodyText('x'.repeat(BODY_MAX + 1))).toMatch(/… \(1 more characters\)$/);
  });
});

describe('capture and restore', () => {
  const saved = { log: console.log, fetch: globalThis.fetch };
  afterEach(() => {
    console.log = saved.log;
    globalThis.fetch = saved.fetch;
  });

  it('records console messages while installed and puts the console back', () => {
    const log = new DevtoolsLog();
    const restore = captureConsole(log);
    expect(console.log).not.toBe(saved.log);
    console.log('hello', 1, { a: true });
    restore();
    expect(console.log).toBe(saved.log);
    console.log('not recorded');
    expect((log.since(1) as ConsoleEntry[]).map((e) => [e.level, e.text])).toEqual([['log', 'hello 1 {"a":true}']]);
  });

  it('records fetch (claimed by a JSAPI when the emulator made it) and puts fetch back', async () => {
    const log = new DevtoolsLog();
    globalThis.fetch = (async () => new Response('{"ok":1}', { status: 202, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const original = globalThis.fetch;
    const restore = captureNetwork(log, (url) => (url.endsWith('/by-jsapi') ? 'request' : undefined));
    await (await fetch('http://127.0.0.1:9/mine', { method: 'post', body: 'b' })).text();
    await fetch('http://127.0.0.1:9/by-jsapi');
    await expect.poll(() => (log.since(1) as NetworkEntry[]).every((e) => e.state === 'done')).toBe(true);
    const [mine, jsapi] = log.since(1) as NetworkEntry[];
    expect(mine).toMatchObject({ via: 'fetch', method: 'POST', url: 'http://127.0.0.1:9/mine', status: 202, requestBody: 'b', responseBody: '{"ok":1}', size: 8 });
    expect(jsapi).toMatchObject({ via: 'request', method: 'GET' });
    restore();
    expect(globalThis.fetch).toBe(original);
  });

  it('records a failed fetch as failed, the error reaching the app unchanged', async () => {
    const log = new DevtoolsLog();
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const restore = captureNetwork(log, () => undefined);
    await expect(fetch('http://127.0.0.1:1/')).rejects.toThrow('Failed to fetch');
    await expect.poll(() => (log.since(1)[0] as NetworkEntry).state).toBe('failed');
    expect((log.since(1)[0] as NetworkEntry).error).toBe('Failed to fetch');
    restore();
  });
});
