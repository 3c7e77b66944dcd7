// @vitest-environment node
/**
 * The test merchant backend's own checks, against a scripted gateway on 127.0.0.1 (no sandbox): it
 * signs requests as 03-open-apis/01-overview says, and refuses an answer whose signature does not
 * verify with the wallet public key of its `.env` (so the flows tests' "verified" means something).
 */
import { createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../support/merchant-backend-process.js';

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const merchant = pair();
const wallet = pair();
const stranger = pair();

let dir: string;
let gateway: Server;
let backend: BackendProcess;
/** The key the gateway signs its next answers with. */
let signingKey: KeyObject = wallet.privateKey;
/** Whether the gateway URL-encodes its next answers' signature (as it does for a client that sent one encoded). */
let encodeSignature = false;
const received: { path: string; verified: boolean; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'superqi-backend-'));
  gateway = createServer(async (req, res) => {
    let raw = '';
    for await (const c of req) raw += c;
    const path = req.url ?? '';
    const sig = /signature=([^,\s]+)/.exec(String(req.headers['signature']))?.[1] ?? '';
    const v = createVerify('SHA256');
    v.update(`POST ${path}\n${req.headers['client-id']}.${req.headers['request-time']}.${raw}`);
    received.push({ path, verified: v.verify(merchant.publicKey, Buffer.from(sig, 'base64')), headers: req.headers });
    const body = JSON.stringify({ result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' }, authUrl: 'http://wallet.invalid/contract?authId=1' });
    const time = new Date().toISOString();
    const s = createSign('SHA256');
    s.update(`POST ${path}\nCLIENT-1.${time}.${body}`);
    res.writeHead(200, { 'content-type': 'application/json', 'client-id': 'CLIENT-1', 'response-time': time, signature: `algorithm=RSA256, keyVersion=1, signature=${(encodeSignature ? encodeURIComponent : String)(s.sign(signingKey, 'base64'))}` }).end(body);
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const pem = (k: KeyObject, type: 'pkcs8' | 'spki') => k.export({ format: 'pem', type }) as string;
  writeFileSync(join(dir, 'merchant.pem'), pem(merchant.privateKey, 'pkcs8'));
  writeFileSync(join(dir, 'wallet.pem'), pem(wallet.publicKey, 'spki'));
  writeFileSync(
    join(dir, '.env'),
    [
      '# written by the test',
      `ALIPAY_GATEWAY_URL=http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
      'ALIPAY_CLIENT_ID="CLIENT-1"',
      `ALIPAY_MERCHANT_PRIVATE_KEY_PATH=${join(dir, 'merchant.pem')}`,
      `ALIPAY_PUBLIC_KEY_PATH=${join(dir, 'wallet.pem')}`,
      '',
    ].join('\n'),
  );
  backend = await startBackendProcess(join(dir, '.env'));
}, 30000);

afterAll(async () => {
  await backend?.stop();
  await new Promise<void>((r) => gateway.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('test merchant backend', () => {
  it('signs each request over POST {path}\\n{clientId}.{requestTime}.{body} with the merchant key', async () => {
    signingKey = wallet.privateKey;
    const r = await backend.api('/api/agreement/prepare', { contractDesc: 'Plan' });
    expect(r).toMatchObject({ status: 200, json: { success: true, authUrl: 'http://wallet.invalid/contract?authId=1' } });
    const last = received.at(-1)!;
    expect(last).toMatchObject({ path: '/v1/authorizations/prepare', verified: true });
    expect(last.headers['signature']).toMatch(/^algorithm=RSA256, keyVersion=1, signature=[A-Za-z0-9+/]+=*$/);
    expect(last.headers['request-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  });

  it('verifies an answer whose signature= value is URL-encoded (%2B %2F %3D)', async () => {
    signingKey = wallet.privateKey;
    encodeSignature = true;
    try {
      const r = await backend.api('/api/agreement/prepare', { contractDesc: 'Plan' });
      expect(r).toMatchObject({ status: 200, json: { success: true } });
    } finally {
      encodeSignature = false;
    }
  });

  it('refuses an answer signed with another key than the wallet public key of its .env', async () => {
    signingKey = stranger.privateKey;
    const r = await backend.api('/api/agreement/prepare', { contractDesc: 'Plan' });
    expect(r.status).toBe(500);
    expect(r.json).toMatchObject({ success: false, resultCode: 'API_CALL_FAILED' });
    expect(String(r.json['resultMessage'])).toContain("prepare: the answer's signature does not verify");
    expect(String(r.json['resultMessage'])).toContain('with walletPublicKey');
  });

  it('bad input: a body that is not a JSON object is 400, an unknown session token 401, an unknown route 404', async () => {
    const bad = await fetch(`${backend.url}/api/payment/create`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,' });
    expect(bad.status).toBe(400);
    expect((await backend.api('/api/payment/create', { token: 'nope', amount: 1 })).status).toBe(401);
    expect((await backend.api('/api/nothing', {})).status).toBe(404);
  });
});
