/**
 * superqi-bridge/vite (Node): a Vite plugin (Vite 6, 7, 8) for a Super Qi miniapp. In `vite dev` it
 * installs the emulator in every page before the app's code runs, serves the devtools (the app in an
 * emulated device beside the panels) on the same dev server, and can start a sandbox wallet with it.
 * `vite build` and `vite preview` are untouched: nothing of the emulator reaches the output.
 *
 * ```ts
 * import { defineConfig } from 'vite';
 * import { superqi } from 'superqi-bridge/vite';
 *
 * export default defineConfig({ plugins: [superqi({ sandbox: 'http://127.0.0.1:7001', language: 'ar' })] });
 * ```
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { devtoolsRoot, distDir } from '../devtools/root.js';
import { serveDevtools, type DevtoolsMount } from './devtools.js';
import { configScript, EMULATOR_PATH, emulatorTags, serveEmulator } from './emulator.js';
import { refused, viteAllowedHosts } from './guard.js';
import { checkOptions, type SuperqiViteOptions } from './options.js';
import { printAlso } from './print.js';
import { leaseSandbox, type SandboxLease } from './sandbox.js';

export type { SuperqiEmulatorOptions, SuperqiViteOptions } from './options.js';

/**
 * The Super Qi plugin: `plugins: [superqi({ sandbox, language, role, presets, emulator, devtools })]`.
 * Bad options throw a TypeError naming the option (`superqi({ language }): …`).
 */
export function superqi(options?: SuperqiViteOptions): Plugin {
  const checked = checkOptions(options);
  const dist = distDir(import.meta.url);
  return {
    name: 'superqi-bridge',
    // `vite dev` only: not builds, not `vite preview`, not the server Vitest makes to run tests.
    apply: (_config, env) => env.command === 'serve' && !env.isPreview && env.mode !== 'test' && env.mode !== 'benchmark',
    async configureServer(server) {
      let lease: SandboxLease | undefined;
      if (typeof checked.sandbox === 'object') {
        lease = await leaseSandbox(dist, resolve(server.config.root, checked.sandbox.dir), checked.sandbox.port);
        // the old server of a restart closes its HTTP server; a server in middleware mode has none: close() below
        server.httpServer?.once('close', () => void lease?.release());
      }
      const sandbox = lease?.url ?? (typeof checked.sandbox === 'string' ? checked.sandbox : undefined);
      const allowed = viteAllowedHosts(server.config.server);
      const scheme = server.config.server.https ? 'https' : 'http';
      // The origin the page used (its Host is vetted first); a request without one is from no browser.
      const origin = (req: IncomingMessage): string => (req.headers.host ? `${scheme}://${req.headers.host}` : (server.resolvedUrls?.local[0] ?? 'http://localhost/').replace(/\/$/, ''));
      const devtools: DevtoolsMount | undefined = checked.devtools
        ? { path: checked.devtools, root: devtoolsRoot(import.meta.url), app: (req) => `${origin(req)}${server.config.base}`, sandbox: () => sandbox }
        : undefined;
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const file = url.pathname.startsWith(EMULATOR_PATH) ? url.pathname.slice(EMULATOR_PATH.length) : undefined;
        const atDevtools = !!devtools && (url.pathname.startsWith(devtools.path) || url.pathname === devtools.path.slice(0, -1));
        if (file === undefined && !atDevtools) return next();
        if (refused(req, res, allowed)) return;
        const answered =
          file !== undefined ? serveEmulator(file, dist, res, () => configScript(checked.install, sandbox, origin(req))) : serveDevtools(devtools!, req, res, url);
        if (!answered) next();
      });
      printAlso(server, (local) => [
        ...(devtools ? [`  ➜  Super Qi devtools: ${new URL(devtools.path, local).href}`] : []),
        ...(lease ? [`  ➜  Super Qi sandbox:  ${lease.url}`] : []),
      ]);
      if (lease) {
        const release = lease.release;
        const close = server.close.bind(server);
        server.close = async () => {
          await close();
          await release();
        };
      }
    },
    // Last, so its tags go first in <head> (before every other plugin's): the emulator is there before any app script.
    transformIndexHtml: { order: 'post', handler: () => emulatorTags() },
  };
}

export default superqi;
