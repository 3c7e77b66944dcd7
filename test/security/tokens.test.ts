/**
 * The docs' rule: a miniapp page never asks for or holds access tokens — only authCodes leave the host,
 * and the page's backend exchanges them (applyToken). Checked on the table (names, params, aliases),
 * the documented result types, the built files, and what the emulator answers for every API.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAuthCode, qicardSignContract } from '../../src/index.js';
import { AUTH_CODE_PATTERN, SIGNING_AUTH_CODE_PATTERN } from '../../src/emulator/handlers/auth-codes.js';
import { API_NAMES, TABLE } from '../../src/table/index.js';
import type { TableRow } from '../../src/table/row.js';
import { CALLABLE, requiredParams, wrapperOf } from '../support/apis.js';
import { setupAutoEmulator, teardownEmulator } from '../support/auto-emulator.js';

afterEach(teardownEmulator);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOKENISH = /token/i;
const rows = TABLE as unknown as Record<string, TableRow>;

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });

/** Names declared as properties in TypeScript source (`name:`, `name?:`, `readonly 'name':`), comments removed. */
export function declaredFields(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...code.matchAll(/^\s*(?:readonly\s+)?['"]?([A-Za-z_$][\w$]*)['"]?\??\s*:/gm)].map((m) => m[1]!);
}

/** Every key anywhere in a value. */
function keysDeep(v: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (v && typeof v === 'object' && !seen.has(v)) {
    seen.add(v);
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      keysDeep(x, out, seen);
    }
  }
  return out;
}

describe('the API table', () => {
  it('no API, native name, classic alias, parameter or renamed field is named like a token', () => {
    const names: string[] = [];
    for (const api of API_NAMES) {
      const row = rows[api]!;
      names.push(api, ...Object.keys(row.params));
      if (row.native) names.push(row.native);
      if (row.alias) names.push(row.alias.name, ...Object.entries(row.alias.params ?? {}).flat(), );
      if (row.results) names.push(...Object.entries(row.results).flat());
    }
    expect(names.length).toBeGreaterThan(150);
    expect(names.filter((n) => TOKENISH.test(n))).toEqual([]);
  });

  it('no documented parameter or result type declares a field named like a token', () => {
    const dir = join(ROOT, 'src/types');
    const fields = readdirSync(dir).flatMap((f) => declaredFields(readFileSync(join(dir, f), 'utf8')));
    expect(fields).toContain('authCode'); // the extractor sees the result types
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((n) => TOKENISH.test(n))).toEqual([]);
    // and it would see one
    expect(declaredFields('interface X {\n  /** accessToken here */\n  readonly accessToken?: string;\n  "refresh_token": string;\n}')).toEqual(['accessToken', 'refresh_token']);
  });
});

/** What a built file must not do: call or name applyToken as an API, or touch access/refresh/id tokens. */
function tokenOffences(f: string, text: string): string[] {
  const out: string[] = [];
  const code = text.split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n'); // without doc-comment lines
  // applyToken may be named in doc comments ("your backend exchanges it through `applyToken`"), never called or sent
  if (/\bapplyToken\s*\(|['"]applyToken['"]/.test(text) || /`applyToken`/.test(code)) out.push(`${f}: calls applyToken`);
  if (/access_?token|refresh_?token|id_?token|bearer\s/i.test(text)) out.push(`${f}: mentions an access/refresh token`);
  if (f.endsWith('.ts')) for (const n of declaredFields(text)) if (TOKENISH.test(n)) out.push(`${f}: declares ${n}`);
  return out;
}

describe('the built files', () => {
  it('the check finds offences when there are some', () => {
    expect(tokenOffences('a.js', "my.call('applyToken', { authCode })")).toHaveLength(1);
    expect(tokenOffences('a.js', 'x = `applyToken`')).toHaveLength(1);
    expect(tokenOffences('a.js', 'headers.Authorization = "Bearer " + r.accessToken')).toHaveLength(1);
    expect(tokenOffences('a.d.ts', 'interface R {\n  sessionToken: string;\n}')).toHaveLength(1);
    expect(tokenOffences('a.js', '/**\n * exchanges it through `applyToken` on your backend\n */')).toEqual([]);
  });

  const dist = join(ROOT, 'dist');

  // dist/playground/ is the demo app, not the library: it plays the merchant's backend too (the
  // authCode → accessToken exchange happens there, on the simulated server side), so it is left out.
  // So are the sandbox wallet's files (sandbox.*, superqi-sandbox.mjs, chunks/sandbox-*): that Node-only
  // entry *is* the wallet backend that issues the tokens; test/sandbox/boundary.test.ts keeps it out of
  // every page-side module. And the merchant backend's client (server.*, chunks/server-*), Node-only too:
  // it is the backend that redeems authCodes (applyToken) and holds the tokens; page-side code cannot
  // import it (tsconfig.json has no Node types, and src/server needs them).
  const sandboxFile = (f: string) => /[\\/](sandbox\.|superqi-sandbox\.|chunks[\\/]sandbox-|server\.|chunks[\\/]server-)/.test(f.slice(dist.length));
  it('never call applyToken nor handle an accessToken (every library .js/.mjs/.cjs/.d.ts in dist/)', () => {
    expect(existsSync(join(dist, 'superqi-bridge.iife.js')), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const files = filesUnder(dist).filter((f) => /\.(m?js|cjs|d\.c?ts)$/.test(f) && !f.startsWith(join(dist, 'playground')) && !sandboxFile(f));
    expect(files.map((f) => f.slice(dist.length + 1))).toEqual(
      expect.arrayContaining(['superqi-bridge.iife.js', 'superqi-emulator.iife.js', 'index.mjs', 'index.cjs', 'emulator.mjs', 'index.d.ts']),
    );
    const offences = files.flatMap((f) => tokenOffences(f, readFileSync(f, 'utf8')));
    expect(offences).toEqual([]);
  });
});

describe('what leaves the host', () => {
  it('getAuthCode resolves an authCode and scope lists only, for customer and business users', async () => {
    const em = setupAutoEmulator({ appId: 'tokens' });
    const allowed = ['authCode', 'authSuccessScopes', 'authErrorScopes'];
    const customer = await getAuthCode({ scopes: ['auth_base', 'USER_ID', 'USER_NAME', 'CARD_LIST', 'MERCHANT_ID'] });
    expect(customer.authCode).toMatch(AUTH_CODE_PATTERN);
    expect(Object.keys(customer).every((k) => allowed.includes(k))).toBe(true);
    expect(customer.authErrorScopes).toEqual({ MERCHANT_ID: '10001' });
    em.setProfile({ role: 'business' });
    const business = await getAuthCode({ scopes: ['auth_base', 'MERCHANT_ID', 'MERCHANT_NAME'] });
    expect(business.authCode).toMatch(AUTH_CODE_PATTERN);
    expect(Object.keys(business).sort()).toEqual(['authCode', 'authSuccessScopes']);
    expect(keysDeep([customer, business]).filter((k) => TOKENISH.test(k))).toEqual([]);
  });

  it('qicardSignContract resolves exactly { authCode }', async () => {
    setupAutoEmulator({ appId: 'tokens' });
    const signed = await qicardSignContract({ authUrl: 'https://wallet.example/sign?x=1' });
    expect(Object.keys(signed)).toEqual(['authCode']);
    expect(signed.authCode).toMatch(SIGNING_AUTH_CODE_PATTERN);
  });

  it('no emulator answer, for any API, carries a field named like a token', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('no network in this test');
    });
    // tradePay with its required params only has no paymentUrl: the emulator says so on the console.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const em = setupAutoEmulator({ appId: 'tokens' });
    await Promise.all(CALLABLE.map((api) => wrapperOf(api)(requiredParams(api), { timeout: 8000 }).catch(() => undefined)));
    expect(warn.mock.calls).toEqual([[expect.stringContaining('tradePay without a paymentUrl')]]);
    expect(em.calls.map((c) => c.api).sort()).toEqual([...CALLABLE].sort());
    expect(em.calls.every((c) => c.answer !== undefined)).toBe(true);
    expect(keysDeep(em.calls.map((c) => c.answer)).filter((k) => TOKENISH.test(k))).toEqual([]);
  });
});
