/** Types of serve-playground.mjs, for the TypeScript tests that import it. */
import type { Server } from 'node:http';
export declare const CSP: string;
export interface ServerOptions {
  /** Default: PORT env, else 5173 (a busy port falls back to a free one); 0 = any free port. */
  port?: number;
  /** Directory served (default dist/playground). */
  root?: string;
  /** Build before serving (default true). */
  build?: boolean;
  /** Rebuild on change and live-reload pages (default true). */
  watch?: boolean;
  log?: (message: string) => void;
}
export declare function startServer(options?: ServerOptions): Promise<{ url: string; port: number; server: Server; close(): Promise<void> }>;
