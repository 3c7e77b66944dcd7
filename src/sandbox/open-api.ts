/**
 * The signed Open APIs: verify the request as `03-open-apis/01-overview` signs it, validate the body
 * from the table, keep idempotency, run the handler in one transaction, answer a signed JSON body.
 * Business failures are HTTP 200 with `result.resultStatus: 'F'` (axios clients throw on anything
 * else); every answer is JSON (the Go client decodes every body).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { reply, type Answer } from './handlers/context.js';
import { HANDLERS } from './handlers/index.js';
import { isJsonType, parseObject, readBody, sendJson } from './http.js';
import { maybeSlow, run, type Runtime } from './runtime.js';
import { formatTime, isDoubleHashed, parseSignatureHeader, parseTime, signContent, signedHeaders, verify, type SignatureEncoding } from './signing.js';
import { own } from './state.js';
import { InvariantError } from './store.js';
import { resultOf } from './table/codes.js';
import { BY_PATH, fieldOf, isAbsent, OPEN_APIS, resultFor, validate, type OpenApiName } from './table/index.js';

/** JSON with sorted keys: the same request from Go (sorted, `\u0026`) and from JS (insertion order) compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Answers with a signed body (Response-Time; the wallet key), HTTP `status` (200 unless a transport
 * fault), the signature in the encoding the request's was in (URL-encoded in, URL-encoded out).
 */
function answer(rt: Runtime, res: ServerResponse, path: string, clientId: string, body: Answer, status = 200, encoding: SignatureEncoding = 'plain'): void {
  const text = JSON.stringify(body);
  const headers = signedHeaders('Response-Time', path, clientId, formatTime(rt.clock()), text, rt.credentials.walletPrivateKey, encoding);
  sendJson(res, status, text, headers);
}

/** Handles a request to a path outside the wallet API, admin API and page: an Open API, or an unknown path. */
export async function handleOpenApi(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  // a gateway URL with a trailing slash yields `//v1/...` (Go client); the path is the same API
  const path = url.pathname.replace(/^\/{2,}/, '/');
  const name = BY_PATH.get(path);
  const clientId = String(req.headers['client-id'] ?? '');
  const signature = parseSignatureHeader(req.headers['signature'] as string | undefined);
  const encoding = signature?.encoding ?? 'plain';
  const fail = (code: string, message?: string, status = 200) => answer(rt, res, path, clientId, { result: resultOf(code, message) }, status, encoding);
  if (!name) {
    req.resume();
    return fail('NOT_FOUND', `No Open API at ${req.method} ${url.pathname}; the sandbox serves: ${[...BY_PATH.keys()].join(', ')}`, 404);
  }
  if (req.method !== 'POST') {
    req.resume();
    return fail('METHOD_NOT_SUPPORTED', `${name}: use POST, not ${req.method}`);
  }
  if (!isJsonType(req.headers['content-type'])) {
    req.resume();
    return fail('MEDIA_TYPE_NOT_ACCEPTABLE', `${name}: Content-Type must be application/json; charset=UTF-8`);
  }
  const raw = await readBody(req, rt.maxBodyBytes);
  if (!raw) return fail('PARAM_ILLEGAL', `${name}: the body is over ${rt.maxBodyBytes} bytes`, 413);

  // ── who is calling, and did they sign it ───────────────────────────────────────────────────────
  if (!clientId) return fail('CLIENT_INVALID', 'The Client-Id header is missing.');
  if (!rt.store.get('merchants', clientId)) return fail('CLIENT_INVALID', `No merchant has Client-Id ${clientId} (this sandbox's is ${rt.credentials.clientId}; see its .env)`);
  const requestTime = String(req.headers['request-time'] ?? '');
  if (!requestTime) return fail('INVALID_SIGNATURE', 'The Request-Time header is missing.');
  if (Number.isNaN(parseTime(requestTime))) return fail('INVALID_SIGNATURE', `Request-Time ${JSON.stringify(requestTime)} is not an ISO 8601 date-time with a zone`);
  if (!signature) return fail('INVALID_SIGNATURE', 'The Signature header is missing or has no signature= part (algorithm=RSA256, keyVersion=1, signature=<base64>).');
  if (signature.algorithm.toUpperCase() !== 'RSA256') return fail('INVALID_SIGNATURE', `Signature algorithm ${signature.algorithm} is not RSA256.`);
  if (signature.keyVersion !== '1') return fail('KEY_NOT_FOUND', `No merchant key with keyVersion ${signature.keyVersion} (the sandbox has keyVersion 1).`);
  const key = rt.credentials.merchantPublicKey;
  const signedAs = [url.pathname, path].find((p) => verify(signContent('POST', p, clientId, requestTime, raw), signature.signature, key));
  if (!signedAs) {
    const double = isDoubleHashed(signContent('POST', path, clientId, requestTime, raw), signature.signature, key);
    return fail(
      'INVALID_SIGNATURE',
      double
        ? 'The signature is over SHA-256 of the content hashed twice (sign the content itself: createSign("RSA-SHA256").update(content)).'
        : `The signature does not verify over "POST ${path}\\n${clientId}.${requestTime}.<raw body>" with the merchant key.`,
    );
  }

  // ── what they asked ────────────────────────────────────────────────────────────────────────────
  const body = parseObject(raw);
  if (!body) return fail('PARAM_ILLEGAL', `${name}: the body is not a JSON object`);
  const scripted = rt.failNext.get(name);
  if (scripted) {
    // a scripted answer (admin API fail-next): once, before the body's checks, changing nothing
    rt.failNext.delete(name);
    return answer(rt, res, signedAs, clientId, { result: resultFor(name, scripted) }, 200, encoding);
  }
  const row = OPEN_APIS[name];
  const invalid = validate(row, body);
  if (invalid) return fail('PARAM_ILLEGAL', invalid);

  if (name === 'pay' || name === 'refund') await maybeSlow(rt);
  const keyField = 'idempotencyKey' in row ? row.idempotencyKey : undefined;
  const keyValue = keyField ? fieldOf(body, keyField) : undefined;
  const idemKey = keyField && !isAbsent(keyValue) ? `${clientId} ${name} ${String(keyValue)}` : undefined;
  const stored = 'storedResult' in row;
  // only a request with an idempotency key is compared with an earlier one (inquiries have none)
  const hash = idemKey ? createHash('sha256').update(canonical(body)).digest('base64') : '';
  let result: Answer;
  try {
    result = await run(rt, clientId, (ctx) => {
      if (idemKey) {
        const seen = ctx.tx.get('idempotency', idemKey);
        if (seen && seen.hash !== hash && !stored) return { result: resultOf('REPEAT_REQ_INCONSISTENT', `${name}: ${keyField} ${String(keyValue)} was used with a different body`) };
        if (seen?.response) return seen.response as Answer;
      }
      const out = (HANDLERS[name] as (c: typeof ctx, b: typeof body, r: ReturnType<typeof reply<OpenApiName>>) => Answer)(ctx, body, reply(name));
      // final answers (S, F) are kept and replayed; after U, or A (a cashier payment not paid yet), the
      // next try runs again and the handler says where things stand (a storedResult row keeps S only)
      const status = out.result.resultStatus;
      const kept = stored ? status === 'S' : status === 'S' || status === 'F';
      if (idemKey) ctx.tx.put('idempotency', idemKey, { hash, response: kept ? out : null });
      return out;
    });
  } catch (e) {
    rt.warn(`superqi-sandbox: ${name} ${e instanceof InvariantError ? 'would break an invariant, undone' : 'failed'}: ${(e as Error).stack ?? e}`);
    result = { result: resultFor(name, 'UNKNOWN_EXCEPTION') };
  }
  return answer(rt, res, signedAs, clientId, result, 200, encoding);
}
