// @vitest-environment node
/**
 * Every method of `superqi-bridge/server` against a real sandbox: each documented code that a real
 * sandbox state produces, then every code of every page (and the common ones) through fail-next,
 * each coming back as the typed outcome with the docs' status, never thrown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_INFO, COMMON_CODES } from '../../src/contract/codes.js';
import { OPEN_APIS, type OpenApiName } from '../../src/contract/open-apis.js';
import { fils, iqd, type Outcome, type RequestOf } from '../../src/server/index.js';
import { agreementToken, ALI, cashierPayment, CASHIER, ESCROW, login, merchantBalance, NOOR_BUSINESS, rid, startWorld, AGREEMENT, type World } from './support.js';

let w: World;
beforeAll(async () => {
  w = await startWorld({ clocked: true });
}, 30000);
afterAll(() => w?.close());

const templates = [{ templateParameters: { Title: 'Hello', Content: 'Your order shipped', Url: 'https://merchant.example/order' } }];

describe('authorization', () => {
  it('applyToken: S for an authCode, then USED_CODE; INVALID_CODE; REFRESH_TOKEN S then USED_REFRESH_TOKEN; an unsupported grantType', async () => {
    const authCode = await w.sandbox.authCode({ user: ALI, scopes: ['USER_ID'] });
    const ok = await w.qi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode });
    expect(ok).toMatchObject({ status: 'S', ok: true, code: 'SUCCESS', api: 'applyToken', attempts: 1, customerId: ALI, accessToken: expect.any(String) });
    expect(ok.result).toEqual(ok.response.result);
    expect(await w.qi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode })).toMatchObject({ status: 'F', ok: false, code: 'USED_CODE' });
    expect(await w.qi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode: 'nope' })).toMatchObject({ status: 'F', code: 'INVALID_CODE' });
    const refreshed = await w.qi.applyToken({ grantType: 'REFRESH_TOKEN', refreshToken: ok.refreshToken! });
    expect(refreshed).toMatchObject({ status: 'S', accessToken: expect.any(String) });
    expect(await w.qi.applyToken({ grantType: 'REFRESH_TOKEN', refreshToken: ok.refreshToken! })).toMatchObject({ status: 'F', code: 'USED_REFRESH_TOKEN' });
    expect(await w.qi.applyToken({ grantType: 'PASSWORD' as 'REFRESH_TOKEN', refreshToken: 'x' })).toMatchObject({ status: 'F', code: 'AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE' });
  });

  it('applyToken: EXPIRED_CODE once the code outlived its lifetime', async () => {
    const authCode = await w.sandbox.authCode({ user: ALI, scopes: ['USER_ID'] });
    w.advance(24 * 3600_000);
    expect(await w.qi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode })).toMatchObject({ status: 'F', code: 'EXPIRED_CODE' });
  });

  it('prepare: S with an authUrl; INVALID_SCOPE for another scope', async () => {
    const r = await w.qi.prepare({ scopes: 'AGREEMENT_PAY', extendInfo: JSON.stringify({ language: 'en-US', contractDesc: 'Plan' }) });
    expect(r).toMatchObject({ status: 'S', authUrl: expect.stringContaining('/contract?authId=') });
    expect(await w.qi.prepare({ scopes: 'USER_ID' as 'AGREEMENT_PAY', extendInfo: '{}' })).toMatchObject({ status: 'F', code: 'INVALID_SCOPE' });
  });
});

describe('users and merchants', () => {
  it('inquiryUserInfo: S with the granted fields; INVALID_ACCESS_TOKEN; EXPIRED_ACCESS_TOKEN', async () => {
    const { accessToken } = await login(w, ['USER_ID', 'USER_NAME']);
    const r = await w.qi.inquiryUserInfo({ accessToken });
    expect(r).toMatchObject({ status: 'S', userInfo: { userId: ALI, userName: { fullName: expect.any(String) } } });
    expect(await w.qi.inquiryUserInfo({ accessToken: 'bad' })).toMatchObject({ status: 'F', code: 'INVALID_ACCESS_TOKEN' });
    w.advance(30 * 24 * 3600_000);
    expect(await w.qi.inquiryUserInfo({ accessToken })).toMatchObject({ status: 'F', code: 'EXPIRED_ACCESS_TOKEN' });
  });

  it('inquiryUserCardList / inquiryUserAccountList: S with the lists; ACCESS_TOKEN_NOT_COVER_THE_SCOPE without the scope', async () => {
    const { accessToken } = await login(w, ['CARD_LIST', 'ACCOUNT_LIST']);
    const cards = await w.qi.inquiryUserCardList({ accessToken });
    expect(cards.status).toBe('S');
    expect(cards.cardList?.[0]).toMatchObject({ maskedCardNo: expect.any(String), accountNumber: expect.any(String) });
    expect((await w.qi.inquiryUserAccountList({ accessToken })).accountList?.[0]).toMatchObject({ accountNumber: expect.any(String) });
    const narrow = await login(w, ['USER_ID']);
    expect(await w.qi.inquiryUserCardList({ accessToken: narrow.accessToken })).toMatchObject({ status: 'F', code: 'ACCESS_TOKEN_NOT_COVER_THE_SCOPE' });
    expect(await w.qi.inquiryUserAccountList({ accessToken: narrow.accessToken })).toMatchObject({ status: 'F', code: 'ACCESS_TOKEN_NOT_COVER_THE_SCOPE' });
  });

  it('inquiryMerchantInfo: S for a business user token; INVALID_ACCESS_TOKEN for a bad one', async () => {
    const { accessToken } = await login(w, ['MERCHANT_ID', 'MERCHANT_NAME', 'MERCHANT_LOGO'], NOOR_BUSINESS);
    const r = await w.qi.inquiryMerchantInfo({ accessToken });
    expect(r).toMatchObject({ status: 'S', merchantInfo: { merchantId: expect.any(String), merchantName: expect.any(String) } });
    expect(await w.qi.inquiryMerchantInfo({ accessToken: 'bad' })).toMatchObject({ status: 'F', code: 'INVALID_ACCESS_TOKEN' });
  });

  it('sendInbox / sendPush: S with a messageId; the same requestId answers the stored result; ACCESS_TOKEN_NOT_COVER_THE_SCOPE', async () => {
    const { accessToken } = await login(w, ['NOTIFICATION_INBOX', 'NOTIFICATION_PUSH']);
    const requestId = rid('MSG');
    const inbox = await w.qi.sendInbox({ accessToken, requestId, templateCode: 'MINI_APP_COMMON_INBOX', templates });
    expect(inbox).toMatchObject({ status: 'S', messageId: expect.any(String) });
    expect((await w.qi.sendInbox({ accessToken, requestId, templateCode: 'MINI_APP_COMMON_INBOX', templates })).messageId).toBe(inbox.messageId);
    expect(await w.qi.sendPush({ accessToken, requestId: rid('PUSH'), templateCode: 'MINI_APP_COMMON_PUSH', templates })).toMatchObject({ status: 'S', messageId: expect.any(String) });
    const narrow = await login(w, ['USER_ID']);
    expect(await w.qi.sendPush({ accessToken: narrow.accessToken, requestId: rid('PUSH'), templateCode: 'MINI_APP_COMMON_PUSH', templates })).toMatchObject({ status: 'F', code: 'ACCESS_TOKEN_NOT_COVER_THE_SCOPE' });
  });
});

describe('payments', () => {
  it('pay (cashier): A with the cashier link; the user pays; inquiryPayment S/SUCCESS; the same request again answers as before', async () => {
    const paymentRequestId = rid('PAY');
    const request: RequestOf<'pay'> = { productCode: CASHIER, paymentRequestId, paymentAmount: iqd(12.5), order: { orderDescription: 'Tea', buyer: { referenceBuyerId: ALI } } };
    const r = await w.qi.pay(request);
    expect(r).toMatchObject({ status: 'A', ok: false, code: 'ACCEPT', paymentId: expect.any(String), redirectActionForm: { redirectionUrl: expect.stringContaining('/cashier?paymentId=') } });
    const before = await w.qi.inquiryPayment({ paymentRequestId });
    expect(before).toMatchObject({ status: 'S', paymentStatus: 'PROCESSING', paymentAmount: { currency: 'IQD', value: '12500' } });
    await w.sandbox.pay(r.paymentId!);
    const after = await w.qi.inquiryPayment({ paymentId: r.paymentId! });
    expect(after).toMatchObject({ status: 'S', paymentStatus: 'SUCCESS', paymentTime: expect.any(String), transactions: [expect.objectContaining({ transactionAmount: fils(12500) })] });
    expect(await w.qi.pay(request)).toMatchObject({ status: 'S', paymentId: r.paymentId });
    expect(await w.qi.pay({ ...request, paymentAmount: iqd(13) })).toMatchObject({ status: 'F', code: 'REPEAT_REQ_INCONSISTENT' });
    expect(await w.qi.inquiryPayment({ paymentRequestId: 'nope' })).toMatchObject({ status: 'F', code: 'ORDER_NOT_EXIST' });
  });

  it('pay: the codes real states produce (USER_NOT_EXIST, CURRENCY_NOT_SUPPORT, PAYMENT_AMOUNT_EXCEED_LIMIT, INVALID_ACCESS_TOKEN, INVALID_CODE, RISK_REJECT, PAYMENT_IN_PROCESS)', async () => {
    const base = (over: Partial<RequestOf<'pay'>> = {}): RequestOf<'pay'> => ({ productCode: CASHIER, paymentRequestId: rid('PAY'), paymentAmount: iqd(1), order: { orderDescription: 'x', buyer: { referenceBuyerId: ALI } }, ...over });
    expect(await w.qi.pay(base({ order: { orderDescription: 'x', buyer: { referenceBuyerId: '999' } } }))).toMatchObject({ status: 'F', code: 'USER_NOT_EXIST' });
    expect(await w.qi.pay(base({ paymentAmount: { currency: 'USD', value: '100' } }))).toMatchObject({ status: 'F', code: 'CURRENCY_NOT_SUPPORT' });
    expect(await w.qi.pay(base({ paymentAmount: iqd(100_000_000) }))).toMatchObject({ status: 'F', code: 'PAYMENT_AMOUNT_EXCEED_LIMIT' });
    expect(await w.qi.pay(base({ productCode: AGREEMENT, paymentAuthCode: 'not-a-token', order: { orderDescription: 'x' } }))).toMatchObject({ status: 'F', code: 'INVALID_ACCESS_TOKEN' });
    const authCode = await w.sandbox.authCode({ user: ALI, scopes: ['USER_ID'] });
    expect(await w.qi.pay(base({ productCode: AGREEMENT, paymentAuthCode: authCode, order: { orderDescription: 'x' } }))).toMatchObject({ status: 'F', code: 'INVALID_CODE' });
    const token = await agreementToken(w);
    expect(await w.qi.pay(base({ productCode: AGREEMENT, paymentAuthCode: token, order: { orderDescription: 'x' } }))).toMatchObject({ status: 'S', paymentTime: expect.any(String) });
    await w.sandbox.force('decline');
    expect(await w.qi.pay(base({ productCode: AGREEMENT, paymentAuthCode: token, order: { orderDescription: 'x' } }))).toMatchObject({ status: 'F', code: 'RISK_REJECT' });
    await w.sandbox.force('pending');
    // U on pay is retried with the same paymentRequestId: still in process, so the last U is returned
    expect(await w.qi.pay(base({ productCode: AGREEMENT, paymentAuthCode: token, order: { orderDescription: 'x' } }))).toMatchObject({ status: 'U', code: 'PAYMENT_IN_PROCESS', attempts: 3 });
  });

  it('refund and inquiryRefund: S, then REFUND_AMOUNT_EXCEED, ORDER_NOT_EXIST, ORDER_STATUS_INVALID, REFUND_NOT_EXIST', async () => {
    const { paymentId } = await cashierPayment(w, 20);
    const refundRequestId = rid('REFUND');
    const before = merchantBalance(w);
    const r = await w.qi.refund({ refundRequestId, paymentId, refundAmount: iqd(5), refundReason: 'Returned' });
    expect(r).toMatchObject({ status: 'S', refundId: expect.any(String), refundTime: expect.any(String) });
    expect(merchantBalance(w)).toBe(before - 5000);
    expect(await w.qi.inquiryRefund({ refundRequestId })).toMatchObject({ status: 'S', refundStatus: 'SUCCESS', refundAmount: iqd(5), refundId: r.refundId });
    expect(await w.qi.refund({ refundRequestId: rid('REFUND'), paymentId, refundAmount: iqd(16) })).toMatchObject({ status: 'F', code: 'REFUND_AMOUNT_EXCEED' });
    expect(await w.qi.refund({ refundRequestId: rid('REFUND'), paymentId: 'nope', refundAmount: iqd(1) })).toMatchObject({ status: 'F', code: 'ORDER_NOT_EXIST' });
    const unpaid = await cashierPayment(w, 3, { pay: false });
    expect(await w.qi.refund({ refundRequestId: rid('REFUND'), paymentId: unpaid.paymentId, refundAmount: iqd(1) })).toMatchObject({ status: 'F', code: 'ORDER_STATUS_INVALID' });
    expect(await w.qi.inquiryRefund({ refundId: 'nope' })).toMatchObject({ status: 'F', code: 'REFUND_NOT_EXIST' });
  });

  it('escrow: merchantAccept S then ORDER_IS_MERCHANT_ACCEPTED, confirm S, void S / VOID_AMOUNT_EXCEEDS_AUTH_LIMIT / ORDER_NOT_EXISTS, cancel S / ORDER_UNSUPPORTED_OPERATION', async () => {
    const held = await cashierPayment(w, 30, { productCode: ESCROW });
    expect(await w.qi.merchantAccept({ paymentId: held.paymentId })).toMatchObject({ status: 'S', code: 'SUCCESS' });
    expect(await w.qi.merchantAccept({ paymentId: held.paymentId })).toMatchObject({ status: 'F', code: 'ORDER_IS_MERCHANT_ACCEPTED' });
    expect(await w.qi.confirm({ paymentId: held.paymentId, confirmRequestId: rid('CONFIRM') })).toMatchObject({ status: 'S', confirmId: expect.any(String), confirmTime: expect.any(String) });

    const voided = await cashierPayment(w, 30, { productCode: ESCROW });
    await w.qi.merchantAccept({ paymentId: voided.paymentId });
    expect(await w.qi.void({ voidRequestId: rid('VOID'), paymentId: voided.paymentId, voidAmount: iqd(31) })).toMatchObject({ status: 'F', code: 'VOID_AMOUNT_EXCEEDS_AUTH_LIMIT' });
    const voidRequestId = rid('VOID');
    expect(await w.qi.void({ voidRequestId, paymentId: voided.paymentId, voidAmount: iqd(10) })).toMatchObject({ status: 'S', voidRequestId, voidId: expect.any(String) });
    expect(await w.qi.void({ voidRequestId: rid('VOID'), paymentId: 'nope' })).toMatchObject({ status: 'F', code: 'ORDER_NOT_EXISTS' });

    const cancelled = await cashierPayment(w, 7, { productCode: ESCROW });
    expect(await w.qi.cancel({ paymentRequestId: cancelled.paymentRequestId })).toMatchObject({ status: 'S', paymentId: cancelled.paymentId, cancelTime: expect.any(String) });
    const plain = await cashierPayment(w, 7);
    expect(await w.qi.merchantAccept({ paymentId: plain.paymentId })).toMatchObject({ status: 'F', code: 'ORDER_UNSUPPORTED_OPERATION' });
  });
});

/** A request of each API that passes the contract (fail-next answers before the sandbox's own checks). */
const SAMPLE: { [K in OpenApiName]: () => RequestOf<K> } = {
  applyToken: () => ({ grantType: 'AUTHORIZATION_CODE', authCode: 'code' }),
  prepare: () => ({ scopes: 'AGREEMENT_PAY', extendInfo: '{"contractDesc":"x"}' }),
  inquiryPayment: () => ({ paymentId: 'p' }),
  inquiryRefund: () => ({ refundRequestId: 'r' }),
  pay: () => ({ productCode: CASHIER, paymentRequestId: rid(), paymentAmount: iqd(1), order: { orderDescription: 'x', buyer: { referenceBuyerId: ALI } } }),
  refund: () => ({ refundRequestId: rid(), paymentId: 'p', refundAmount: iqd(1) }),
  merchantAccept: () => ({ paymentId: 'p' }),
  confirm: () => ({ paymentId: 'p', confirmRequestId: rid() }),
  cancel: () => ({ paymentId: 'p' }),
  void: () => ({ voidRequestId: rid(), paymentId: 'p' }),
  inquiryUserInfo: () => ({ accessToken: 't' }),
  inquiryUserCardList: () => ({ accessToken: 't' }),
  inquiryUserAccountList: () => ({ accessToken: 't' }),
  sendInbox: () => ({ accessToken: 't', requestId: rid(), templateCode: 'MINI_APP_COMMON_INBOX', templates }),
  sendPush: () => ({ accessToken: 't', requestId: rid(), templateCode: 'MINI_APP_COMMON_PUSH', templates }),
  inquiryMerchantInfo: () => ({ accessToken: 't' }),
};

describe('every documented code of every page, through fail-next', () => {
  const names = Object.keys(OPEN_APIS) as OpenApiName[];
  it.each(names)('%s: each of its codes and the common ones come back typed, with the documented status, not thrown', async (name) => {
    const codes = [...new Set([...OPEN_APIS[name].codes, ...COMMON_CODES])];
    for (const code of codes) {
      w.sandbox.failNext(name, code);
      const r = (await w.qi.call(name, SAMPLE[name]() as never, { retries: 0 })) as Outcome<OpenApiName>;
      expect({ code: r.code, status: r.status, ok: r.ok, attempts: r.attempts }).toEqual({ code, status: CODE_INFO[code]![0], ok: false, attempts: 1 });
    }
  });
});
