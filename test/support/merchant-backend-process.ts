/**
 * Runs the demo merchant backend (examples/merchant-backend/server.mjs) as its own Node process, pointed at a sandbox's `.env`,
 * and waits for it to print its URL. Tests talk to it over HTTP only, as a page would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../examples/merchant-backend/server.mjs', import.meta.url));

export interface BackendProcess {
  readonly url: string;
  /** Everything it printed (its log: notifications verified or rejected, errors). */
  output(): string;
  /** `fetch`es `path` on the backend: POST with a JSON body, or GET without one. */
  api<T = Record<string, unknown>>(path: string, body?: object): Promise<{ status: number; json: T }>;
  stop(): Promise<void>;
}

export async function startBackendProcess(envPath: string, options: { corsOrigin?: string; refundPollMs?: number } = {}): Promise<BackendProcess> {
  const child: ChildProcess = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ENV_FILE: envPath, PORT: '0', CORS_ORIGIN: options.corsOrigin ?? '*', REFUND_POLL_MS: String(options.refundPollMs ?? 100) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`merchant backend did not start in 15 s:\n${out}`)), 15000);
    const check = () => {
      const m = /merchant backend listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`merchant backend exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    async api<T>(path: string, body?: object) {
      const r = await fetch(url + path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {});
      return { status: r.status, json: (await r.json()) as T };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
