/**
 * A merchant backend's Open API client, written in the test from the docs' rules only (node:crypto;
 * it does not import the sandbox's signing.ts, so it checks it independently):
 * `POST {path}\n{clientId}.{requestTime}.{body}`, SHA256withRSA PKCS#1 v1.5, base64, in
 * `Signature: algorithm=RSA256, keyVersion=1, signature=…`; responses verified with the wallet key.
 */
import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Env {
  ALIPAY_GATEWAY_URL: string;
  ALIPAY_CLIENT_ID: string;
  ALIPAY_MERCHANT_PRIVATE_KEY_PATH: string;
  ALIPAY_PUBLIC_KEY_PATH: string;
}

/** Reads a .env the way dotenv does for these simple lines. */
export function readEnv(path: string): Env {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!;
  }
  return env as unknown as Env;
}

export interface Reply {
  status: number;
  headers: Headers;
  raw: string;
  json: Record<string, any>;
  /** Whether the response signature verifies with the wallet public key. */
  signed: boolean;
}

export interface CallOptions {
  /** Send this raw body instead of JSON.stringify(body). */
  raw?: string;
  time?: string;
  /** Replace headers (undefined removes one). */
  headers?: Record<string, string | undefined>;
  /** Sign this path instead of the one called. */
  signPath?: string;
  /** Call this path (e.g. `//v1/...`). */
  callPath?: string;
  method?: string;
  /** Sign with another key. */
  key?: KeyObject;
}

/** `2026-12-01T12:00:00.123+00:00`, as the Node demo backend sends. */
export const nodeTime = (d = new Date()): string => d.toISOString().replace('Z', '+00:00');

export class Merchant {
  readonly clientId: string;
  readonly privateKey: KeyObject;
  readonly walletKey: KeyObject;
  constructor(readonly env: Env) {
    this.clientId = env.ALIPAY_CLIENT_ID;
    this.privateKey = createPrivateKey(readFileSync(env.ALIPAY_MERCHANT_PRIVATE_KEY_PATH));
    this.walletKey = createPublicKey(readFileSync(env.ALIPAY_PUBLIC_KEY_PATH));
  }

  signature(path: string, time: string, body: string, key = this.privateKey): string {
    const content = `POST ${path}\n${this.clientId}.${time}.${body}`;
    return createSign('SHA256').update(content).sign(key, 'base64');
  }

  async call(path: string, body: unknown, o: CallOptions = {}): Promise<Reply> {
    const raw = o.raw ?? JSON.stringify(body);
    const time = o.time ?? nodeTime();
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=UTF-8',
      'Client-Id': this.clientId,
      'Request-Time': time,
      Signature: `algorithm=RSA256, keyVersion=1, signature=${this.signature(o.signPath ?? path, time, raw, o.key)}`,
    };
    for (const [k, v] of Object.entries(o.headers ?? {})) {
      if (v === undefined) delete headers[k];
      else headers[k] = v;
    }
    const res = await fetch(`${this.env.ALIPAY_GATEWAY_URL}${o.callPath ?? path}`, { method: o.method ?? 'POST', headers, ...(o.method === 'GET' ? {} : { body: raw }) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, raw: text, json: JSON.parse(text), signed: this.verifyResponse(path, res.headers, text) };
  }

  verifyResponse(path: string, headers: Headers, text: string): boolean {
    const sig = /signature=([^,\s]+)/.exec(headers.get('signature') ?? '')?.[1];
    const time = headers.get('response-time');
    if (!sig || !time) return false;
    return createVerify('SHA256').update(`POST ${path}\n${headers.get('client-id')}.${time}.${text}`).verify(this.walletKey, sig, 'base64');
  }
}

/** The emulated app's side (wallet API): consent → authCode, cashier decisions, contract signing. */
export class App {
  constructor(readonly url: string) {}
  async post(path: string, body: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  }
  async get(path: string): Promise<{ status: number; json: any }> {
    const res = await fetch(`${this.url}${path}`);
    return { status: res.status, json: await res.json() };
  }
  async authCode(userId: string, scopes: string[]): Promise<string> {
    const r = await this.post('/wallet-api/auth-codes', { userId, grantedScopes: scopes });
    if (r.status !== 200) throw new Error(JSON.stringify(r.json));
    return r.json.authCode as string;
  }
}

export const tempDir = (): { dir: string; remove(): void } => {
  const dir = mkdtempSync(join(tmpdir(), 'superqi-sandbox-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

export const ALI = '2160000000000001';
export const ZAINAB = '2160000000000002';
export const OMAR_FROZEN = '2160000000000004';
export const NOOR_BUSINESS = '2160000000000003';
export const CASHIER = '51051000101000000011';
export const AGREEMENT = '51051000101000100031';
export const ESCROW = '51051000101000100008';
