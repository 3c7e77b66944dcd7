// A merchant's payment-notification endpoint in plain node:http (docs/sandbox.md's snippet; a test runs it
// against the sandbox). ALIPAY_PUBLIC_KEY_PATH=<dir>/wallet-public-key.pem PORT=3000 node notify-receiver.mjs
import { createPublicKey, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const walletKey = createPublicKey(readFileSync(process.env.ALIPAY_PUBLIC_KEY_PATH));
const handled = new Set(); // a notification can come more than once: act on it once

/** Whether the wallet signed `POST {path}\n{client-id}.{request-time}.{raw body}` (plain or URL-encoded base64). */
function fromWallet(req, raw) {
  try {
    const signature = decodeURIComponent(/signature=([^,\s]+)/.exec(req.headers['signature'] ?? '')?.[1] ?? '');
    const path = new URL(req.url, 'http://merchant').pathname; // the notify URL's path, without its query
    const content = `POST ${path}\n${req.headers['client-id']}.${req.headers['request-time']}.${raw}`;
    return !!signature && createVerify('RSA-SHA256').update(content).verify(walletKey, signature, 'base64');
  } catch {
    return false;
  }
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8'); // verify these bytes, never a re-serialisation
    if (!fromWallet(req, raw)) return res.writeHead(401).end(); // not the wallet's: refuse it
    const n = JSON.parse(raw);
    const result = n.paymentResult ?? n.voidResult;
    const key = `${n.notifyType} ${n.paymentId}`;
    if (!handled.has(key)) console.log(`${key} ${result.resultStatus} ${result.resultCode}`); // fulfil or release the order here
    handled.add(key);
    res.writeHead(200, { 'content-type': 'application/json' }); // 200 + resultStatus S, or the wallet retries
    res.end(JSON.stringify({ result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } }));
  });
});
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
