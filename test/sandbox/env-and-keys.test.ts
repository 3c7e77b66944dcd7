// @vitest-environment node
/**
 * The files a backend is pointed at: `<dir>/.env` with every variable of `01-guide/09-Testing-Locally`
 * (JWT_KEY included, made once and kept).
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from './merchant.js';
import { startFixture, type Fixture } from './fixture.js';
import { startSandbox } from '../../src/sandbox/index.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** The variables 09-Testing-Locally's `.env` lists, in its order. */
const GUIDE_VARIABLES = ['ALIPAY_GATEWAY_URL', 'ALIPAY_CLIENT_ID', 'ALIPAY_MERCHANT_PRIVATE_KEY_PATH', 'ALIPAY_PUBLIC_KEY_PATH', 'JWT_KEY'];
const variables = (text: string): Record<string, string> => Object.fromEntries([...text.matchAll(/^([A-Z_][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

describe('.env', () => {
  it("carries every variable of the local-testing guide, JWT_KEY a fresh 32-byte key as the demo backends read it (Buffer.from / []byte)", async () => {
    const env = variables(readFileSync(f.sandbox.envPath, 'utf8'));
    expect(Object.keys(env)).toEqual(GUIDE_VARIABLES);
    const key = Buffer.from(env['JWT_KEY']!);
    expect(key).toHaveLength(32);
    // A256GCM with `dir`: the key is used as it is
    expect(() => createCipheriv('aes-256-gcm', key, randomBytes(12))).not.toThrow();
    expect(env['JWT_KEY']).not.toBe('this_is_a_32_byte_example_key!32');
    // fresh per sandbox directory
    const other = await startFixture();
    try {
      expect(variables(readFileSync(other.sandbox.envPath, 'utf8'))['JWT_KEY']).not.toBe(env['JWT_KEY']);
    } finally {
      await other.close();
    }
  });

  it('keeps JWT_KEY across restarts; another port rewrites only the URL line, the lines the user added stay', async () => {
    const tmp = tempDir();
    try {
      const first = await startSandbox({ dir: tmp.dir, onWarning: () => {} });
      const before = variables(readFileSync(first.envPath, 'utf8'));
      writeFileSync(first.envPath, `${readFileSync(first.envPath, 'utf8')}# mine\nPORT=8080\n`);
      await first.close();
      const again = await startSandbox({ dir: tmp.dir, port: 0, onWarning: () => {} });
      await again.close();
      const text = readFileSync(again.envPath, 'utf8');
      expect(variables(text)).toEqual({ ...before, ALIPAY_GATEWAY_URL: again.url, PORT: '8080' });
      expect(text).toContain('# mine\nPORT=8080\n');
      expect(text.match(/^JWT_KEY=/gm)).toHaveLength(1);
    } finally {
      tmp.remove();
    }
  });

  it("fills an empty JWT_KEY and keeps the user's own", async () => {
    const tmp = tempDir();
    try {
      const s = await startSandbox({ dir: tmp.dir, onWarning: () => {} });
      await s.close();
      writeFileSync(s.envPath, readFileSync(s.envPath, 'utf8').replace(/^JWT_KEY=.*$/m, 'JWT_KEY='));
      await (await startSandbox({ dir: tmp.dir, onWarning: () => {} })).close();
      const filled = variables(readFileSync(s.envPath, 'utf8'))['JWT_KEY']!;
      expect(Buffer.from(filled)).toHaveLength(32);
      writeFileSync(s.envPath, readFileSync(s.envPath, 'utf8').replace(/^JWT_KEY=.*$/m, 'JWT_KEY=my-own-key-of-32-bytes-exactly!!'));
      await (await startSandbox({ dir: tmp.dir, onWarning: () => {} })).close();
      expect(variables(readFileSync(s.envPath, 'utf8'))['JWT_KEY']).toBe('my-own-key-of-32-bytes-exactly!!');
    } finally {
      tmp.remove();
    }
  });
});
