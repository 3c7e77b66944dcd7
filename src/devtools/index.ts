/**
 * superqi-bridge/devtools (Node): serves the devtools page for a miniapp — the app in a device with the
 * host's title bar and status bar, beside panels that steer the emulator the app loads (scenario,
 * storage, saved files, call log, sandbox wallet). The app keeps loading the emulator it already loads
 * (dev only); the emulator finds the devtools around it and answers it over `postMessage` (loopback
 * origins by default: see the emulator's `devtools` install option).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { checkAllowedHosts, hostRefusal, listenedHosts, refusedHost } from '../node/hosts.js';
import { devtoolsRoot } from './root.js';
import { checkUrl, handleDevtools, PLAIN } from './server.js';

/** Options of `startDevtools`. */
export interface DevtoolsOptions {
  /** The miniapp's URL, e.g. a Vite dev server's `http://localhost:5173/`. */
  app: string;
  /** TCP port (0: any free port). @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /**
   * Host names the server answers besides `localhost`, `*.localhost` and IP literals (and `host` when
   * it is a name), e.g. `['laptop.lan']`; a leading dot allows a domain and its subdomains. Any other
   * `Host` gets 403 (DNS rebinding). `true` answers any name: a page of any site could then read the
   * sandbox wallet through the devtools. @default []
   */
  allowedHosts?: true | readonly string[];
  /** The URL of a sandbox wallet the app's emulator is linked to: its panel shows users, payments, notifications. */
  sandbox?: string;
  /** The built page's directory. @default the package's dist/devtools */
  root?: string;
}

/** A running devtools server. */
export interface RunningDevtools {
  /** The devtools page's URL. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Starts the devtools server; resolves its URL once listening. Bad options reject with a TypeError
 * naming the option; a missing build (no dist/devtools) says how to make it.
 */
export async function startDevtools(options: DevtoolsOptions): Promise<RunningDevtools> {
  const app = checkUrl('app', options?.app);
  const sandbox = options.sandbox === undefined ? undefined : checkUrl('sandbox', options.sandbox).replace(/\/$/, '');
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`startDevtools: \`port\` must be 0–65535, got ${String(options.port)}`);
  const host = options.host ?? '127.0.0.1';
  const allowedHosts = listenedHosts(checkAllowedHosts('startDevtools: `allowedHosts`', options.allowedHosts), host);
  // the build may put this module in dist/chunks/ (code it shares with the sandbox): the page is in dist/devtools
  const root = options.root ?? devtoolsRoot(import.meta.url);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`startDevtools: the devtools page is not built in ${root} (npm run build)`);
  const site = { app, sandbox, root };
  const server = createServer((req, res) => {
    const refused = refusedHost(req, allowedHosts);
    if (refused !== null) {
      req.resume();
      res.writeHead(403, PLAIN).end(hostRefusal(refused, 'superqi-devtools', 'startDevtools'));
      return;
    }
    try {
      // the path as sent (percent-encoded): the handler decodes what it serves from disk, never what it forwards
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      handleDevtools(site, req, res, url.pathname, url.searchParams);
    } catch (e) {
      if (!res.headersSent) res.writeHead(400, PLAIN);
      res.end(String((e as Error).message));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${actual}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { devtoolsCsp } from './server.js';
