/**
 * The yardstick of bench/sandbox-scale.mjs: the least a correct gateway does for an Open API call.
 * node:http; verify the request's signature (SHA256withRSA over `POST <path>\n<clientId>.<requestTime>.<raw body>`,
 * as src/sandbox/signing.ts does); do the call on in-memory maps (pay idempotent by paymentRequestId,
 * refund, inquiryPayment); append one line to a file before answering (what `kill -9` must not lose);
 * sign the answer the same way (`Response-Time`). Nothing else: no validation beyond that, no state file.
 *
 * Run as a child of the bench (`fork`): `node bench/minimal-gateway.mjs --keys <sandbox dir> --log <file>`
 * uses the sandbox's client id and key files (so one signed request suits both), sends `{ url }` once
 * listening, and closes on the message `'close'`.
 */
import { createPrivateKey, createPublicKey, createSign, createVerify } from 'node:crypto';
import { closeSync, openSync, readFileSync, write } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ok = { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' };
const failed = (resultCode, resultMessage) => ({ resultCode, resultStatus: 'F', resultMessage });

/**
 * Starts the gateway on 127.0.0.1 (free port). `clientId` is the one merchant; `merchantPublicKey`
 * verifies requests, `walletPrivateKey` signs answers (PEM or KeyObject); `logPath` gets one line per call.
 * Resolves `{ url, close() }`.
 */
export async function startMinimalGateway({ clientId, merchantPublicKey, walletPrivateKey, logPath }) {
  const verifyKey = createPublicKey(merchantPublicKey);
  const signKey = createPrivateKey(walletPrivateKey);
  const fd = openSync(logPath, 'a');
  const payments = new Map(); // paymentId → payment
  const byRequest = new Map(); // paymentRequestId → paymentId
  let seq = 0;

  const calls = {
    '/v1/payments/pay': (body) => {
      const known = byRequest.get(body.paymentRequestId);
      if (known) return { result: ok, paymentId: known, paymentTime: payments.get(known).paidAt };
      const paymentId = `G${Date.now()}${++seq}`;
      const payment = { paymentId, paymentRequestId: body.paymentRequestId, amount: body.paymentAmount?.value, refunded: 0, paidAt: new Date().toISOString() };
      payments.set(paymentId, payment);
      byRequest.set(body.paymentRequestId, paymentId);
      return { result: ok, paymentId, paymentTime: payment.paidAt };
    },
    '/v1/payments/refund': (body) => {
      const p = payments.get(body.paymentId);
      if (p) p.refunded += Number(body.refundAmount?.value) || 0;
      return { result: ok, refundId: `R${Date.now()}${++seq}`, refundTime: new Date().toISOString() };
    },
    '/v1/payments/inquiryPayment': (body) => {
      const p = payments.get(body.paymentId);
      if (!p) return { result: failed('ORDER_NOT_EXIST', 'no such payment') };
      return { result: ok, paymentId: p.paymentId, paymentRequestId: p.paymentRequestId, paymentStatus: 'SUCCESS', paymentAmount: { currency: 'IQD', value: p.amount }, paymentTime: p.paidAt };
    },
  };

  const answer = (res, path, body) => {
    const text = JSON.stringify(body);
    const time = new Date().toISOString();
    const signature = createSign('RSA-SHA256').update(`POST ${path}\n${clientId}.${time}.${text}`).sign(signKey, 'base64');
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'client-id': clientId, 'response-time': time, signature: `algorithm=RSA256, keyVersion=1, signature=${signature}` });
    res.end(text);
  };

  const server = createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 1 << 20) chunks.push(c);
    });
    req.on('end', () => {
      const path = req.url ?? '';
      const call = calls[path];
      if (req.method !== 'POST' || !call) return answer(res, path, { result: failed('NOT_FOUND', `no Open API at ${req.method} ${path}`) });
      if (size > 1 << 20) return answer(res, path, { result: failed('PARAM_ILLEGAL', 'body over 1 MB') });
      const raw = Buffer.concat(chunks);
      const time = String(req.headers['request-time'] ?? '');
      const signature = /signature=([A-Za-z0-9+/]+={0,2})/.exec(String(req.headers.signature ?? ''))?.[1];
      const content = Buffer.concat([Buffer.from(`POST ${path}\n${clientId}.${time}.`), raw]);
      if (req.headers['client-id'] !== clientId || !time || !signature || !createVerify('RSA-SHA256').update(content).verify(verifyKey, signature, 'base64')) {
        return answer(res, path, { result: failed('INVALID_SIGNATURE', 'the signature does not verify') });
      }
      let body;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(res, path, { result: failed('PARAM_ILLEGAL', 'the body is not JSON') });
      }
      if (!body || typeof body !== 'object') return answer(res, path, { result: failed('PARAM_ILLEGAL', 'the body is not a JSON object') });
      const out = call(body);
      // the call is on file before it is acknowledged
      write(fd, `${JSON.stringify({ at: Date.now(), path, body, status: out.result.resultStatus })}\n`, (e) => {
        if (e) {
          res.writeHead(500).end();
          return;
        }
        answer(res, path, out);
      });
    });
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          closeSync(fd);
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

if (process.send && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
  const dir = arg('--keys');
  const gateway = await startMinimalGateway({
    clientId: JSON.parse(readFileSync(join(dir, 'client.json'), 'utf8')).clientId,
    merchantPublicKey: readFileSync(join(dir, 'merchant-public-key.pem')),
    walletPrivateKey: readFileSync(join(dir, 'wallet-private-key.pem')),
    logPath: arg('--log'),
  });
  process.on('message', async (m) => {
    if (m !== 'close') return;
    await gateway.close();
    process.exit(0);
  });
  process.send({ url: gateway.url });
}
