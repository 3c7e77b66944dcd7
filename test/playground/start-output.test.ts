// @vitest-environment node
/**
 * `npm start` serves what it built into its own folder, never dist/: `npm test` and `npm run build`
 * start rollup from an empty dist/, which left a running `npm start` answering 404 for a whole build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-playground.mjs';
import { START_DIR, startServer } from '../../scripts/serve-playground.mjs';

const DIST = join(ROOT, 'dist');
const inside = (dir: string, parent: string): boolean => {
  const rel = relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
};

describe('npm start builds outside dist/', () => {
  let dev: Awaited<ReturnType<typeof startServer>>;
  const startDir = mkdtempSync(join(tmpdir(), 'superqi-start-'));

  beforeAll(async () => {
    dev = await startServer({ port: 0, watch: false, sandbox: false, startDir, log: () => {} });
  }, 120_000);
  afterAll(async () => {
    await dev?.close();
    rmSync(startDir, { recursive: true, force: true });
  });

  it('serves the playground and the devtools page from the folder it built, not from dist/', async () => {
    expect(dev.root).toBe(join(startDir, 'playground'));
    expect(dev.devtoolsRoot).toBe(join(startDir, 'devtools'));
    for (const path of ['', 'demo.html', 'devtools/']) {
      const res = await fetch(dev.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
    const script = await fetch(dev.url + 'playground.js');
    expect(script.status).toBe(200);
  });

  it('defaults to a folder outside dist/ (which the build empties)', () => {
    expect(inside(START_DIR, DIST)).toBe(false);
    expect(inside(START_DIR, ROOT)).toBe(true);
  });
});
