/**
 * The plugin as users get it (dist/vite.mjs: `npm run build` first) and dev servers of each Vite major
 * (vite 8, and vite 6 and 7 installed as the npm aliases `vite6`, `vite7`) on the fixture app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as PluginModule from '../../src/vite/index.js';

/** The repository's root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The fixture app: an index.html whose first module asks the host for its system info. */
export const FIXTURE = join(ROOT, 'test', 'vite', 'fixtures', 'app');

/** `superqi-bridge/vite` as built (typed by its source). */
export const loadPlugin = (): Promise<typeof PluginModule> => import(/* @vite-ignore */ join(ROOT, 'dist', 'vite.mjs')) as Promise<typeof PluginModule>;

/** The Vite majors the plugin supports, by the package each is installed as. */
export const MAJORS = { 6: 'vite6', 7: 'vite7', 8: 'vite' } as const;
export type Major = keyof typeof MAJORS;

/** What the tests use of a Vite dev server (the same in 6, 7 and 8). */
export interface DevServer {
  listen(): Promise<unknown>;
  close(): Promise<void>;
  printUrls(): void;
  resolvedUrls: { local: string[] } | null;
}

/** What the tests use of each major's module. */
interface ViteModule {
  createServer(config: object): Promise<DevServer>;
  build(config: object): Promise<unknown>;
}

export const loadVite = (major: Major): Promise<ViteModule> => import(/* @vite-ignore */ MAJORS[major]) as Promise<ViteModule>;

/**
 * The fixture's config: `superqi-bridge` is the built library (the fixture lives inside the package,
 * which it cannot install), no config file, quiet; Vite's cache in `cacheDir` (a temp folder).
 */
export const fixtureConfig = (plugins: object | readonly object[], cacheDir: string, more: object = {}): object => ({
  root: FIXTURE,
  configFile: false,
  logLevel: 'silent',
  cacheDir,
  resolve: { alias: { 'superqi-bridge': join(ROOT, 'dist', 'index.mjs') } },
  plugins: [plugins].flat(),
  ...more,
});

/** Runs `fn` with a fresh temp folder, removed after. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A dev server of `major` on 127.0.0.1, any free port, with `plugins`; resolves it and its URL (`http://127.0.0.1:<port>/`). */
export async function startVite(major: Major, plugins: object | readonly object[], server: object = {}): Promise<{ server: DevServer; url: string }> {
  const vite = await loadVite(major);
  const cacheDir = mkdtempSync(join(tmpdir(), 'superqi-vite-cache-'));
  const dev = await vite.createServer(fixtureConfig(plugins, cacheDir, { server: { host: '127.0.0.1', port: 0, strictPort: false, ...server } }));
  const close = dev.close.bind(dev);
  dev.close = () => close().finally(() => rmSync(cacheDir, { recursive: true, force: true }));
  await dev.listen();
  const url = dev.resolvedUrls?.local[0];
  if (!url) throw new Error(`vite ${major}: no local URL`);
  return { server: dev, url };
}
