/**
 * The sandbox as its own Node process: `src/sandbox/bin.ts` bundled with esbuild (the source under
 * test, not dist/), started with `--port 0 --dir <dir>`. For what must not run in the test's process:
 * two starts racing for one directory, or a request that could hang the event loop for good (the
 * test then waits for the answer with vitest's timeout as the backstop, and kills the child).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../src/sandbox/bin.ts', import.meta.url));
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));

let bundled: Promise<string> | undefined;
/** The bundled bin (made once per test file, removed after it). */
function bin(): Promise<string> {
  bundled ??= (async () => {
    // inside the repository, so the bundle finds node_modules (libsql is loaded from there at run time)
    mkdirSync(CACHE, { recursive: true });
    const out = mkdtempSync(join(CACHE, 'superqi-sandbox-bin-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));
    const outfile = join(out, 'superqi-sandbox.mjs');
    await build({ entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
    return outfile;
  })();
  return bundled;
}

/** A sandbox process, started or refused. */
export interface ChildSandbox {
  readonly child: ChildProcess;
  /** Its URL once it printed it; null when it exited first (then `output()` says why). */
  readonly url: string | null;
  /** stdout and stderr so far. */
  output(): string;
  /** SIGKILL (a hung process ignores SIGTERM) and wait for the exit. */
  kill(): Promise<void>;
}

/** Starts `superqi-sandbox --port 0 --dir <dir>` and waits until it prints its URL or exits. */
export async function startChild(dir: string): Promise<ChildSandbox> {
  const child = spawn(process.execPath, [await bin(), '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // 'close': the process is gone and its output read to the end
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const url = await new Promise<string | null>((resolve) => {
    const read = (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => resolve(null));
  });
  return {
    child,
    url,
    output: () => out,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
