// @vitest-environment node
/**
 * Who may talk to the sandbox (issue 19, item 1): the Host allow-list on every surface (DNS rebinding),
 * and its flag.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/sandbox/cli.js';
import { SANDBOX_API, startSandbox, WALLET_API } from '../../src/sandbox/index.js';
import { listenedHosts } from '../../src/node/hosts.js';
import { rawRequest } from '../support/raw-http.js';
import { startFixture, type Fixture } from './fixture.js';
import { ALI, tempDir } from './merchant.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let f: Fixture;
let port: string;
beforeAll(async () => {
  f = await startFixture({ allowedHosts: ['laptop.lan', '.example.test'] });
  port = new URL(f.sandbox.url).port;
});
afterAll(() => f.close());

const get = (path: string, headers: Record<string, string>) => rawRequest(f.sandbox.url, { path, headers });
const json = (text: string): Record<string, any> => JSON.parse(text) as Record<string, any>;

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses another name on every surface with 403 naming --allowed-host and allowedHosts, before anything is read', async () => {
    const host = `evil.example:${port}`;
    const pay = await rawRequest(f.sandbox.url, { method: 'POST', path: '/v1/payments/pay', headers: { host, 'content-type': 'application/json' }, body: '{}' });
    for (const r of [await get('/', { host }), await get(SANDBOX_API.state, { host }), await get(WALLET_API.session, { host }), pay]) {
      expect(r.status).toBe(403);
      const body = json(r.text);
      expect(body['message']).toContain('--allowed-host evil.example');
      expect(body['message']).toContain('allowedHosts');
      // nothing of the wallet in it
      expect(r.text).not.toContain(f.sandbox.clientId);
      expect(r.text).not.toContain(ALI);
    }
    // the Open APIs' clients read `result`
    expect(json(pay.text)['result']).toMatchObject({ resultCode: 'HOST_NOT_ALLOWED', resultStatus: 'F' });
    expect(json((await get(SANDBOX_API.state, { host })).text)['error']).toBe('HOST_NOT_ALLOWED');
  });

  it('answers localhost, *.localhost, IP literals and the listed names; refuses look-alikes', async () => {
    const allowed = ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '10.0.0.5', '192.168.1.20', '[fe80::1]', 'laptop.lan', 'example.test', 'a.b.example.test'];
    for (const name of allowed) expect((await get(SANDBOX_API.state, { host: `${name}:${port}` })).status, name).toBe(200);
    expect((await get(SANDBOX_API.state, { host: 'localhost' })).status).toBe(200);
    const refused = ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'laptop.lan.evil.example', 'badexample.test', 'lan', '[::1'];
    for (const name of refused) expect((await get(SANDBOX_API.state, { host: `${name}:${port}` })).status, name).toBe(403);
  });

  it('judges the authority of an absolute-form target too (POST http://evil.example/…)', async () => {
    const r = await rawRequest(f.sandbox.url, { path: `http://evil.example:${port}${SANDBOX_API.state}`, headers: { host: `127.0.0.1:${port}` } });
    expect(r.status).toBe(403);
    expect(r.text).toContain('evil.example');
    const open = await rawRequest(f.sandbox.url, { method: 'POST', path: `http://evil.example:${port}/v1/payments/pay`, headers: { host: `evil.example:${port}`, 'content-type': 'application/json' }, body: '{}' });
    expect(open.status).toBe(403);
  });

  it('allowedHosts: true answers any name; a name given as --host is allowed by itself', async () => {
    const tmp = tempDir();
    const open = await startSandbox({ dir: tmp.dir, allowedHosts: true, writeEnv: false, onWarning: () => {} });
    try {
      expect((await rawRequest(open.url, { path: SANDBOX_API.state, headers: { host: 'evil.example' } })).status).toBe(200);
    } finally {
      await open.close();
      tmp.remove();
    }
    expect(listenedHosts([], 'Laptop.lan')).toEqual(['laptop.lan']);
    expect(listenedHosts(['a.test'], '0.0.0.0')).toEqual(['a.test']);
    expect(listenedHosts(['a.test'], '::')).toEqual(['a.test']);
  });

  it('a bad allowedHosts is a TypeError naming the option, before anything is made', async () => {
    const tmp = tempDir();
    try {
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowedHosts: ['http://laptop.lan'] })).rejects.toThrow(/startSandbox: `allowedHosts`: "http:\/\/laptop.lan" is not a host name/);
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowedHosts: ['laptop.lan:8080'] })).rejects.toThrow(TypeError);
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowedHosts: 'laptop.lan' as never })).rejects.toThrow(/`allowedHosts` must be true or an array/);
    } finally {
      tmp.remove();
    }
  });
});

describe('superqi-sandbox flags', () => {
  it('--allowed-host repeats, and is checked by flag name', () => {
    expect(parseArgs(['--allowed-host', 'laptop.lan', '--allowed-host=.Example.test'])).toEqual({
      port: 0,
      dir: '.superqi-sandbox',
      host: '127.0.0.1',
      allowedHosts: ['laptop.lan', '.example.test'],
    });
    expect(() => parseArgs(['--allowed-host', 'http://laptop.lan'])).toThrow(/--allowed-host: "http:\/\/laptop.lan" is not a host name/);
    expect(() => parseArgs(['--allowed-host'])).toThrow('--allowed-host needs a value');
  });
});
