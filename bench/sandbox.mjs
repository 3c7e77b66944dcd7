/**
 * `node bench/sandbox.mjs`: the sandbox gateway's costs, from dist/sandbox.mjs (build first).
 * First start (RSA key generation) and restart; sequential signed inquiryPayment round trips
 * (median, p95); 1,000 concurrent agreement pays (wall time, requests/s); database size once closed.
 * Prints a table and a BENCH_JSON line. Loopback only.
 */
import { createPrivateKey, createSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../dist/sandbox.mjs';

const dir = mkdtempSync(join(tmpdir(), 'superqi-sandbox-bench-'));
const time = async (fn) => {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
};
try {
  const [firstStartMs, first] = await time(() => startSandbox({ dir, onWarning: () => {} }));
  await first.close();
  const [restartMs, sandbox] = await time(() => startSandbox({ dir, onWarning: () => {} }));
  const key = createPrivateKey(readFileSync(sandbox.merchantPrivateKeyPath));
  const call = async (path, body) => {
    const raw = JSON.stringify(body);
    const t = new Date().toISOString();
    const sig = createSign('SHA256').update(`POST ${path}\n${sandbox.clientId}.${t}.${raw}`).sign(key, 'base64');
    const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'client-id': sandbox.clientId, 'request-time': t, signature: `algorithm=RSA256, keyVersion=1, signature=${sig}` }, body: raw });
    return res.json();
  };
  const rounds = [];
  for (let i = 0; i < 300; i++) rounds.push((await time(() => call('/v1/payments/inquiryPayment', { paymentId: 'x' })))[0]);
  rounds.sort((a, b) => a - b);
  const prep = await call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{}' });
  const authId = new URL(prep.authUrl).searchParams.get('authId');
  const signed = await (await fetch(`${sandbox.url}/wallet-api/contracts/decide`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authId, userId: '2160000000000001', decision: 'sign' }) })).json();
  const token = (await call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode: signed.authCode })).accessToken;
  const [concurrentMs, answers] = await time(() =>
    Promise.all(Array.from({ length: 1000 }, (_, i) => call('/v1/payments/pay', { productCode: '51051000101000100031', paymentRequestId: `B-${i}`, paymentAuthCode: token, paymentAmount: { currency: 'IQD', value: '1000' }, order: { orderDescription: 'bench' } }))),
  );
  await sandbox.settled();
  const ok = answers.filter((a) => a.result.resultStatus === 'S').length;
  await sandbox.close();
  const stateBytes = statSync(join(dir, 'state.db')).size;
  const out = {
    firstStartMs: Math.round(firstStartMs),
    restartMs: Math.round(restartMs),
    inquiryMedianMs: +rounds[150].toFixed(2),
    inquiryP95Ms: +rounds[285].toFixed(2),
    concurrentPays: 1000,
    concurrentPaysOk: ok,
    concurrentWallMs: Math.round(concurrentMs),
    paysPerSecond: Math.round(1000 / (concurrentMs / 1000)),
    stateKiB: Math.round(stateBytes / 1024),
  };
  for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(20)} ${v}`);
  console.log(`BENCH_JSON ${JSON.stringify(out)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
