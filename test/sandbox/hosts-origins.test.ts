// @vitest-environment node
/**
 * Who may talk to the sandbox (issue 19, items 1 and 3): the Host allow-list on every surface (DNS
 * rebinding), the wallet API's CORS (loopback pages and listed origins), the admin API's same-origin rule
 * by the `Host` it was reached by, and the flags.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/sandbox/cli.js';
import { SANDBOX_API, startSandbox, WALLET_API } from '../../src/sandbox/index.js';
import { listenedHosts } from '../../src/node/hosts.js';
import { rawRequest } from '../support/raw-http.js';
import { cashierPay, startFixture, type Fixture } from './fixture.js';
import { ALI, tempDir } from './merchant.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const LAN_PAGE = 'http://192.168.1.20:5173';
let f: Fixture;
let port: string;
beforeAll(async () => {
  f = await startFixture({ allowedHosts: ['laptop.lan', '.example.test'], allowOrigins: ['HTTP://192.168.1.20:5173/'] });
  port = new URL(f.sandbox.url).port;
});
afterAll(() => f.close());

const get = (path: string, headers: Record<string, string>) => rawRequest(f.sandbox.url, { path, headers });
const json = (text: string): Record<string, any> => JSON.parse(text) as Record<string, any>;

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses another name on every surface with 403 naming --allowed-host and allowedHosts, before anything is read', async () => {
    const host = `evil.example:${port}`;
    const pay = await rawRequest(f.sandbox.url, { method: 'POST', path: '/v1/payments/pay', headers: { host, 'content-type': 'application/json' }, body: '{}' });
    for (const r of [await get('/', { host }), await get(SANDBOX_API.state, { host }), await get(WALLET_API.session, { host, origin: `http://${host}` }), pay]) {
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
    const open = await startSandbox({ dir: tmp.dir, allowedHosts: true, allowOrigins: ['*'], writeEnv: false, onWarning: () => {} });
    try {
      expect((await rawRequest(open.url, { path: SANDBOX_API.state, headers: { host: 'evil.example' } })).status).toBe(200);
      const page = await rawRequest(open.url, { path: WALLET_API.session, headers: { origin: 'https://evil.example' } });
      expect(page.status).toBe(200);
      expect(page.headers['access-control-allow-origin']).toBe('https://evil.example');
    } finally {
      await open.close();
      tmp.remove();
    }
    expect(listenedHosts([], 'Laptop.lan')).toEqual(['laptop.lan']);
    expect(listenedHosts(['a.test'], '0.0.0.0')).toEqual(['a.test']);
    expect(listenedHosts(['a.test'], '::')).toEqual(['a.test']);
  });

  it('bad allowedHosts and allowOrigins are TypeErrors naming the option, before anything is made', async () => {
    const tmp = tempDir();
    try {
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowedHosts: ['http://laptop.lan'] })).rejects.toThrow(/startSandbox: `allowedHosts`: "http:\/\/laptop.lan" is not a host name/);
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowedHosts: ['laptop.lan:8080'] })).rejects.toThrow(TypeError);
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowedHosts: 'laptop.lan' as never })).rejects.toThrow(/`allowedHosts` must be true or an array/);
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowOrigins: ['http://192.168.1.20:5173/app'] })).rejects.toThrow(/startSandbox: `allowOrigins`: .* is not a page origin/);
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowOrigins: ['192.168.1.20'] })).rejects.toThrow(TypeError);
      await expect(startSandbox({ dir: `${tmp.dir}/a`, allowOrigins: '*' as never })).rejects.toThrow(/`allowOrigins` must be an array/);
    } finally {
      tmp.remove();
    }
  });
});

describe('wallet API CORS (loopback pages and listed origins)', () => {
  it('echoes a loopback page origin, any port, with Vary: Origin — never *', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:9', 'https://app.localhost', 'http://[::1]:3000', 'http://127.5.0.1']) {
      const r = await get(WALLET_API.session, { origin });
      expect(r.status, origin).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe(origin);
      expect(r.headers['vary']).toBe('Origin');
    }
  });

  it('refuses other pages with 403 saying how to allow them (--allow-origin, allowOrigins), showing no data', async () => {
    for (const origin of ['http://evil.example', 'http://localhost.evil.example', 'http://192.168.1.21:5173', 'null']) {
      const r = await get(WALLET_API.session, { origin });
      expect(r.status, origin).toBe(403);
      const body = json(r.text);
      expect(body['error']).toBe('ORIGIN_NOT_ALLOWED');
      expect(body['message']).toContain(`--allow-origin ${origin === 'null' ? "'*'" : origin}`);
      expect(body['message']).toContain('allowOrigins');
      expect(body['users']).toBeUndefined();
      expect(r.text).not.toContain(ALI);
    }
  });

  it('a page elsewhere can neither mint an authCode nor pay: refused before anything is done', async () => {
    const origin = 'https://evil.example';
    const mint = await rawRequest(f.sandbox.url, { method: 'POST', path: WALLET_API.authCodes, headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ userId: ALI, grantedScopes: ['USER_ID'] }) });
    expect(mint.status).toBe(403);
    expect(json(mint.text)['authCode']).toBeUndefined();
    const before = f.sandbox.state().users.find((u) => u.userId === ALI)!.balance;
    const { paymentId } = await cashierPay(f, 1000, { pay: false });
    const pay = await rawRequest(f.sandbox.url, { method: 'POST', path: WALLET_API.decidePayment, headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ paymentId, userId: ALI, decision: 'pay' }) });
    expect(pay.status).toBe(403);
    expect(f.sandbox.state().payments.find((p) => p.paymentId === paymentId)!.status).toBe('PROCESSING');
    expect(f.sandbox.state().users.find((u) => u.userId === ALI)!.balance).toBe(before);
  });

  it('answers listed origins (as browsers write them), its own origin by any allowed name, and requests without Origin', async () => {
    const listed = await get(WALLET_API.session, { origin: LAN_PAGE });
    expect(listed.status).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBe(LAN_PAGE);
    const own = await get(WALLET_API.session, { host: `laptop.lan:${port}`, origin: `http://laptop.lan:${port}` });
    expect(own.status).toBe(200);
    const curl = await get(WALLET_API.session, {});
    expect(curl.status).toBe(200);
    expect(curl.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('preflights: allowed origins get the methods and headers, others 403 without them', async () => {
    const preflight = (origin: string) =>
      rawRequest(f.sandbox.url, { method: 'OPTIONS', path: WALLET_API.authCodes, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const ok = await preflight('http://localhost:5173');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(ok.headers['access-control-allow-methods']).toContain('POST');
    const no = await preflight('https://evil.example');
    expect(no.status).toBe(403);
    expect(no.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('admin API: same-origin by Host', () => {
  it('the admin API is same-origin by the Host it was reached by (the page opened as http://laptop.lan:<port>)', async () => {
    const force = (origin: string) =>
      rawRequest(f.sandbox.url, { method: 'POST', path: SANDBOX_API.force, headers: { host: `laptop.lan:${port}`, origin, 'content-type': 'application/json' }, body: '{"outcome":null}' });
    expect((await force(`http://laptop.lan:${port}`)).status).toBe(200);
    expect((await force(`http://127.0.0.1:${port}`)).status).toBe(403);
    expect((await force('http://laptop.lan:1')).status).toBe(403);
  });

});

describe('superqi-sandbox flags', () => {
  it('--allowed-host and --allow-origin repeat, and are checked by flag name', () => {
    expect(parseArgs(['--allowed-host', 'laptop.lan', '--allowed-host=.Example.test', '--allow-origin', 'http://192.168.1.20:5173/', '--allow-origin=*'])).toEqual({
      port: 0,
      dir: '.superqi-sandbox',
      host: '127.0.0.1',
      allowedHosts: ['laptop.lan', '.example.test'],
      allowOrigins: ['http://192.168.1.20:5173', '*'],
    });
    expect(() => parseArgs(['--allowed-host', 'http://laptop.lan'])).toThrow(/--allowed-host: "http:\/\/laptop.lan" is not a host name/);
    expect(() => parseArgs(['--allow-origin', 'laptop.lan'])).toThrow(/--allow-origin: "laptop.lan" is not a page origin/);
    expect(() => parseArgs(['--allowed-host'])).toThrow('--allowed-host needs a value');
  });
});
