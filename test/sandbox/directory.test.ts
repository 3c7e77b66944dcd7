// @vitest-environment node
/**
 * The sandbox directory (issue 19, item 6): keys are made under the directory lock, so two first
 * starts on one new directory leave one running sandbox whose keys are the PEM files on disk; a lock
 * file naming no process is stale; temp files a kill left are removed at start. (A failed save is
 * save-failure.test.ts.)
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { startChild } from './child.js';
import { startFixture } from './fixture.js';
import { Merchant, readEnv, tempDir } from './merchant.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 30_000 });

const dirs: Array<{ remove(): void }> = [];
afterAll(() => dirs.forEach((d) => d.remove()));
const newDir = (): string => {
  const t = tempDir();
  dirs.push(t);
  return t.dir;
};

it('two first starts on one new directory, 10 times: one runs with the keys on disk, the other is refused by the lock', async () => {
  for (let round = 0; round < 10; round++) {
    const dir = newDir();
    const both = await Promise.all([startChild(dir), startChild(dir)]);
    try {
      const running = both.filter((c) => c.url !== null);
      const refused = both.filter((c) => c.url === null);
      expect(running, both.map((c) => c.output()).join('\n---\n')).toHaveLength(1);
      expect(refused[0]!.output()).toMatch(new RegExp(`process ${running[0]!.child.pid} already runs a sandbox on`));
      // a backend with only the .env and the PEM files on disk: its signature verifies, and it verifies the answer
      const merchant = new Merchant(readEnv(join(dir, '.env')));
      const r = await merchant.call('/v1/payments/inquiryPayment', { paymentId: 'none' });
      expect([round, r.json.result.resultCode, r.signed]).toEqual([round, 'ORDER_NOT_EXIST', true]);
    } finally {
      await Promise.all(both.map((c) => c.kill()));
    }
  }
});

describe('a lock file that names no process is stale', () => {
  // one directory for these (its keys are made once)
  let dir: string;
  beforeAll(() => {
    dir = newDir();
  });

  it.each([['empty', ''], ['0', '0'], ['-1', '-1'], ['not a number', 'abc'], ['spaces', '   '], ['a pid and garbage', '12x']])('%s: the start takes it over', async (_, content) => {
    writeFileSync(join(dir, 'sandbox.lock'), content);
    const sandbox = await startSandbox({ dir, onWarning: () => {} });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sandbox.close();
    }
    expect(existsSync(join(dir, 'sandbox.lock'))).toBe(false);
  });

  it('a lock naming a live process (the test runner’s parent) is not stale', async () => {
    writeFileSync(join(dir, 'sandbox.lock'), String(process.ppid));
    await expect(startSandbox({ dir, onWarning: () => {} })).rejects.toThrow(`process ${process.ppid} already runs a sandbox on ${dir}`);
  });
});

it('temp files a killed sandbox left are removed at start; other files are kept', async () => {
  const dir = newDir();
  const f = await startFixture({ dir });
  await f.sandbox.close();
  const left = ['state.json.4242.tmp', 'state.json.99999999.tmp', 'client.json.4242.tmp', 'merchant-private-key.pem.17.tmp', '.env.5.tmp', 'sandbox.lock.99999999.tmp', 'sandbox.lock.99999999.stale'];
  const kept = ['notes.tmp', 'state.json.corrupt-2026-01-01T00-00-00-000Z', 'state.json.tmp', 'other.json.12.tmp'];
  for (const name of [...left, ...kept]) writeFileSync(join(dir, name), 'x'.repeat(1000));
  const again = await startFixture({ dir });
  try {
    const names = readdirSync(dir);
    expect(left.filter((n) => names.includes(n))).toEqual([]);
    expect(kept.filter((n) => !names.includes(n))).toEqual([]);
  } finally {
    await again.sandbox.close();
  }
});
