// @vitest-environment node
/**
 * The script-tag emulator under Trusted Types (issue 19, item 11), in Chromium. With
 * `require-trusted-types-for 'script'` a script's `src` takes only a TrustedScriptURL: the emulator
 * loads superqi-emulator-extras.iife.js (its media and file APIs) through a policy of its own,
 * `superqi-bridge`, which the page allows with `trusted-types superqi-bridge`.
 *
 * - allowed: the media and file APIs answer, with no violation;
 * - not allowed (the page lists other policies): the call fails with 3 and says which policy to allow;
 * - not allowed, but the page has a `default` policy that passes the URL: that one loads it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, launchChromium, serve } from '../support/browser.js';
import { bridgeAnswer, openPage } from '../support/page.js';

const EXTRAS = 'superqi-emulator-extras.iife.js';

const js = (body: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/javascript' });
  res.end(body);
};

const CONFIG = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
window.SuperQiEmulatorConfig = { ui: 'auto', appId: 'trusted-types' };
`;

/** The page's own `default` policy: passes script URLs of its own origin's dist/ folder. */
const DEFAULT_POLICY = `
trustedTypes.createPolicy('default', {
  createScriptURL: (url) => {
    if (new URL(url, location.href).href.startsWith(location.origin + '/dist/')) return url;
    throw new TypeError('not allowed: ' + url);
  },
});`;

const page = (scripts: string[]) => `<!doctype html><html><head><meta charset="utf-8"></head><body>
${scripts.map((s) => `<script src="${s}"></script>`).join('\n')}
<script src="/dist/superqi-emulator.iife.js"></script>
<script src="/dist/superqi-bridge.iife.js"></script>
</body></html>`;

const ALLOWED = "require-trusted-types-for 'script'; trusted-types superqi-bridge";
const OTHERS_ONLY = "require-trusted-types-for 'script'; trusted-types some-other-policy";
const DEFAULT_ONLY = "require-trusted-types-for 'script'; trusted-types default";

describe('the script-tag emulator under Trusted Types', { timeout: 30000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    server = await serve({
      '/config.js': js(CONFIG),
      '/default-policy.js': js(DEFAULT_POLICY),
      '/allowed.html': html(page(['/config.js']), { 'Content-Security-Policy': ALLOWED }),
      '/others.html': html(page(['/config.js']), { 'Content-Security-Policy': OTHERS_ONLY }),
      '/default.html': html(page(['/config.js', '/default-policy.js']), { 'Content-Security-Policy': DEFAULT_ONLY }),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; fetched: () => string[]; errors: string[] }> {
    const { page, errors, requests } = await openPage(browser, `${server.url}${path}`);
    return { page, errors, fetched: () => requests.filter((u) => u.includes(EXTRAS)) };
  }
  const raw = bridgeAnswer;

  it("with `trusted-types superqi-bridge`: the media and file APIs answer, with no violation", async () => {
    const { page: p, fetched, errors } = await open('/allowed.html');
    expect(await p.evaluate('typeof trustedTypes')).toBe('object');
    expect(await raw(p, 'getImageInfo')).toMatchObject({ width: 64, height: 48, type: 'png' });
    expect(await p.evaluate("SuperQi.chooseImage({ count: 1 }).then((r) => r.apFilePaths.length, (e) => e.message)")).toBe(1);
    expect(await raw(p, 'getSavedFileList')).toEqual({ fileList: [] });
    expect(fetched()).toEqual([`${server.url}/dist/${EXTRAS}`]);
    expect(await p.evaluate('window.violations')).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('without it: the call fails with 3 and names the policy to allow; nothing is thrown into the page', async () => {
    const { page: p, fetched, errors } = await open('/others.html');
    const answer = await raw(p, 'getImageInfo');
    expect(answer).toMatchObject({ error: 3 });
    expect(answer['errorMessage']).toContain('the emulator could not load its getImageInfo');
    expect(answer['errorMessage']).toContain('trusted-types superqi-bridge');
    expect(await p.evaluate("SuperQi.chooseImage({ count: 1 }).then(() => 'resolved', (e) => e.name + ' ' + e.code)")).toBe('HostError 3');
    // The policy was refused (and no script URL was set, so nothing was fetched).
    expect(await p.evaluate('window.violations')).toContain('trusted-types');
    expect(fetched()).toEqual([]);
    expect(errors).toEqual([]);
    // The rest of the emulator still answers.
    expect(await raw(p, 'getSystemInfo')).toHaveProperty('platform');
    await p.close();
  });

  it("without it, but with the page's own `default` policy passing the URL: that policy loads the extras", async () => {
    const { page: p, fetched, errors } = await open('/default.html');
    expect(await raw(p, 'getImageInfo')).toMatchObject({ width: 64, height: 48 });
    expect(fetched()).toEqual([`${server.url}/dist/${EXTRAS}`]);
    expect(errors).toEqual([]);
    await p.close();
  });
});
