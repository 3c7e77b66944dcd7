/** Runs the create-superqi-miniapp CLI as a user does (a Node process), in a scratch directory. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const PACKAGE = join(REPO, 'packages/create-superqi-miniapp');
const BIN = join(PACKAGE, 'bin/create-superqi-miniapp.js');

/**
 * A scratch directory under the repository's node_modules/.cache, so a generated project resolves
 * vite, vitest, playwright-core and @types/* from the repository's node_modules (as after npm install).
 */
export function scratch(): string {
  const base = join(REPO, 'node_modules/.cache/create-superqi-miniapp-test');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, 'run-'));
}

/** The CLI's exit code and output. */
export function create(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
