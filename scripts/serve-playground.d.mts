/** Types of serve-playground.mjs, for the TypeScript tests that import it. */
import type { Server } from 'node:http';
export declare const CSP: string;
/** The CSP with the sandbox wallet's origin added to connect-src; `ancestors` who may frame the page (default 'none'). */
export declare function cspFor(sandboxUrl?: string, ancestors?: string): string;
/** Where the devtools page is served (showing the demo miniapp). */
export declare const DEVTOOLS_PATH: string;
/** The demo miniapp (Qi Coffee), the one page the devtools may frame. */
export declare const DEMO_PATH: string;
export declare const SANDBOX_CONFIG_PATH: string;
/** Where `npm start` builds what it serves (node_modules/.cache/superqi-start). */
export declare const START_DIR: string;
export interface ServerOptions {
  /** Default: PORT env, else 5173 (a busy port falls back to a free one); 0 = any free port. */
  port?: number;
  /** Build before serving (default true), into START_DIR: never dist/, which `npm run build` empties. */
  build?: boolean;
  /** Where a build goes (default START_DIR). */
  startDir?: string;
  /** The playground's folder (default <startDir>/playground with `build`, else dist/playground). */
  root?: string;
  /** Rebuild on change and live-reload pages (default true). */
  watch?: boolean;
  /** Start the sandbox wallet and the demo merchant backend (default true). */
  sandbox?: boolean;
  /** The sandbox's directory (default SUPERQI_SANDBOX_DIR, else .superqi-sandbox/). */
  sandboxDir?: string;
  log?: (message: string) => void;
}
/** A notification the demo backend received. */
export interface ReceivedNotification {
  verified: boolean;
  path: string;
  clientId?: string;
  requestTime?: string;
  body?: Record<string, any>;
  receivedAt: string;
}
export declare function startServer(options?: ServerOptions): Promise<{
  url: string;
  port: number;
  server: Server;
  /** The playground's folder served. */
  root: string;
  /** The devtools page's folder served. */
  devtoolsRoot: string;
  sandbox?: { url: string; clientId: string; dir: string; notifications: ReceivedNotification[] };
  close(): Promise<void>;
}>;
