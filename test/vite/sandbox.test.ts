// @vitest-environment node
/**
 * `sandbox: { port, dir }` (Vite 8, dist/vite.mjs): the dev server starts a sandbox wallet in `dir`
 * (relative to Vite's root), gives its URL to the emulator and the devtools, prints it, and closes it
 * with the server; two servers on one folder (Vite's restart makes the new one before closing the
 * old) share one wallet, closed with the last.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, loadPlugin, startVite } from './vite-servers.js';

/** The sandbox URL the emulator's config names. */
async function sandboxOf(url: string): Promise<string> {
  const text = await (await fetch(new URL('/__superqi-emulator/config.js', url))).text();
  const sandbox = (JSON.parse(text.replace(/^window\.SuperQiEmulatorConfig = /, '').replace(/;\n$/, '')) as { sandbox?: string }).sandbox;
  if (!sandbox) throw new Error(`no sandbox in ${text}`);
  return sandbox;
}

/** Whether something answers at `url`. */
const answers = (url: string): Promise<boolean> => fetch(url).then(
  () => true,
  () => false,
);

describe('superqi({ sandbox: { port, dir } })', () => {
  let dir: string;
  let superqi: Awaited<ReturnType<typeof loadPlugin>>['superqi'];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'superqi-vite-sandbox-'));
    ({ superqi } = await loadPlugin());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts a sandbox wallet in dir with the dev server, links the emulator and devtools to it, and closes it with the server', async () => {
    const { server, url } = await startVite(8, superqi({ sandbox: { port: 0, dir: relative(FIXTURE, join(dir, 'one')) } }));
    let sandbox = '';
    try {
      sandbox = await sandboxOf(url);
      expect(sandbox).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(existsSync(join(dir, 'one', '.env'))).toBe(true);
      expect((await (await fetch(new URL('/__superqi/config.json', url))).json()).sandbox).toBe(sandbox);
      // the wallet's state, through the devtools' pass-through
      const state = await fetch(new URL('/__superqi/sandbox-api/state', url));
      expect(state.status).toBe(200);
      expect(await state.json()).toHaveProperty('users');
      const printed: string[] = [];
      (server as unknown as { config: { logger: { info(m: string): void } } }).config.logger.info = (m) => void printed.push(m);
      server.printUrls();
      expect(printed.some((l) => l.includes(`Super Qi sandbox:  ${sandbox}`))).toBe(true);
    } finally {
      await server.close();
    }
    expect(await answers(sandbox)).toBe(false);
  });

  it('shares one wallet between two servers on one folder, closed with the last', async () => {
    const options = { sandbox: { port: 0, dir: join(dir, 'two') } };
    const first = await startVite(8, superqi(options));
    const second = await startVite(8, superqi(options));
    const sandbox = await sandboxOf(first.url);
    expect(await sandboxOf(second.url)).toBe(sandbox);
    await first.server.close();
    expect(await answers(sandbox)).toBe(true);
    await second.server.close();
    expect(await answers(sandbox)).toBe(false);
  });
});
