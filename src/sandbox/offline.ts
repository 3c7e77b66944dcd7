/**
 * The wallet of a sandbox directory, whether or not a sandbox runs on it (the CLI's `authcode`, `pay`,
 * `sign`): a sandbox running there is asked over its wallet API (its URL is in `<dir>/.env`); with none
 * running, the directory's state is opened under its lock, changed, saved, and the lock released.
 * Notifications a change queues then go out when a sandbox next starts on the directory.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureCredentials, FILES } from './credentials.js';
import { DEFAULT_LIMITS } from './handlers/context.js';
import { lockDir } from './lock.js';
import { DEFAULT_RETRY_SCHEDULE_MS, Notifier } from './notify.js';
import type { Runtime } from './runtime.js';
import { Store } from './store.js';
import { localWallet, remoteWallet, type Wallet } from './wallet-actions.js';

/** `ALIPAY_GATEWAY_URL` of `<dir>/.env` (what the sandbox last listening there wrote), if any. */
export function gatewayUrlOf(dir: string): string | undefined {
  const path = join(resolve(dir), FILES.env);
  if (!existsSync(path)) return undefined;
  const m = /^\s*ALIPAY_GATEWAY_URL\s*=\s*["']?([^"'\s]+)/m.exec(readFileSync(path, 'utf8'));
  return m?.[1];
}

/** Whether a sandbox's wallet API answers at `url`. */
async function answers(wallet: Wallet): Promise<boolean> {
  try {
    await wallet.session();
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with the wallet of the sandbox directory `dirInput`: over HTTP when a sandbox holds its
 * lock, else in this process under the lock (taken for the call, the state saved before release).
 */
export async function withDirWallet<R>(dirInput: string, fn: (wallet: Wallet) => Promise<R>, warn: (m: string) => void = (m) => console.warn(m)): Promise<R> {
  const dir = resolve(dirInput);
  mkdirSync(dir, { recursive: true });
  let unlock: () => void;
  try {
    unlock = lockDir(dir);
  } catch (held) {
    // a sandbox runs on it: ask it
    const url = gatewayUrlOf(dir);
    const wallet = url ? remoteWallet(url) : undefined;
    if (wallet && (await answers(wallet))) return fn(wallet);
    throw new Error(`${(held as Error).message}; and ${url ? `its .env URL ${url} does not answer` : `${join(dir, FILES.env)} names no ALIPAY_GATEWAY_URL`}`);
  }
  try {
    const credentials = ensureCredentials(dir);
    const store = new Store({ dir, clientId: credentials.clientId, onWarning: warn });
    // no notification goes out from here: the next sandbox started on the directory sends what is due
    const notifier = new Notifier({ store, walletPrivateKey: credentials.walletPrivateKey, clock: Date.now, schedule: DEFAULT_RETRY_SCHEDULE_MS, timeoutMs: 5000 });
    await notifier.close();
    const rt: Runtime = {
      store,
      credentials,
      limits: DEFAULT_LIMITS,
      clock: Date.now,
      notifier,
      url: gatewayUrlOf(dir) ?? '',
      slowMs: 3000,
      maxBodyBytes: 1024 * 1024,
      failNext: new Map(),
      // no server here: nothing is reached by a host name or a page
      allowedHosts: [],
      allowOrigins: [],
      warn,
    };
    try {
      return await fn(localWallet(rt));
    } finally {
      store.close();
    }
  } finally {
    unlock();
  }
}
