/**
 * `node bench/server-client.mjs`: what `superqi-bridge/server` costs per call, against the same
 * request made by hand with bare node:crypto + fetch (sign, POST, read the bytes, verify the
 * answer's signature, JSON.parse). Both hit the same loopback responder, which answers a
 * pre-signed inquiryPayment answer (so the gateway's own work is not in the figures), in
 * alternating blocks (bench/alternate.mjs), counting the process's CPU time (the responder's share is
 * the same for both); the figure is the median of the per-round ratios. From dist/server.mjs.
 */
import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { createClient } from '../dist/server.mjs';
import { alternate } from './alternate.mjs';
import { emit } from './report.mjs';

const CLIENT_ID = 'BENCH-CLIENT';
const PATH = '/v1/payments/inquiryPayment';
const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const wallet = generateKeyPairSync('rsa', { modulusLength: 2048 });

// the answer, signed once by the "wallet"
const answer = JSON.stringify({
  result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' },
  paymentId: '20261207111212800100166',
  paymentRequestId: 'PAY-1',
  paymentAmount: { currency: 'IQD', value: '100000' },
  paymentStatus: 'SUCCESS',
  paymentTime: '2026-12-07T12:00:00+03:00',
});
const responseTime = '2026-12-07T12:00:00+03:00';
const answerSignature = createSign('RSA-SHA256').update(`POST ${PATH}\n${CLIENT_ID}.${responseTime}.${answer}`).sign(wallet.privateKey, 'base64');
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    res
      .writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'client-id': CLIENT_ID, 'response-time': responseTime, signature: `algorithm=RSA256, keyVersion=1, signature=${answerSignature}` })
      .end(answer),
  );
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}`;

/** The same call by hand: what a merchant writes from the docs with node:crypto and fetch. */
async function bare(request) {
  const body = JSON.stringify(request);
  const time = new Date().toISOString().replace('Z', '+00:00');
  const signature = createSign('RSA-SHA256').update(`POST ${PATH}\n${CLIENT_ID}.${time}.${body}`).sign(merchant.privateKey, 'base64');
  const res = await fetch(url + PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=UTF-8', 'client-id': CLIENT_ID, 'request-time': time, signature: `algorithm=RSA256, keyVersion=1, signature=${signature}` },
    body,
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const sig = /signature=([^,\s]+)/.exec(res.headers.get('signature') ?? '')?.[1] ?? '';
  const content = Buffer.concat([Buffer.from(`POST ${PATH}\n${res.headers.get('client-id')}.${res.headers.get('response-time')}.`), raw]);
  if (!createVerify('RSA-SHA256').update(content).verify(wallet.publicKey, sig, 'base64')) throw new Error('bare: bad signature');
  return JSON.parse(raw.toString('utf8'));
}

const qi = createClient({ gatewayUrl: url, clientId: CLIENT_ID, privateKey: merchant.privateKey, walletPublicKey: wallet.publicKey });
const request = { paymentId: '20261207111212800100166' };
const client = async (r) => {
  const o = await qi.inquiryPayment(r);
  if (o.status !== 'S') throw new Error('client: not S');
  return o;
};

// the overhead benches' alternating blocks (bench/alternate.mjs), clocked in the process's CPU time
// (user + system, ms), which other load on the machine disturbs far less than wall time; blocks of
// 250 ms CPU (~150 calls): with 60 ms ones, one run's ratio wandered by ±8 %
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times = (fn) => async (n) => {
  for (let i = 0; i < n; i++) await fn(request);
};
const { ratio, raw, wrapped } = await alternate(times(bare), times(client), { block: 8, rounds: 31, minMs: 250, now: cpuMs });
server.close();
emit([
  { id: 'server.call.ms', label: 'superqi-bridge/server: one signed, verified call (CPU ms, median)', value: wrapped / 1e6, unit: 'ms' },
  { id: 'server.bare.ms', label: 'the same call with bare node:crypto + fetch (CPU ms, median)', value: raw / 1e6, unit: 'ms' },
  { id: 'server.overhead.ratio', label: 'superqi-bridge/server ÷ bare node:crypto + fetch (sign + verify + parse)', value: ratio, unit: 'x' },
]);
