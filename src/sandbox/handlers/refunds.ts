/** refund and inquiryRefund (`07-refund`, `05-inquiryRefund`): partial refunds, their total bounded by the payment. */
import { formatTime } from '../signing.js';
import { amount, amountOf, newId, takeForced, text, type Handler } from './context.js';
import { transaction } from './lifecycle.js';
import { findPayment } from './payments.js';

export const refund: Handler<'refund'> = (ctx, body, r) => {
  const requestId = text(body, 'refundRequestId')!;
  const earlier = ctx.tx.refundByRequest(ctx.clientId, requestId);
  if (earlier) {
    // the same request after an unknown (U) answer: where that refund stands now
    if (earlier.status === 'PROCESSING') return r.fail('REFUND_IN_PROCESS', undefined, { refundId: earlier.refundId });
    if (earlier.status === 'SUCCESS') return r.ok({ refundId: earlier.refundId, refundTime: formatTime(earlier.refundTime!) });
    return r.fail('REFUND_NOT_ALLOWED', earlier.failReason);
  }
  // paymentId, then paymentRequestId, then captureId (the sandbox's capture id is the paymentId)
  const payment = findPayment(ctx, text(body, 'paymentId') || text(body, 'paymentRequestId') ? body : { paymentId: text(body, 'captureId') });
  if (!payment) return r.fail('ORDER_NOT_EXIST');
  const { fils, currency } = amountOf(body, 'refundAmount')!;
  if (currency !== payment.currency) return r.fail('CURRENCY_NOT_SUPPORT', `refund: currency ${currency} is not the payment's (${payment.currency})`);
  const merchant = ctx.tx.get('merchants', payment.clientId)!;
  if (merchant.status !== 'NORMAL') return r.fail('PARTNER_STATUS_ABNORMAL');
  if (payment.status !== 'SUCCESS') return r.fail('ORDER_STATUS_INVALID', `refund: payment ${payment.paymentId} is ${payment.status}, not paid`);
  if (payment.kind === 'escrow' && payment.escrow !== 'CONFIRMED') {
    return r.fail('ORDER_STATUS_INVALID', `refund: escrow payment ${payment.paymentId} is ${payment.escrow}; use cancel before merchantAccept, void after it`);
  }
  if (ctx.now - payment.paidAt! > ctx.limits.refundWindowMs) return r.fail('REFUND_WINDOW_EXCEED');
  const refundable = payment.amount - payment.refunded - payment.voided;
  if (fils > refundable) return r.fail('REFUND_AMOUNT_EXCEED', `refund: ${fils} fils asked, ${refundable} fils left to refund`);
  if (merchant.balance < fils) return r.fail('PARTNER_BALANCE_NOT_ENOUGH');
  const payer = ctx.tx.get('users', payment.payerId!);
  if (!payer) return r.fail('USER_NOT_EXIST');

  const forced = takeForced(ctx, ['decline', 'pending', 'expire', 'network-error']);
  if (forced === 'network-error') return r.fail('UNKNOWN_EXCEPTION', 'Forced by the sandbox page: network error (nothing was created)');
  if (forced === 'expire') return r.fail('REFUND_WINDOW_EXCEED', 'Forced by the sandbox page: refund window passed');
  const refundId = newId(ctx.now, '8013');
  const base = {
    refundId,
    refundRequestId: requestId,
    clientId: ctx.clientId,
    paymentId: payment.paymentId,
    amount: fils,
    currency,
    ...(text(body, 'refundReason') ? { reason: text(body, 'refundReason') } : {}),
    createdAt: ctx.now,
  };
  if (forced === 'decline') {
    ctx.tx.put('refunds', refundId, { ...base, status: 'FAIL', failReason: 'Forced by the sandbox page: decline' });
    return r.fail('REFUND_NOT_ALLOWED', 'Forced by the sandbox page: decline');
  }
  // money moves now; a forced-pending refund shows PROCESSING until it settles
  ctx.tx.put('merchants', merchant.clientId, { ...merchant, balance: merchant.balance - fils });
  ctx.tx.put('users', payer.userId, { ...payer, balance: payer.balance + fils });
  const pending = forced === 'pending';
  ctx.tx.put('payments', payment.paymentId, {
    ...payment,
    refunded: payment.refunded + fils,
    transactions: [...payment.transactions, transaction(ctx, 'REFUND', fils, pending ? 'PROCESSING' : 'SUCCESS')],
  });
  if (pending) {
    ctx.tx.put('refunds', refundId, { ...base, status: 'PROCESSING', settleAt: ctx.now + ctx.limits.settleMs });
    return r.fail('REFUND_IN_PROCESS', undefined, { refundId });
  }
  ctx.tx.put('refunds', refundId, { ...base, status: 'SUCCESS', refundTime: ctx.now });
  return r.ok({ refundId, refundTime: formatTime(ctx.now) });
};

export const inquiryRefund: Handler<'inquiryRefund'> = (ctx, body, r) => {
  const id = text(body, 'refundId');
  const refund = id ? ctx.tx.get('refunds', id) : ctx.tx.refundByRequest(ctx.clientId, text(body, 'refundRequestId') ?? '');
  if (!refund || refund.clientId !== ctx.clientId) return r.fail('REFUND_NOT_EXIST');
  return r.ok({
    refundId: refund.refundId,
    refundRequestId: refund.refundRequestId,
    refundAmount: amount(refund.amount, refund.currency),
    ...(refund.reason ? { refundReason: refund.reason } : {}),
    ...(refund.refundTime !== undefined ? { refundTime: formatTime(refund.refundTime) } : {}),
    refundStatus: refund.status,
    ...(refund.failReason ? { refundFailReason: refund.failReason } : {}),
  });
};
