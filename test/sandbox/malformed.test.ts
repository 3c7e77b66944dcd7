// @vitest-environment node
/**
 * Malformed input (issue 19, item 7): a signed body nested thousands deep gets the signed
 * PARAM_ILLEGAL every other malformed body gets (it overflowed the stack: HTTP 500, unsigned); a
 * corrupt client.json, PEM or .env stops the start with the file's name and what to do.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPEN_APIS, SANDBOX_API, startSandbox } from '../../src/sandbox/index.js';
import { code, startFixture, type Fixture } from './fixture.js';
import { tempDir } from './merchant.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels, as JSON text (built as text: no recursion here either). */
const nestedJson = (depth: number, kind: 'array' | 'object'): string => (kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('a deeply nested signed body', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f.close());

  it.each(['array', 'object'] as const)('5,000 levels of %s, in a field or as the body, at every Open API: signed PARAM_ILLEGAL, HTTP 200', async (kind) => {
    const deep = nestedJson(5000, kind);
    const wrong: string[] = [];
    for (const row of Object.values(OPEN_APIS)) {
      for (const raw of [`{"paymentId":"x","extendInfo":${deep}}`, `{"deep":${deep}}`]) {
        const r = await f.merchant.call(row.path, undefined, { raw });
        if (r.status !== 200 || !r.signed || r.json.result?.resultCode !== 'PARAM_ILLEGAL' || !/nests .* more than 32 deep/.test(r.json.result.resultMessage)) {
          wrong.push(`${row.name}: HTTP ${r.status} signed=${r.signed} ${r.raw.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect((await fetch(`${f.sandbox.url}${SANDBOX_API.state}`)).status).toBe(200);
  });

  it('32 levels pass to the API’s own checks; 33 do not', async () => {
    const body = (depth: number) => `{"paymentId":"none","extendInfo":${nestedJson(depth - 1, 'object')}}`;
    expect(code(await f.merchant.call(OPEN_APIS.inquiryPayment.path, undefined, { raw: body(32) }))).toBe('ORDER_NOT_EXIST');
    expect(code(await f.merchant.call(OPEN_APIS.inquiryPayment.path, undefined, { raw: body(33) }))).toBe('PARAM_ILLEGAL');
  });
});

describe('a corrupt file in the sandbox directory is named, with what to do', () => {
  const tmp = tempDir();
  const file = (name: string) => join(tmp.dir, name);
  let good: Record<string, string>;
  beforeAll(async () => {
    const s = await startSandbox({ dir: tmp.dir, onWarning: () => {} });
    await s.close();
    good = Object.fromEntries(['client.json', 'merchant-private-key.pem', 'merchant-public-key.pem', 'wallet-private-key.pem', 'wallet-public-key.pem', '.env'].map((n) => [n, readFileSync(file(n), 'utf8')]));
  });
  afterAll(() => tmp.remove());
  const restore = () => {
    for (const [n, text] of Object.entries(good)) {
      rmSync(file(n), { recursive: true, force: true });
      writeFileSync(file(n), text);
    }
  };

  const otherPair = () => {
    // the wallet's public key beside the merchant's private key: both whole PEM, not one pair
    writeFileSync(file('merchant-public-key.pem'), good['wallet-public-key.pem']!);
  };
  const cases: Array<[string, () => void, RegExp]> = [
    ['client.json that is not JSON', () => writeFileSync(file('client.json'), '{"clientId": "20'), /client\.json is not a client file .*delete it and the next start makes a new client id/],
    ['client.json without a clientId', () => writeFileSync(file('client.json'), '{"id": 1}'), /client\.json is not a client file .*no clientId/],
    ['client.json that is a directory', () => (rmSync(file('client.json')), mkdirSync(file('client.json'))), /client\.json is not a client file .*\(EISDIR/],
    ['a truncated private key', () => writeFileSync(file('merchant-private-key.pem'), good['merchant-private-key.pem']!.slice(0, 200)), /merchant-private-key\.pem is not an RSA private key in PEM .*delete merchant-private-key\.pem and merchant-public-key\.pem/],
    ['a public key that is garbage', () => writeFileSync(file('wallet-public-key.pem'), 'not a key'), /wallet-public-key\.pem is not an RSA public key in PEM .*delete wallet-private-key\.pem and wallet-public-key\.pem/],
    ['two keys that are not one pair', otherPair, /merchant-private-key\.pem and .*merchant-public-key\.pem are not one key pair/],
    ['.env that is a directory', () => (rmSync(file('.env')), mkdirSync(file('.env'))), /\.env is not a readable \.env file \(EISDIR.*delete it and the sandbox writes a new one/],
  ];
  it.each(cases)('%s', async (_, corrupt, message) => {
    restore();
    corrupt();
    const error = await startSandbox({ dir: tmp.dir, onWarning: () => {} }).then(
      async (s) => (await s.close(), null),
      (e: Error) => e,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).toContain(tmp.dir);
    // and the lock was let go: once the file is mended, the sandbox starts
    restore();
    await (await startSandbox({ dir: tmp.dir, onWarning: () => {} })).close();
  });
});
