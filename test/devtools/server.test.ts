// @vitest-environment node
/** The devtools server and its CLI: options checked, the page served under its CSP, the Host allow-list, the sandbox's admin API forwarded. */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/devtools/cli.js';
import { startDevtools } from '../../src/devtools/index.js';
import { rawRequest } from '../support/raw-http.js';

describe('startDevtools', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'superqi-devtools-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><script src="devtools.js"></script>');
    writeFileSync(join(root, 'devtools.js'), 'void 0;');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('rejects a missing or non-http app URL, a bad port, and a missing build, naming the option', async () => {
    await expect(startDevtools({ app: '', root })).rejects.toThrow(/`app` must be an absolute http\(s\) URL/);
    await expect(startDevtools({ app: 'javascript:alert(1)', root })).rejects.toThrow(/`app`/);
    await expect(startDevtools({ app: 'http://127.0.0.1:1/', sandbox: 'ftp://x', root })).rejects.toThrow(/`sandbox`/);
    await expect(startDevtools({ app: 'http://127.0.0.1:1/', port: 70000, root })).rejects.toThrow(/`port`/);
    await expect(startDevtools({ app: 'http://127.0.0.1:1/', root: join(root, 'missing') })).rejects.toThrow(/not built/);
  });

  it('serves the page with a CSP framing only the app, its config, and nothing outside its root', async () => {
    const d = await startDevtools({ app: 'http://localhost:5173/shop/', root });
    try {
      expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(d.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain('frame-src http://localhost:5173;');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await (await fetch(new URL('config.json', d.url))).json()).toEqual({ app: 'http://localhost:5173/shop/' });
      expect((await fetch(new URL('devtools.js', d.url))).headers.get('content-type')).toContain('javascript');
      expect((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', d.url))).status).toBe(404);
      expect((await fetch(new URL('sandbox-api/state', d.url))).status).toBe(404);
    } finally {
      await d.close();
    }
  });

  it('forwards /sandbox-api/ to the sandbox wallet', async () => {
    const sandbox = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, method: req.method })));
    await new Promise<void>((r) => sandbox.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
    const d = await startDevtools({ app: 'http://127.0.0.1:1/', sandbox: url, root });
    try {
      expect(await (await fetch(new URL('config.json', d.url))).json()).toEqual({ app: 'http://127.0.0.1:1/', sandbox: url });
      expect(await (await fetch(new URL('sandbox-api/state', d.url))).json()).toEqual({ path: '/sandbox-api/state', method: 'GET' });
    } finally {
      await d.close();
      await new Promise<void>((r) => sandbox.close(() => r()));
    }
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'superqi-devtools-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>devtools</title>');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses another name with 403 naming --allowed-host and allowedHosts: no page, no config, no sandbox', async () => {
    let reached = 0;
    const sandbox = createServer((_req, res) => void (reached++, res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
    await new Promise<void>((r) => sandbox.listen(0, '127.0.0.1', r));
    const sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
    const d = await startDevtools({ app: 'http://127.0.0.1:1/', sandbox: sandboxUrl, root, allowedHosts: ['laptop.lan'] });
    const port = new URL(d.url).port;
    try {
      for (const path of ['/', '/config.json', '/sandbox-api/state']) {
        const r = await rawRequest(d.url, { path, headers: { host: `evil.example:${port}` } });
        expect(r.status, path).toBe(403);
        expect(r.headers['content-type']).toMatch(/^text\/plain/);
        expect(r.text).toContain('--allowed-host evil.example');
        expect(r.text).toContain('startDevtools({ allowedHosts: ["evil.example"] })');
        expect(r.text).not.toContain(sandboxUrl);
      }
      expect(reached).toBe(0);
      for (const host of ['localhost', 'app.localhost', '127.0.0.1', '[::1]', '192.168.1.20', 'laptop.lan']) {
        expect((await rawRequest(d.url, { path: '/config.json', headers: { host: `${host}:${port}` } })).status, host).toBe(200);
      }
    } finally {
      await d.close();
      await new Promise<void>((r) => sandbox.close(() => r()));
    }
  });

  it('a bad allowedHosts is a TypeError naming the option', async () => {
    await expect(startDevtools({ app: 'http://127.0.0.1:1/', root, allowedHosts: ['https://laptop.lan'] })).rejects.toThrow(/startDevtools: `allowedHosts`: "https:\/\/laptop.lan" is not a host name/);
  });
});

describe('superqi-devtools flags', () => {
  it('parses --app, --port, --host, --sandbox; --app is required; bad flags are named', () => {
    expect(parseArgs(['--app', 'http://localhost:5173', '--port=8080'])).toEqual({ app: 'http://localhost:5173', port: 8080 });
    expect(parseArgs(['--app=http://a', '--host', '0.0.0.0', '--sandbox', 'http://127.0.0.1:7000'])).toEqual({ app: 'http://a', host: '0.0.0.0', sandbox: 'http://127.0.0.1:7000' });
    expect(parseArgs(['-h'])).toBe('help');
    expect(() => parseArgs([])).toThrow('--app is required');
    expect(() => parseArgs(['--app', 'http://a', '--port', 'x'])).toThrow('--port must be 0–65535');
    expect(() => parseArgs(['--app'])).toThrow('--app needs a value');
    expect(() => parseArgs(['--open'])).toThrow('unknown option --open');
  });

  it('--allowed-host repeats and is checked by flag name', () => {
    expect(parseArgs(['--app', 'http://a', '--allowed-host', 'laptop.lan', '--allowed-host=.example.test'])).toEqual({ app: 'http://a', allowedHosts: ['laptop.lan', '.example.test'] });
    expect(() => parseArgs(['--app', 'http://a', '--allowed-host', 'laptop.lan:4400'])).toThrow(/--allowed-host: "laptop.lan:4400" is not a host name/);
    expect(() => parseArgs(['--app', 'http://a', '--allow-origin', 'http://x'])).toThrow('unknown option --allow-origin');
  });
});
