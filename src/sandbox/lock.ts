/**
 * One sandbox per directory: two gateways saving the same state.json would overwrite each other's
 * changes. A lock file holds the owner's pid; a lock whose process is gone is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const held = new Set<string>();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes `<dir>/sandbox.lock`; throws if a running sandbox (this process or another) holds it. Returns the release. */
export function lockDir(dir: string): () => void {
  const path = join(dir, 'sandbox.lock');
  if (held.has(path)) throw new Error(`superqi-sandbox: a sandbox in this process already uses ${dir}; close it first`);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const owner = Number(readFileSync(path, 'utf8'));
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
      throw new Error(`superqi-sandbox: process ${owner} already runs a sandbox on ${dir} (${path}); stop it or use another --dir`);
    }
    writeFileSync(path, String(process.pid));
  }
  held.add(path);
  return () => {
    held.delete(path);
    rmSync(path, { force: true });
  };
}
