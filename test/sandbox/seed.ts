/**
 * Many records quickly, for the paging tests: agreement payments (one signed Open API call each, paid at
 * once, a notification each when `notify` is given), a few at a time.
 */
import { AGREEMENT, ALI } from './merchant.js';
import { rid, type Fixture } from './fixture.js';

/** prepare → the user signs → applyToken: an agreement token for `userId`. */
export async function agreementToken(f: Fixture, userId = ALI): Promise<string> {
  const prep = await f.merchant.call('/v1/authorizations/prepare', { scopes: 'AGREEMENT_PAY', extendInfo: '{}' });
  const authCode = await f.sandbox.sign(prep.json.authUrl, { as: userId });
  const token = await f.merchant.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode });
  if (token.json.result.resultStatus !== 'S') throw new Error(JSON.stringify(token.json));
  return token.json.accessToken as string;
}

/** A paid payment. */
export interface Seeded {
  paymentId: string;
  paymentRequestId: string;
}

/** `count` agreement payments of `fils` each with `token`, in order of their request ids (`prefix`-0001…). */
export async function agreementPays(f: Fixture, token: string, count: number, o: { fils?: number; notify?: string; prefix?: string } = {}): Promise<Seeded[]> {
  const prefix = o.prefix ?? rid('SEED');
  const paid: Seeded[] = [];
  const payOne = async (i: number): Promise<Seeded> => {
    const paymentRequestId = `${prefix}-${String(i).padStart(4, '0')}`;
    const r = await f.merchant.call('/v1/payments/pay', {
      productCode: AGREEMENT,
      paymentRequestId,
      paymentAuthCode: token,
      paymentAmount: { currency: 'IQD', value: String(o.fils ?? 1000) },
      order: { orderDescription: `Seed ${i}` },
      ...(o.notify ? { paymentNotifyUrl: o.notify } : {}),
    });
    if (r.json.result.resultCode !== 'SUCCESS') throw new Error(JSON.stringify(r.json));
    return { paymentId: r.json.paymentId as string, paymentRequestId };
  };
  // a few at a time: fast, and each batch is newer than the one before
  for (let i = 0; i < count; i += 8) paid.push(...(await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, k) => payOne(i + k + 1)))));
  return paid;
}
