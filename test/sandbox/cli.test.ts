// @vitest-environment node
/** The built `superqi-sandbox` bin (dist/, as npm links it): prints the URL once listening, writes .env, saves on SIGTERM. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { tempDir } from './merchant.js';

const BIN = fileURLToPath(new URL('../../dist/superqi-sandbox.mjs', import.meta.url));

it('superqi-sandbox --port 0 --dir <dir>: URL on stdout, a working gateway, state saved on SIGTERM', async () => {
  expect(existsSync(BIN), 'build first (npm run build)').toBe(true);
  expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  const tmp = tempDir();
  const child = spawn(process.execPath, [BIN, '--port', '0', '--dir', tmp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(readFileSync(join(tmp.dir, '.env'), 'utf8')).toContain(`ALIPAY_GATEWAY_URL=${url}\n`);
    const session = await (await fetch(`${url}/wallet-api/session`)).json();
    expect(session.user.role).toBe('customer');
    // a second process on the same directory is refused (the two would overwrite each other's state)
    const second = spawn(process.execPath, [BIN, '--port', '0', '--dir', tmp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    second.stderr.on('data', (c: Buffer) => (err += c.toString()));
    expect(await new Promise<number | null>((r) => second.once('exit', r))).toBe(1);
    expect(err).toContain(`process ${child.pid} already runs a sandbox`);
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // closed cleanly: the wallet is one file (its write-ahead log folded back)
    expect(statSync(join(tmp.dir, 'state.db')).size).toBeGreaterThan(0);
    expect(existsSync(join(tmp.dir, 'state.db-wal'))).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    tmp.remove();
  }
}, 30_000);

it('refuses an unknown flag with the usage and exit code 2', async () => {
  const child = spawn(process.execPath, [BIN, '--verbose'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  expect(code).toBe(2);
  expect(err).toMatch(/unknown option --verbose[\s\S]*Usage: superqi-sandbox/);
});
