/**
 * One sandbox per directory: two gateways saving the same state.json would overwrite each other's
 * changes, and two first starts would each make keys. A lock file holds the owner's pid; it appears
 * whole (written to a temp file, then linked into place), so another start never reads half of one.
 * A lock that names no running process — gone, or no pid at all (empty, `0`, `-1`, garbage: a full
 * disk or a kill leaves those) — is stale and taken over.
 */
import { linkSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The pid a lock file names, or null when it names none (unreadable, empty, `0`, `-1`, not a number). */
function ownerOf(path: string): number | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
  const pid = /^\d{1,10}$/.test(text) ? Number(text) : 0;
  return pid > 0 ? pid : null;
}

const exists = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'EEXIST';

/** Links a whole lock file holding this pid at `path`; false if one is there already. */
function create(path: string): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, String(process.pid));
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if (exists(e)) return false;
  } finally {
    rmSync(tmp, { force: true });
  }
  // a file system without hard links (FAT): an exclusive create, whose content follows a moment later
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch (e) {
    if (exists(e)) return false;
    throw e;
  }
}

/** Takes `<dir>/sandbox.lock` (the directory must exist); throws if a running sandbox (this process or another) holds it. Returns the release. */
export function lockDir(dir: string): () => void {
  const path = join(dir, 'sandbox.lock');
  if (held.has(path)) throw new Error(`superqi-sandbox: a sandbox in this process already uses ${dir}; close it first`);
  for (let tries = 0; !create(path); tries++) {
    const owner = ownerOf(path);
    if (owner !== null && owner !== process.pid && alive(owner)) {
      throw new Error(`superqi-sandbox: process ${owner} already runs a sandbox on ${dir} (${path}); stop it or use another --dir`);
    }
    if (tries >= 5) throw new Error(`superqi-sandbox: could not take the stale lock ${path}; delete it if no sandbox runs on ${dir}`);
    // stale: move it aside (atomic), then make sure what was moved is the stale lock and not a fresh
    // one another start linked in meanwhile (that one is put back, and its owner wins)
    const aside = `${path}.${process.pid}.stale`;
    try {
      renameSync(path, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = ownerOf(aside);
    if (moved !== owner && moved !== null && alive(moved)) {
      try {
        linkSync(aside, path);
      } catch {
        /* a third start took it: it is the owner now */
      }
    }
    rmSync(aside, { force: true });
  }
  held.add(path);
  // what a start killed mid-way left (its own temp or stale copy); a live start's are in use
  for (const name of readdirSync(dir)) {
    const pid = /^sandbox\.lock\.(\d+)\.(tmp|stale)$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
  return () => {
    held.delete(path);
    // only our own lock: never one a later start took over
    if (ownerOf(path) === process.pid) rmSync(path, { force: true });
  };
}
