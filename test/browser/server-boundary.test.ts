// @vitest-environment node
/**
 * The sandbox wallet and the devtools against other sites' pages, in real Chromium (issue 19, items
 * 1–3). `evil.example` resolves to 127.0.0.1 (a host-resolver rule), as an attacker's name does after
 * DNS rebinding: its page is then same-origin with a local server by the browser's rules, and only the
 * servers' Host allow-list stands in the way. Pages of other loopback ports try the devtools'
 * pass-through with the requests no preflight guards (a no-cors text/plain fetch, a text/plain form),
 * and a page of another site tries the wallet API through CORS, while the emulator on a loopback page
 * keeps working. Needs `npm run build` (the devtools page, the emulator script).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-playground.mjs';
import { startDevtools, type RunningDevtools } from '../../src/devtools/index.js';
import { SANDBOX_API, startSandbox, WALLET_API, type Sandbox } from '../../src/sandbox/index.js';
import { html, launchChromium, serve } from '../support/browser.js';

const EVIL = 'evil.example';

/** A page that only runs what the test evaluates in it. */
const BLANK = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';

/** A miniapp page on the emulator linked to the sandbox (as the flows tests load it). */
const APP = (sandboxUrl: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>window.SuperQiEmulatorConfig = { ui: 'auto', appId: 'boundary', sandbox: ${JSON.stringify(sandboxUrl)} };</script>
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
<script>
  window.login = () => new Promise((resolve) => my.getAuthCode({ scopes: ['USER_ID'], success: (r) => resolve({ ok: true, ...r }), fail: (e) => resolve({ ok: false, ...e }) }));
  document.documentElement.dataset.ready = 'true';
</script></body></html>`;

/** A page of another origin posting a text/plain form at `action`: the body reads `{"outcome":"decline","x":"="}`. */
const FORM = (action: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
<form id="f" method="post" enctype="text/plain" action="${action}"><input name='{"outcome":"decline","x":"' value='"}'></form>
</body></html>`;

let browser: Browser;
let sandbox: Sandbox;
let devtools: RunningDevtools;
let files: Awaited<ReturnType<typeof serve>>;
let dir: string;

const portOf = (url: string) => new URL(url).port;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'superqi-boundary-'));
  sandbox = await startSandbox({ dir, writeEnv: false, onWarning: () => {} });
  files = await serve({
    '/blank.html': html(BLANK),
    '/app.html': (req, res) => html(APP(sandbox.url))(req, res),
    '/form-force.html': (req, res) => html(FORM(`${devtools.url}sandbox-api/force`))(req, res),
    '/favicon.ico': (_req, res) => void res.writeHead(204).end(),
  });
  devtools = await startDevtools({ app: `${files.url}/app.html`, sandbox: sandbox.url, root: join(ROOT, 'dist', 'devtools') });
  browser = await launchChromium([`--host-resolver-rules=MAP ${EVIL} 127.0.0.1`]);
}, 60000);

afterAll(async () => {
  await browser?.close();
  await devtools?.close();
  await files?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A page of `http://evil.example:<port>/`, the port of a local server, as the attacker's page is once
 * its name is rebound to 127.0.0.1: whatever that server answers for the document, the page's scripts
 * run in that origin, and its own requests go to the server with `Host: evil.example:<port>`.
 */
async function rebound(port: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`http://${EVIL}:${port}/`);
  return page;
}

/** Runs fetch(url, init) in `page`; the status and text, or the error a blocked request throws. */
const fetchIn = (page: Page, url: string, init: RequestInit = {}) =>
  page.evaluate(
    ([u, i]) =>
      fetch(u, i).then(
        async (r) => ({ status: r.status, text: r.type === 'opaque' ? '' : await r.text() }),
        (e: Error) => ({ status: 0, text: `blocked: ${e.message}` }),
      ),
    [url, init] as const,
  );

describe('DNS rebinding: a page of evil.example resolved to 127.0.0.1', () => {
  it('reads nothing of the sandbox (state, session) and forces nothing, by its own (same-origin) requests', async () => {
    const page = await rebound(portOf(sandbox.url));
    const state = await fetchIn(page, SANDBOX_API.state);
    expect(state.status).toBe(403);
    expect(state.text).not.toContain(sandbox.clientId);
    expect(state.text).toContain('--allowed-host evil.example');
    const session = await fetchIn(page, WALLET_API.session);
    expect(session.status).toBe(403);
    expect(session.text).not.toContain('"users"');
    const force = await fetchIn(page, SANDBOX_API.force, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"outcome":"decline"}' });
    expect(force.status).toBe(403);
    expect(sandbox.state().forced).toBeNull();
    await page.close();
  });

  it('reads nothing of the devtools (config, the sandbox through the pass-through)', async () => {
    const page = await rebound(portOf(devtools.url));
    const config = await fetchIn(page, '/config.json');
    expect(config.status).toBe(403);
    expect(config.text).not.toContain(sandbox.url);
    const state = await fetchIn(page, '/sandbox-api/state');
    expect(state.status).toBe(403);
    expect(state.text).not.toContain(sandbox.clientId);
    await page.close();
  });
});

describe("the devtools' pass-through from pages of other loopback origins", () => {
  it('a no-cors text/plain fetch and a text/plain form change neither the forced outcome nor fail-next', async () => {
    for (const origin of [files.url, `http://localhost:${portOf(files.url)}`, `http://${EVIL}:${portOf(files.url)}`]) {
      const page = await browser.newPage();
      await page.goto(`${origin}/blank.html`);
      const post = (path: string, body: unknown) =>
        fetchIn(page, `${devtools.url}${path.slice(1)}`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
      await post(SANDBOX_API.force, { outcome: 'decline' });
      await post(SANDBOX_API.failNext, { api: 'pay', resultCode: 'RISK_REJECT' });
      // a JSON POST needs a preflight the devtools never answer
      const json = await fetchIn(page, `${devtools.url}sandbox-api/force`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"outcome":"expire"}' });
      expect(json.text).toMatch(/^blocked/);
      await page.goto(`${origin}/form-force.html`);
      const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/sandbox-api/force')), page.locator('#f').evaluate((f) => (f as HTMLFormElement).submit())]);
      expect(answer.status(), origin).toBe(403);
      await page.close();
      const s = sandbox.state();
      expect(s.forced, origin).toBeNull();
      expect(s.failNext, origin).toEqual({});
    }
  });

  it('the devtools page itself still reads the wallet through it', async () => {
    const page = await browser.newPage();
    await page.goto(devtools.url);
    const state = await fetchIn(page, 'sandbox-api/state');
    expect(state.status).toBe(200);
    expect(JSON.parse(state.text)).toMatchObject({ clientId: sandbox.clientId });
    await page.close();
  });
});

describe("the wallet API's CORS", () => {
  it('a page of another site reads no user or balance and mints no authCode; it is told how to allow its origin', async () => {
    const origin = `http://${EVIL}:${portOf(files.url)}`;
    const page = await browser.newPage();
    await page.goto(`${origin}/blank.html`);
    const session = await fetchIn(page, `${sandbox.url}${WALLET_API.session}`);
    expect(session.status).toBe(403);
    expect(session.text).not.toContain('"users"');
    expect(JSON.parse(session.text).message).toContain(`--allow-origin ${origin}`);
    const mint = await fetchIn(page, `${sandbox.url}${WALLET_API.authCodes}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: sandbox.state().users[0]!.userId, grantedScopes: ['USER_ID'] }) });
    expect(mint.text).not.toContain('authCode');
    // the emulator on that page: getAuthCode fails, and its message says how to allow the origin
    await page.goto(`${origin}/app.html`);
    await page.waitForSelector('html[data-ready=true]');
    const login = (await page.evaluate(() => (window as unknown as { login(): Promise<Record<string, unknown>> }).login())) as Record<string, unknown>;
    expect(login['ok']).toBe(false);
    expect(login['authCode']).toBeUndefined();
    expect(login['errorMessage']).toContain(`--allow-origin ${origin}`);
    await page.close();
  });

  it('the emulator on loopback pages (127.0.0.1, localhost; another port than the sandbox) still gets authCodes', async () => {
    for (const origin of [files.url, `http://localhost:${portOf(files.url)}`]) {
      const page = await browser.newPage();
      await page.goto(`${origin}/app.html`);
      await page.waitForSelector('html[data-ready=true]');
      const login = (await page.evaluate(() => (window as unknown as { login(): Promise<Record<string, unknown>> }).login())) as Record<string, unknown>;
      expect(login, origin).toMatchObject({ ok: true, authSuccessScopes: ['USER_ID'] });
      expect(typeof login['authCode']).toBe('string');
      await page.close();
    }
  });
});
