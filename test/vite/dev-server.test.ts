// @vitest-environment node
/**
 * The plugin (dist/vite.mjs) in a dev server of each Vite major on the fixture app: the emulator's
 * scripts first in the page, with the options; the devtools under /__superqi/ framing the app at the
 * server's own origin, with the sandbox's admin API forwarded; both behind Vite's Host rules and
 * same-origin only; the URL printed; and a `vite build` of the same app with nothing of the emulator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http.js';
import { fixtureConfig, loadPlugin, loadVite, startVite, withTempDir, type DevServer, type Major } from './vite-servers.js';

/** Strings only the emulator's code and the plugin's tags carry (the library itself has none of them). */
const EMULATOR_MARKERS = ['SuperQiEmulatorConfig', 'EmulatorRefusedError', '__superqi-emulator', 'superqi-emulator.iife'];

/** Every file under `dir`, as text. */
const readAll = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));

/** A stand-in sandbox wallet: answers every request with its method and path. */
async function fakeSandbox(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, method: req.method })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.each([6, 7, 8] as const)('superqi-bridge/vite on Vite %i', (major: Major) => {
  let superqi: Awaited<ReturnType<typeof loadPlugin>>['superqi'];
  let sandbox: Awaited<ReturnType<typeof fakeSandbox>>;
  let server: DevServer;
  let url: string;
  const printed: string[] = [];

  beforeAll(async () => {
    ({ superqi } = await loadPlugin());
    sandbox = await fakeSandbox();
    const plugin = superqi({ sandbox: sandbox.url, language: 'ar', presets: ['slow-network'], emulator: { appId: 'fixture', profile: { appName: '</script><b>x' } } });
    // Another plugin's script at the top of <head>, listed after ours: the emulator still comes first.
    const other = { name: 'other', transformIndexHtml: () => [{ tag: 'script', children: 'window.otherPlugin = 1;', injectTo: 'head-prepend' }] };
    ({ server, url } = await startVite(major, [plugin, other], { allowedHosts: ['laptop.lan'] }));
    // Vite's own banner, through a logger that keeps what it prints.
    const info = (msg: string) => void printed.push(msg);
    (server as unknown as { config: { logger: { info: typeof info } } }).config.logger.info = info;
    server.printUrls();
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((r) => sandbox?.server.close(r));
  });

  it("puts the emulator's config and script first in the page, before the app's scripts", async () => {
    const html = await (await fetch(url)).text();
    const at = (s: string) => {
      expect(html).toContain(s);
      return html.indexOf(s);
    };
    const config = at('<script src="/__superqi-emulator/config.js"></script>');
    const emulator = at('<script src="/__superqi-emulator/superqi-emulator.iife.js"></script>');
    expect(config).toBeLessThan(emulator);
    expect(emulator).toBeLessThan(at('/@vite/client'));
    expect(emulator).toBeLessThan(at('window.otherPlugin'));
    expect(emulator).toBeLessThan(at('window.bridgeAtFirstScript'));
    expect(emulator).toBeLessThan(at('/src/main.js'));
  });

  it('gives the emulator the options, the sandbox and nothing that can close a script', async () => {
    const r = await fetch(new URL('/__superqi-emulator/config.js', url));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('javascript');
    const text = await r.text();
    expect(text).not.toContain('</script>');
    const [, json] = /^window\.SuperQiEmulatorConfig = (.*);\n$/s.exec(text) ?? [];
    expect(JSON.parse(json!)).toEqual({ appId: 'fixture', profile: { appName: '</script><b>x', language: 'ar' }, presets: ['slow-network'], sandbox: sandbox.url });
    // Reached by an allowed name that is not loopback: the devtools there (its own origin) may steer the emulator.
    const lan = await rawRequest(url, { path: '/__superqi-emulator/config.js', headers: { host: `laptop.lan:${new URL(url).port}` } });
    expect(lan.status).toBe(200);
    expect(lan.text).toContain(`"devtools":["http://laptop.lan:${new URL(url).port}"]`);
  });

  it("serves the package's script-tag emulator and its extras, and nothing else under its path", async () => {
    const script = await fetch(new URL('/__superqi-emulator/superqi-emulator.iife.js', url));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const text = await script.text();
    for (const marker of ['SuperQiEmulatorConfig', 'EmulatorRefusedError']) expect(text).toContain(marker);
    expect((await fetch(new URL('/__superqi-emulator/superqi-emulator-extras.iife.js', url))).status).toBe(200);
    // Other paths fall through to Vite (its SPA fallback answers the app's page): no other file of the package.
    expect(await (await fetch(new URL('/__superqi-emulator/..%2Fpackage.json', url))).text()).not.toContain('"name": "superqi-bridge"');
    expect((await fetch(new URL('/__superqi-emulator/superqi-bridge.iife.js', url))).headers.get('content-type')).not.toContain('javascript');
  });

  it('serves the devtools under /__superqi/, framing the app at its own origin, with the sandbox forwarded', async () => {
    const page = await fetch(new URL('/__superqi/', url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('devtools.js');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-src ${new URL(url).origin};`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await (await fetch(new URL('/__superqi/config.json', url))).json()).toEqual({ app: url, sandbox: sandbox.url });
    expect((await fetch(new URL('/__superqi/devtools.js', url))).headers.get('content-type')).toContain('javascript');
    expect(await (await fetch(new URL('/__superqi/sandbox-api/state?limit=5&x=1', url))).json()).toEqual({ path: '/sandbox-api/state?limit=5', method: 'GET' });
    const bare = await fetch(new URL('/__superqi', url), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/__superqi/');
    // The app a name reaches it by: the devtools frame the app there.
    const lan = await rawRequest(url, { path: '/__superqi/config.json', headers: { host: `laptop.lan:${new URL(url).port}` } });
    expect(JSON.parse(lan.text)).toEqual({ app: `http://laptop.lan:${new URL(url).port}/`, sandbox: sandbox.url });
  });

  it('answers only the Hosts Vite answers, and only pages of this dev server', async () => {
    for (const path of ['/__superqi/config.json', '/__superqi/sandbox-api/state', '/__superqi-emulator/config.js', '/__superqi-emulator/superqi-emulator.iife.js']) {
      const evil = await rawRequest(url, { path, headers: { host: 'evil.example' } });
      expect(evil.status, path).toBe(403);
      expect(evil.text).toContain('server.allowedHosts');
      expect((await rawRequest(url, { path, headers: { host: `localhost:${new URL(url).port}`, 'sec-fetch-site': 'cross-site' } })).status, path).toBe(403);
      expect((await rawRequest(url, { path, headers: { host: `127.0.0.1:${new URL(url).port}`, origin: 'http://evil.example' } })).status, path).toBe(403);
      expect((await rawRequest(url, { path, headers: { host: `127.0.0.1:${new URL(url).port}`, 'sec-fetch-site': 'same-origin' } })).status, path).toBe(200);
    }
  });

  it("prints the devtools' URL after Vite's own", () => {
    const line = printed.findIndex((l) => l.includes('Super Qi devtools:'));
    expect(line).toBeGreaterThan(0);
    expect(printed[line]).toContain(`➜  Super Qi devtools: ${url}__superqi/`);
  });

  it('serves no devtools with devtools: false, and under the path given', async () => {
    const none = await startVite(major, superqi({ devtools: false }));
    const elsewhere = await startVite(major, superqi({ devtools: '/tools' }));
    try {
      // Vite's SPA fallback answers the app's own page there.
      expect(await (await fetch(new URL('/__superqi/', none.url))).text()).not.toContain('devtools.js');
      expect((await fetch(new URL('/__superqi/config.json', none.url))).headers.get('content-type')).not.toContain('json');
      expect((await fetch(new URL('/__superqi-emulator/config.js', none.url))).status).toBe(200);
      expect(await (await fetch(new URL('/tools/config.json', elsewhere.url))).json()).toEqual({ app: elsewhere.url });
    } finally {
      await none.server.close();
      await elsewhere.server.close();
    }
  });

  it('builds the app with nothing of the emulator in the output', async () => {
    const files = await withTempDir(`superqi-vite${major}-build-`, async (dir) => {
      const vite = await loadVite(major);
      const outDir = join(dir, 'dist');
      await vite.build(fixtureConfig(superqi({ language: 'ar', sandbox: sandbox.url }), join(dir, 'cache'), { build: { outDir, emptyOutDir: true } }));
      return readAll(outDir).join('\n');
    });
    // The app and the library are there (getSystemInfo's call), so the search below searched something.
    expect(files).toContain('Vite fixture');
    expect(files).toContain('getSystemInfo');
    for (const marker of [...EMULATOR_MARKERS, sandbox.url]) expect(files, marker).not.toContain(marker);
  });
});
