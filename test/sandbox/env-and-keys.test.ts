// @vitest-environment node
/**
 * The files a backend is pointed at: `<dir>/.env` with every variable of `01-guide/09-Testing-Locally`
 * (JWT_KEY included, made once and kept), and the merchant private key as PKCS#8 (what the .env names)
 * and as PKCS#1 (`BEGIN RSA PRIVATE KEY`, for clients that load no PKCS#8), both accepted wherever the
 * project reads a key.
 */
import { createCipheriv, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Merchant, readEnv, tempDir } from './merchant.js';
import { startFixture, type Fixture } from './fixture.js';
import { startBackendProcess } from '../support/merchant-backend-process.js';
import { sign, signContent, startSandbox } from '../../src/sandbox/index.js';

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

describe('merchant key files', () => {
  const publicOf = (path: string) => createPublicKey(createPrivateKey(readFileSync(path))).export({ type: 'spki', format: 'pem' });

  it('writes the merchant key as PKCS#8 (the .env) and as PKCS#1 beside it: the same key, owner-only', () => {
    const env = readEnv(f.sandbox.envPath);
    expect(env.ALIPAY_MERCHANT_PRIVATE_KEY_PATH).toBe(f.sandbox.merchantPrivateKeyPath);
    expect(readFileSync(f.sandbox.merchantPrivateKeyPath, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(f.sandbox.merchantPrivateKeyPkcs1Path).toBe(f.sandbox.merchantPrivateKeyPath.replace(/merchant-private-key\.pem$/, 'merchant-private-key-pkcs1.pem'));
    expect(readFileSync(f.sandbox.merchantPrivateKeyPkcs1Path, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n$/);
    expect(publicOf(f.sandbox.merchantPrivateKeyPkcs1Path)).toBe(publicOf(f.sandbox.merchantPrivateKeyPath));
    expect(statSync(f.sandbox.merchantPrivateKeyPkcs1Path).mode & 0o777).toBe(0o600);
  });

  it('writes the PKCS#1 copy again when it is missing or holds another key than the PKCS#8 file', async () => {
    const tmp = tempDir();
    try {
      const s = await startSandbox({ dir: tmp.dir, onWarning: () => {} });
      await s.close();
      rmSync(s.merchantPrivateKeyPkcs1Path);
      await (await startSandbox({ dir: tmp.dir, onWarning: () => {} })).close();
      expect(publicOf(s.merchantPrivateKeyPkcs1Path)).toBe(publicOf(s.merchantPrivateKeyPath));
      // half a key pair deleted: the sandbox makes a new pair, and the copy follows it
      const old = publicOf(s.merchantPrivateKeyPath);
      rmSync(s.merchantPrivateKeyPath.replace('private', 'public'));
      await (await startSandbox({ dir: tmp.dir, onWarning: () => {} })).close();
      expect(publicOf(s.merchantPrivateKeyPath)).not.toBe(old);
      expect(publicOf(s.merchantPrivateKeyPkcs1Path)).toBe(publicOf(s.merchantPrivateKeyPath));
    } finally {
      tmp.remove();
    }
  });

  it("the project's readers take either: the sandbox's sign(), the tests' merchant client, the demo backend", async () => {
    const pkcs1 = f.sandbox.merchantPrivateKeyPkcs1Path;
    // sign() with a PKCS#1 PEM string
    const path = '/v1/payments/inquiryPayment';
    const raw = JSON.stringify({ paymentId: 'none' });
    const time = new Date().toISOString();
    const signature = sign(signContent('POST', path, f.sandbox.clientId, time, raw), readFileSync(pkcs1, 'utf8'));
    const r = await f.merchant.call(path, null, { raw, time, headers: { Signature: `algorithm=RSA256, keyVersion=1, signature=${signature}` } });
    expect(r.json.result.resultCode).toBe('ORDER_NOT_EXIST');
    // test/sandbox/merchant.ts reading a .env that names the PKCS#1 file
    const viaPkcs1 = new Merchant({ ...readEnv(f.sandbox.envPath), ALIPAY_MERCHANT_PRIVATE_KEY_PATH: pkcs1 });
    expect((await viaPkcs1.call(path, { paymentId: 'none' })).json.result.resultCode).toBe('ORDER_NOT_EXIST');
    // the demo backend (examples/merchant-backend) with ALIPAY_MERCHANT_PRIVATE_KEY_PATH on the PKCS#1 file
    const envPath = `${f.dir}/.env.pkcs1`;
    writeFileSync(envPath, readFileSync(f.sandbox.envPath, 'utf8').replace(/^ALIPAY_MERCHANT_PRIVATE_KEY_PATH=.*$/m, `ALIPAY_MERCHANT_PRIVATE_KEY_PATH=${pkcs1}`));
    const backend = await startBackendProcess(envPath);
    try {
      const prepared = await backend.api<{ success: boolean; authUrl?: string }>('/api/agreement/prepare', { contractDesc: 'Monthly box' });
      expect(prepared).toMatchObject({ status: 200, json: { success: true, authUrl: expect.stringContaining('authId=') } });
    } finally {
      await backend.stop();
    }
  });
});
