/**
 * The sandbox wallet the plugin starts (`sandbox: { port, dir }`): the package's own `startSandbox`
 * (dist/sandbox.mjs, loaded only then: it needs libsql), one per folder in this process. Vite makes a
 * restarted server (a config change) before it closes the old one: the two share the running wallet,
 * which closes when the last server using it does.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Sandbox } from '../sandbox/index.js';

interface Shared {
  readonly sandbox: Promise<Sandbox>;
  users: number;
}

const running = new Map<string, Shared>();

/** A started sandbox for one dev server: its URL and how to let go of it (once). */
export interface SandboxLease {
  /** The wallet's URL. */
  readonly url: string;
  /** Closes the wallet unless another server still uses it; a second call does nothing. */
  release(): Promise<void>;
}

/** Starts (or shares) the sandbox kept in `dir` on `port`; `dist` is the package's dist/ folder. */
export async function leaseSandbox(dist: string, dir: string, port: number): Promise<SandboxLease> {
  const key = resolve(dir);
  let shared = running.get(key);
  if (!shared) {
    const module = (await import(pathToFileURL(join(dist, 'sandbox.mjs')).href)) as typeof import('../sandbox/index.js');
    shared = { sandbox: module.startSandbox({ dir: key, port }), users: 0 };
    running.set(key, shared);
    shared.sandbox.catch(() => running.delete(key));
  }
  shared.users++;
  const entry = shared;
  const { url } = await entry.sandbox;
  let released = false;
  return {
    url,
    async release() {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      running.delete(key);
      await (await entry.sandbox).close();
    },
  };
}
