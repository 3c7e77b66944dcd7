// @vitest-environment node
/**
 * Built scripts do not depend on the page's encoding (issue 19, item 12). A page served as `text/html`
 * with no charset reads a classic script served as `text/javascript` with no charset in windows-1252:
 * UTF-8 Arabic in it turns into mojibake. Every script a page can load from dist/ is ASCII only —
 * the script tags, the ESM/CJS library a user's bundler may copy as it is into a classic script, the
 * playground, the demo and the devtools page (scripts/ascii-only.mjs) — and in Chromium the emulator's
 * Arabic UI reads right from the script tag and from the ESM build bundled into a classic script
 * without a minifier.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { rollup } from 'rollup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/emulator/ui/strings.js';
import { launchChromium, serve } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** The Node-only builds (the sandbox wallet, the devtools server, their bins, the merchant backend's client): no page loads them. */
const NODE_ONLY = /^(?:chunks\/)?(?:superqi-)?(?:sandbox|devtools|server)[.-]/;

/** Every script under dist/ a page (or a user's bundler, for a page) can load. */
function pageScripts(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return pageScripts(path);
    const rel = relative(DIST, path);
    return /\.(?:js|mjs|cjs)$/.test(e.name) && !NODE_ONLY.test(rel) ? [rel] : [];
  });
}

/** No charset anywhere: the page's headers and markup say none. */
const page = (script: string) => `<!doctype html><html><head><title>no charset</title></head><body>
<script src="${script}"></script>
</body></html>`;

const noCharset = (type: string, body: () => string | Buffer) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': type });
  res.end(body());
};

describe('built scripts are ASCII only', () => {
  it('every script a page can load from dist/ (script tags, library, playground, demo, devtools page)', () => {
    const files = pageScripts();
    for (const expected of ['superqi-bridge.iife.js', 'superqi-emulator.iife.js', 'superqi-emulator-extras.iife.js', 'index.mjs', 'emulator.mjs', 'playground/playground.js', 'playground/demo.js', 'devtools/devtools.js']) {
      expect(files).toContain(expected);
    }
    const offending = files.filter((f) => readFileSync(join(DIST, f)).some((b) => b > 0x7f));
    expect(offending).toEqual([]);
  });
});

describe('a page served without a charset, in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let esmBundle = '';

  beforeAll(async () => {
    // The ESM emulator as a user's bundler makes it a classic script with no minifier (rollup, no terser).
    const dir = mkdtempSync(join(tmpdir(), 'superqi-ascii-'));
    try {
      const entry = join(dir, 'entry.mjs');
      writeFileSync(entry, `import { install } from ${JSON.stringify(join(DIST, 'emulator.mjs'))};\ninstall({ ui: 'dom', appId: 'esm', profile: { language: 'ar' } });\n`);
      const bundle = await rollup({ input: entry, onwarn: () => {} });
      esmBundle = (await bundle.generate({ format: 'iife', inlineDynamicImports: true })).output[0].code;
      await bundle.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    server = await serve({
      '/script-tag.html': noCharset('text/html', () =>
        page('/raw/emulator.js').replace('<script src', `<script>window.SuperQiEmulatorConfig = { ui: 'dom', appId: 'tag', profile: { language: 'ar' } };</script>\n<script src`),
      ),
      '/esm.html': noCharset('text/html', () => page('/raw/esm-emulator.js')),
      '/raw/emulator.js': noCharset('text/javascript', () => readFileSync(join(DIST, 'superqi-emulator.iife.js'))),
      '/raw/esm-emulator.js': noCharset('text/javascript', () => esmBundle),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['/script-tag.html', '/esm.html'])('%s: the emulator frame shows its Arabic label right', async (path) => {
    const p = await browser.newPage();
    await p.goto(`${server.url}${path}`);
    // The page really is read as something other than UTF-8 (else the test proves nothing).
    expect(await p.evaluate(() => document.characterSet)).not.toBe('UTF-8');
    const mark = p.locator('superqi-emulator .status .mark');
    await mark.waitFor({ timeout: 10_000 });
    expect(await mark.textContent()).toBe(stringsFor('ar').emulator);
    await p.close();
  });
});
