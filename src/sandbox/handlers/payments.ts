/** pay and inquiryPayment (`06-pay`, `04-inquiryPayment`): cashier, agreement and escrow payments. */
import { formatTime, parseTime } from '../signing.js';
import { own, type PaymentKind, type PaymentRecord } from '../state.js';
import { amount, amountOf, lookupToken, newId, takeForced, text, type Ctx, type Handler } from './context.js';
import { completePayment, endingOf, endPayment, payerProblem } from './lifecycle.js';

/** productCode → kind: the docs' codes and the names Qi's demo backend sends. */
export const PRODUCT_CODES: Readonly<Record<string, PaymentKind>> = {
  '51051000101000000011': 'cashier',
  '51051000101000000012': 'cashier',
  ONLINE_PURCHASE: 'cashier',
  '51051000101000100031': 'agreement',
  AGREEMENT_PAYMENT: 'agreement',
  '51051000101000100008': 'escrow',
  ESCROW_PAYMENT: 'escrow',
};

/** The cashier link `pay` answers; the wallet API reads the payment back from it. */
export const cashierUrl = (url: string, paymentId: string): string => `${url}/cashier?paymentId=${paymentId}`;

/** pay's A answer: the cashier link under both names (the docs say redirectionUrl, Qi's demo backend and Go client read redirectUrl). */
function accepted(ctx: Ctx, paymentId: string) {
  const link = cashierUrl(ctx.url, paymentId);
  return { paymentId, redirectActionForm: { redirectionUrl: link, redirectUrl: link } };
}

/** This merchant's payment by paymentId, else by paymentRequestId (empty strings are absent). */
export function findPayment(ctx: Ctx, body: Record<string, unknown>): PaymentRecord | undefined {
  const id = text(body, 'paymentId');
  if (id) {
    const p = ctx.tx.get('payments', id);
    return p?.clientId === ctx.clientId ? p : undefined;
  }
  const requestId = text(body, 'paymentRequestId');
  return requestId ? ctx.tx.paymentByRequest(ctx.clientId, requestId) : undefined;
}

export const pay: Handler<'pay'> = (ctx, body, r) => {
  const productCode = text(body, 'productCode')!;
  const kind = own(PRODUCT_CODES, productCode);
  if (!kind) return r.fail('PARAM_ILLEGAL', `pay: productCode ${JSON.stringify(productCode)} is none of ${Object.keys(PRODUCT_CODES).join(', ')}`);
  const { fils, currency } = amountOf(body, 'paymentAmount')!;
  if (currency !== 'IQD') return r.fail('CURRENCY_NOT_SUPPORT', `pay: currency ${JSON.stringify(currency)} is not supported (IQD only)`);
  if (fils > ctx.limits.paymentLimitFils) return r.fail('PAYMENT_AMOUNT_EXCEED_LIMIT');
  const merchant = ctx.tx.get('merchants', ctx.clientId);
  if (!merchant) return r.fail('PARTNER_NOT_EXIST');
  if (merchant.status !== 'NORMAL') return r.fail('PARTNER_STATUS_ABNORMAL');
  const requestId = text(body, 'paymentRequestId')!;
  const p = ctx.tx.paymentByRequest(ctx.clientId, requestId);
  if (p) {
    // the same request again (open-api.ts checked the body is the same): a payment that reached a final
    // status has one result (06-pay: "the wallet must return the unique result"): paid → success (even if
    // later cancelled or voided), ended unpaid → its failure; one still open → its first answer again
    if (p.paidAt !== undefined) return r.ok({ paymentId: p.paymentId, paymentTime: formatTime(p.paidAt) });
    if (p.status !== 'PROCESSING') {
      const ending = endingOf(p);
      return r.fail(ending.code, ending.message, { paymentId: p.paymentId });
    }
    return p.kind === 'agreement' ? r.fail('PAYMENT_IN_PROCESS', undefined, { paymentId: p.paymentId }) : r.ok(accepted(ctx, p.paymentId), 'ACCEPT');
  }
  const expiryText = text(body, 'paymentExpiryTime');
  const expiresAt = expiryText === undefined ? ctx.now + ctx.limits.paymentTimeoutMs : parseTime(expiryText);
  if (Number.isNaN(expiresAt)) return r.fail('PARAM_ILLEGAL', `pay: paymentExpiryTime ${JSON.stringify(expiryText)} is not an ISO 8601 date-time with a zone`);
  const buyerId = text(body, 'order.buyer.referenceBuyerId');

  const paymentId = newId(ctx.now, '8001');
  const payment: PaymentRecord = {
    paymentId,
    paymentRequestId: requestId,
    clientId: ctx.clientId,
    kind,
    productCode,
    amount: fils,
    currency,
    orderDescription: text(body, 'order.orderDescription') ?? '',
    ...(buyerId ? { referenceBuyerId: buyerId } : {}),
    status: 'PROCESSING',
    createdAt: ctx.now,
    expiresAt,
    ...optional(body, ['paymentNotifyUrl', 'paymentRedirectUrl', 'voidNotifyUrl', 'extendInfo']),
    held: 0,
    refunded: 0,
    voided: 0,
    transactions: [],
  };
  const record = (p: PaymentRecord) => {
    if (p === payment) ctx.tx.put('payments', paymentId, p);
  };

  if (kind !== 'agreement') {
    if (!buyerId) return r.fail('PARAM_ILLEGAL', `pay: order.buyer.referenceBuyerId is required for ${kind} payments`);
    if (!ctx.tx.get('users', buyerId)) return r.fail('USER_NOT_EXIST', `pay: no sandbox user ${buyerId} (use the customerId applyToken answered)`);
    record(payment);
    return r.ok(accepted(ctx, paymentId), 'ACCEPT');
  }

  const authCode = text(body, 'paymentAuthCode');
  if (!authCode) return r.fail('PARAM_ILLEGAL', 'pay: paymentAuthCode (the agreement accessToken) is required for agreement payments');
  const code = ctx.tx.get('authCodes', authCode);
  if (code) return r.fail(code.usedAt !== undefined ? 'AUTH_CODE_ALREADY_USED' : 'INVALID_CODE', 'pay: paymentAuthCode is an authCode; redeem it with applyToken and pay with the accessToken');
  const token = lookupToken(ctx, authCode);
  if (typeof token === 'string') return r.fail('INVALID_ACCESS_TOKEN', `pay: paymentAuthCode is not a valid agreement accessToken (${token})`);
  if (!token.scopes.includes('AGREEMENT_PAY')) return r.fail('INVALID_ACCESS_TOKEN', 'pay: the accessToken carries no AGREEMENT_PAY grant');
  if (buyerId && buyerId !== token.userId) return r.fail('RISK_REJECT', 'pay: order.buyer.referenceBuyerId is not the user who signed the agreement');

  const forced = takeForced(ctx, ['decline', 'pending', 'expire', 'network-error']);
  if (forced === 'network-error') return r.fail('UNKNOWN_EXCEPTION', 'Forced by the sandbox page: network error (nothing was created)');
  const held = { ...payment, payerId: token.userId };
  record(held);
  if (forced === 'decline') {
    endPayment(ctx, held, 'FAIL', 'RISK_REJECT');
    return r.fail('RISK_REJECT', 'Forced by the sandbox page: decline', { paymentId });
  }
  if (forced === 'expire') {
    endPayment(ctx, held, 'CLOSED', 'ORDER_IS_CLOSED');
    return r.fail('ORDER_STATUS_INVALID', 'Forced by the sandbox page: the order closed', { paymentId });
  }
  if (forced === 'pending') {
    ctx.tx.put('payments', paymentId, { ...held, settleAt: ctx.now + ctx.limits.settleMs });
    return r.fail('PAYMENT_IN_PROCESS', undefined, { paymentId });
  }
  const problem = payerProblem(ctx, held, token.userId);
  if (problem) {
    endPayment(ctx, held, 'FAIL', problem);
    return r.fail(problem, undefined, { paymentId });
  }
  const paid = completePayment(ctx, held, token.userId);
  return r.ok({ paymentId, paymentTime: formatTime(paid.paidAt!) });
};

function optional(body: Record<string, unknown>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = text(body, n);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

/** inquiryPayment's paymentStatus: the page lists PROCESSING, AUTH_SUCCESS, SUCCESS, FAIL. */
export const paymentStatusOf = (p: PaymentRecord): 'PROCESSING' | 'SUCCESS' | 'FAIL' => (p.status === 'PROCESSING' ? 'PROCESSING' : p.status === 'SUCCESS' ? 'SUCCESS' : 'FAIL');

export const inquiryPayment: Handler<'inquiryPayment'> = (ctx, body, r) => {
  const p = findPayment(ctx, body);
  if (!p) return r.fail('ORDER_NOT_EXIST');
  return r.ok({
    paymentId: p.paymentId,
    paymentRequestId: p.paymentRequestId,
    paymentAmount: amount(p.amount, p.currency),
    ...(p.paidAt !== undefined ? { paymentTime: formatTime(p.paidAt) } : {}),
    paymentStatus: paymentStatusOf(p),
    transactions: p.transactions.map((t) => ({
      transactionAmount: amount(t.amount, p.currency),
      transactionId: t.transactionId,
      transactionTime: formatTime(t.time),
      transactionType: t.transactionType,
      transactionStatus: t.transactionStatus,
    })),
    // what the documented fields cannot say (closed vs declined, escrow stage), as the page's extendInfo string
    extendInfo: JSON.stringify({ sandboxStatus: p.status, ...(p.failCode ? { failCode: p.failCode } : {}), ...(p.escrow ? { escrowStatus: p.escrow } : {}) }),
  });
};
