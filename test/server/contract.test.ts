// @vitest-environment node
/**
 * One contract for both ends: the client's methods, paths, request checks and retry policy are the
 * table's rows, the very rows the sandbox routes and validates by; and the request types follow the
 * rows' fields (type-level expectations below are checked by `tsc -p test`).
 */
import { describe, expect, it } from 'vitest';
import { OPEN_APIS, validate, type OpenApiName } from '../../src/contract/open-apis.js';
import { BY_PATH } from '../../src/sandbox/table/index.js';
import { createClient, fils, iqd, OPEN_API_PATHS, toFils, toIqd, type CodeOf, type RequestOf } from '../../src/server/index.js';
import { isRetrySafe } from '../../src/server/retry.js';
import { generateKeyPairSync } from 'node:crypto';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const names = Object.keys(OPEN_APIS) as OpenApiName[];

describe('the shared contract', () => {
  it('the client has one method per row, and each POSTs to the path the sandbox routes to that row', async () => {
    const seen: string[] = [];
    const qi = createClient({
      gatewayUrl: 'http://gateway.invalid/',
      clientId: 'C',
      privateKey: keys.privateKey,
      walletPublicKey: keys.publicKey,
      retries: 0,
      fetch: async (url) => {
        seen.push(new URL(String(url)).pathname);
        throw new TypeError('offline');
      },
    });
    const methods = Object.keys(qi).filter((k) => typeof (qi as unknown as Record<string, unknown>)[k] === 'function' && !['call', 'verifyNotification'].includes(k));
    expect(methods.sort()).toEqual([...names].sort());
    for (const name of names) await qi.call(name, sampleOf(name) as never).catch(() => {});
    expect(seen).toEqual(names.map((n) => OPEN_APIS[n].path));
    expect(seen.map((p) => BY_PATH.get(p))).toEqual(names);
    expect(OPEN_API_PATHS).toEqual(Object.fromEntries(names.map((n) => [n, OPEN_APIS[n].path])));
  });

  it('retries only rows with an idempotency key or readOnly; applyToken, prepare, merchantAccept and cancel never', () => {
    expect(names.filter((n) => !isRetrySafe(OPEN_APIS[n])).sort()).toEqual(['applyToken', 'cancel', 'merchantAccept', 'prepare']);
  });

  it('the client refuses before sending what the sandbox would refuse (the same validate)', async () => {
    const qi = createClient({ gatewayUrl: 'http://gateway.invalid', clientId: 'C', privateKey: keys.privateKey, walletPublicKey: keys.publicKey, fetch: () => Promise.reject(new Error('sent')) });
    const bad = { productCode: '51051000101000000011', paymentRequestId: 'x'.repeat(65), paymentAmount: iqd(1), order: { orderDescription: 'd' } };
    expect(validate(OPEN_APIS.pay, bad)).toBe('pay: paymentRequestId is longer than 64 characters');
    await expect(qi.pay(bad as RequestOf<'pay'>)).rejects.toMatchObject({ name: 'InvalidRequestError', field: 'paymentRequestId', message: 'pay: paymentRequestId is longer than 64 characters (nothing was sent)' });
  });

  it('amount helpers: IQD ↔ fils exactly (1 IQD = 1000 fils), bad amounts refused with the helper and parameter named', () => {
    expect(iqd(100)).toEqual({ currency: 'IQD', value: '100000' });
    expect(iqd('2.5')).toEqual({ currency: 'IQD', value: '2500' });
    expect(iqd(0.1 + 0.2)).toEqual({ currency: 'IQD', value: '300' });
    expect(fils(2500)).toEqual({ currency: 'IQD', value: '2500' });
    expect(toIqd(fils(2500))).toBe(2.5);
    expect(toFils(iqd(12.345))).toBe(12345);
    expect(() => iqd(1.0005)).toThrow(/^iqd\(amount\): "1.0005" is not a non-negative IQD amount with at most 3 decimals/);
    expect(() => iqd(-1)).toThrow(RangeError);
    expect(() => fils(1.5)).toThrow(/^fils\(amount\)/);
  });
});

function sampleOf(name: OpenApiName): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [path, rule] of Object.entries(OPEN_APIS[name].fields)) {
    if (!('required' in rule) || path.includes('.')) continue;
    body[path] = rule.type === 'amount' ? iqd(1) : rule.type === 'array' ? [{}] : rule.type === 'object' ? {} : 'known' in rule ? rule.known[0] : path === 'extendInfo' ? '{}' : 'x';
  }
  if (name === 'pay') body['order'] = { orderDescription: 'x' };
  const anyOf = 'anyOf' in OPEN_APIS[name] ? (OPEN_APIS[name] as { anyOf: readonly string[] }).anyOf : undefined;
  if (anyOf) body[anyOf[0]!] = 'x';
  return body;
}

// ── type-level: the request types and code unions follow the rows ────────────────────────────────
type Assert<T extends true> = T;
type Has<U, V> = [V] extends [U] ? true : false;
export type Checks = [
  Assert<Has<CodeOf<'refund'>, 'REFUND_WINDOW_EXCEED' | 'SUCCESS' | 'UNKNOWN_EXCEPTION' | 'INVALID_SIGNATURE'>>,
  Assert<Has<RequestOf<'applyToken'>['grantType'], 'AUTHORIZATION_CODE' | 'REFRESH_TOKEN'>>,
  Assert<Has<RequestOf<'pay'>['order'], { orderDescription: string; buyer?: { referenceBuyerId?: string } }>>,
];
// @ts-expect-error a code of another page is not refund's
export const notRefunds: CodeOf<'refund'> = 'INVALID_SCOPE';
// @ts-expect-error grantType is one of the documented values
export const badGrant: RequestOf<'applyToken'> = { grantType: 'PASSWORD' };
// @ts-expect-error pay needs order.orderDescription
export const noDescription: RequestOf<'pay'> = { productCode: '51051000101000000011', paymentRequestId: 'x', paymentAmount: { currency: 'IQD', value: '1' }, order: {} };
// @ts-expect-error productCode is one of the documented codes
export const badProduct: RequestOf<'pay'>['productCode'] = '123';
