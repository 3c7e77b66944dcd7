// The Open API client of a merchant backend, written from the docs: every request signed as
// 03-open-apis/01-overview says, every response's signature verified with the wallet public key
// (05-utilities/03-signature-validation), over plain node:http(s).
import { createPrivateKey, createPublicKey, createSign, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** `2026-12-01T12:00:00.123+00:00`, the demo backend's Request-Time. */
export const requestTime = (date = new Date()) => date.toISOString().replace('Z', '+00:00');

/** `{METHOD} {PATH}\n{clientId}.{time}.{body}`. */
export const signContent = (method, path, clientId, time, body) => `${method} ${path}\n${clientId}.${time}.${body}`;

/** SHA256withRSA, base64. */
export function sign(content, privateKey) {
  const signer = createSign('SHA256');
  signer.update(content);
  signer.end();
  return signer.sign(privateKey, 'base64');
}

/** The `signature=` part of a `Signature` header (`algorithm=RSA256, keyVersion=1, signature=…`), URL-decoded if it was encoded. */
export function signatureOf(header) {
  for (const part of String(header ?? '').split(',')) {
    const p = part.trim();
    if (!p.startsWith('signature=')) continue;
    try {
      return decodeURIComponent(p.slice('signature='.length));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether `signature` (base64) signs `content` with `publicKey`. */
export function verify(content, signature, publicKey) {
  if (!signature) return false;
  const verifier = createVerify('SHA256');
  verifier.update(content);
  verifier.end();
  try {
    return verifier.verify(publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** POSTs `body` (a string) to `url` with `headers`; resolves `{ status, headers, body }`. */
function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An Open API answer whose signature did not verify. */
export class ResponseSignatureError extends Error {}

/**
 * The client. `config`: `{ gatewayUrl, clientId, privateKeyPath, walletPublicKeyPath }` (the `.env`'s
 * ALIPAY_GATEWAY_URL, ALIPAY_CLIENT_ID, ALIPAY_MERCHANT_PRIVATE_KEY_PATH, ALIPAY_PUBLIC_KEY_PATH);
 * `onCall({ path, request, response })` sees every verified exchange (a page that shows them).
 */
export function createAlipayClient({ gatewayUrl, clientId, privateKeyPath, walletPublicKeyPath, onCall }) {
  const privateKey = createPrivateKey(readFileSync(privateKeyPath));
  const walletPublicKey = createPublicKey(readFileSync(walletPublicKeyPath));
  const base = gatewayUrl.replace(/\/+$/, '');

  /** Calls the Open API at `path` (`/v1/...`); resolves the parsed answer after checking its signature. */
  async function call(path, payload) {
    const body = JSON.stringify(payload);
    const time = requestTime();
    const signature = sign(signContent('POST', path, clientId, time, body), privateKey);
    const res = await post(base + path, {
      'content-type': 'application/json; charset=UTF-8',
      'client-id': clientId,
      'request-time': time,
      signature: `algorithm=RSA256, keyVersion=1, signature=${signature}`,
    }, body);
    const responseTime = res.headers['response-time'];
    const responseClient = res.headers['client-id'] ?? clientId;
    if (!verify(signContent('POST', path, responseClient, responseTime, res.body), signatureOf(res.headers['signature']), walletPublicKey)) {
      throw new ResponseSignatureError(`${path}: the response signature does not verify with the wallet public key (HTTP ${res.status})`);
    }
    const response = JSON.parse(res.body);
    onCall?.({ path, request: payload, response });
    return response;
  }

  return {
    clientId,
    walletPublicKey,
    call,
    applyToken: (authCode) => call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode }),
    inquiryUserInfo: (accessToken) => call('/v1/users/inquiryUserInfo', { accessToken }),
    prepare: (contractDesc, language = 'en-US') => call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: JSON.stringify({ language, contractDesc }) }),
    pay: (request) => call('/v1/payments/pay', request),
    inquiryPayment: (paymentId) => call('/v1/payments/inquiryPayment', { paymentId }),
    refund: (request) => call('/v1/payments/refund', request),
    inquiryRefund: (refundRequestId) => call('/v1/payments/inquiryRefund', { refundRequestId }),
    merchantAccept: (paymentId) => call('/v1/payments/merchantAccept', { paymentId }),
    confirm: (paymentId, confirmRequestId) => call('/v1/payments/confirm', { paymentId, confirmRequestId }),
    cancel: (paymentId) => call('/v1/payments/cancel', { paymentId }),
  };
}
