/**
 * How a payment moves: paid (money leaves the payer: to the merchant, or into escrow), failed or
 * closed (nothing moves), and the notification its first final state queues when the merchant gave
 * `paymentNotifyUrl`. Used by pay, the cashier (wallet API), cancel and the expiry sweep.
 *
 * One payment, one story: the payment notification is sent once, when the payment leaves PROCESSING
 * (paid, declined, cancelled or closed unpaid); what happens to a paid payment later (cancel, void,
 * refund) is answered to the merchant who asked, and void also notifies `voidNotifyUrl`.
 */
import { formatTime } from '../signing.js';
import type { DeliveryRecord, PaymentRecord, TransactionRecord } from '../state.js';
import { resultOf } from '../table/codes.js';
import { amount, newId, type Ctx } from './context.js';

/** Why a payer cannot pay `payment` now (a pay result code), or null. */
export function payerProblem(ctx: Ctx, payment: PaymentRecord, userId: string): 'USER_NOT_EXIST' | 'USER_STATUS_ABNORMAL' | 'USER_AMOUNT_EXCEED_LIMIT' | 'USER_BALANCE_NOT_ENOUGH' | null {
  const user = ctx.tx.get('users', userId);
  if (!user) return 'USER_NOT_EXIST';
  if (user.status !== 'NORMAL') return 'USER_STATUS_ABNORMAL';
  if (payment.amount > user.singleLimit) return 'USER_AMOUNT_EXCEED_LIMIT';
  if (user.balance < payment.amount) return 'USER_BALANCE_NOT_ENOUGH';
  return null;
}

export const transaction = (ctx: Ctx, type: TransactionRecord['transactionType'], amountFils: number, status: TransactionRecord['transactionStatus'] = 'SUCCESS'): TransactionRecord => ({
  transactionId: newId(ctx.now, '8017'),
  transactionType: type,
  transactionStatus: status,
  amount: amountFils,
  time: ctx.now,
});

/** Pays: the payer's balance moves to the merchant (or into escrow). Call after `payerProblem` said null. */
export function completePayment(ctx: Ctx, payment: PaymentRecord, userId: string): PaymentRecord {
  const user = ctx.tx.get('users', userId)!;
  ctx.tx.put('users', userId, { ...user, balance: user.balance - payment.amount });
  let held = 0;
  if (payment.kind === 'escrow') held = payment.amount;
  else {
    const merchant = ctx.tx.get('merchants', payment.clientId)!;
    ctx.tx.put('merchants', payment.clientId, { ...merchant, balance: merchant.balance + payment.amount });
  }
  const paid: PaymentRecord = {
    ...payment,
    status: 'SUCCESS',
    payerId: userId,
    paidAt: ctx.now,
    held,
    settleAt: undefined,
    ...(payment.kind === 'escrow' ? { escrow: 'HELD' as const } : {}),
    transactions: [...payment.transactions, transaction(ctx, 'PAY', payment.amount)],
  };
  save(ctx, paid, true);
  return paid;
}

/**
 * Ends a payment: FAIL (declined) or CLOSED / CANCELLED. Nothing moves here (a paid payment's money
 * is given back by its caller first); only an unpaid one notifies.
 */
export function endPayment(ctx: Ctx, payment: PaymentRecord, status: 'FAIL' | 'CLOSED' | 'CANCELLED', failCode: string, payerId?: string): PaymentRecord {
  const ended: PaymentRecord = { ...payment, status, failCode, closedAt: ctx.now, settleAt: undefined, ...(payerId ? { payerId } : {}) };
  save(ctx, ended, payment.status === 'PROCESSING');
  return ended;
}

/** Stores the payment and, when it just left PROCESSING and has a notify URL, queues its notification. */
function save(ctx: Ctx, payment: PaymentRecord, settled: boolean): void {
  ctx.tx.put('payments', payment.paymentId, payment);
  if (settled && payment.paymentNotifyUrl) queueDelivery(ctx, 'payment', payment, payment.paymentNotifyUrl, notificationBody(payment));
}

/** pay's codes for a payment that ended unpaid (the notification and a repeated pay answer them). */
export type Ending = 'ORDER_STATUS_INVALID' | 'USER_NOT_EXIST' | 'USER_STATUS_ABNORMAL' | 'USER_AMOUNT_EXCEED_LIMIT' | 'USER_BALANCE_NOT_ENOUGH' | 'RISK_REJECT';

/** failCodes that are pay codes already: they go out as they are, in the page's words. */
const PAY_CODES: readonly string[] = ['USER_NOT_EXIST', 'USER_STATUS_ABNORMAL', 'USER_AMOUNT_EXCEED_LIMIT', 'USER_BALANCE_NOT_ENOUGH', 'RISK_REJECT'];

/**
 * The sandbox's own reasons for closing an order, as pay's code for a closed order (ORDER_STATUS_INVALID,
 * "Order is in invalid status such closed.") and a message that says what happened.
 */
const CLOSED_BECAUSE: Readonly<Record<string, string>> = {
  ORDER_IS_CLOSED: 'The order closed unpaid: its expiry time (paymentExpiryTime, or the wallet\'s timeout) passed.',
  USER_CANCELLED: 'The user cancelled the payment in the cashier; the order is closed.',
  PROCESS_FAIL: 'The payment failed in the cashier; the order is closed.',
  MERCHANT_CANCELLED: 'The merchant cancelled the payment (cancel); the order is closed.',
  VOIDED: 'The merchant voided the whole payment (void); the order is closed.',
};

/** How a payment that ended unpaid is reported: a code the docs use and, for a closed order, why. */
export function endingOf(payment: PaymentRecord): { code: Ending; message?: string } {
  const reason = payment.failCode ?? 'ORDER_IS_CLOSED';
  if (PAY_CODES.includes(reason)) return { code: reason as Ending };
  const known = Object.prototype.hasOwnProperty.call(CLOSED_BECAUSE, reason) ? CLOSED_BECAUSE[reason] : undefined;
  return { code: 'ORDER_STATUS_INVALID', message: known ?? `The payment ended ${payment.status} (${reason}); the order is closed.` };
}

/** Queues a signed notification to the merchant (the notifier sends it and retries). */
export function queueDelivery(ctx: Ctx, kind: DeliveryRecord['kind'], payment: PaymentRecord, url: string, body: Record<string, unknown>): void {
  const deliveryId = newId(ctx.now, '9090');
  ctx.tx.put('deliveries', deliveryId, {
    deliveryId,
    kind,
    clientId: payment.clientId,
    paymentId: payment.paymentId,
    url,
    body: JSON.stringify(body),
    status: 'PENDING',
    attempts: [],
    tries: 0,
    nextAt: ctx.now,
    createdAt: ctx.now,
  });
}

/** The Alipay+ `notifyPayment` body (see notes/sandbox.md). */
export function notificationBody(payment: PaymentRecord): Record<string, unknown> {
  const paid = payment.status === 'SUCCESS';
  const ending = paid ? undefined : endingOf(payment);
  return {
    notifyType: 'PAYMENT_RESULT',
    paymentResult: ending ? resultOf(ending.code, ending.message) : resultOf('SUCCESS'),
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: amount(payment.amount, payment.currency),
    paymentCreateTime: formatTime(payment.createdAt),
    ...(paid && payment.paidAt !== undefined ? { paymentTime: formatTime(payment.paidAt) } : {}),
    ...(payment.payerId ?? payment.referenceBuyerId ? { customerId: payment.payerId ?? payment.referenceBuyerId } : {}),
  };
}

/**
 * Due work at `ctx.now`: unpaid payments past `expiresAt` close (ORDER_IS_CLOSED); a forced-pending
 * agreement payment settles; a forced-pending refund succeeds. Returns whether anything changed.
 */
export function sweep(ctx: Ctx): void {
  const due = ctx.tx.due(ctx.now);
  for (const p of due.payments) {
    if (p.settleAt !== undefined && p.settleAt <= ctx.now && p.payerId) {
      const problem = payerProblem(ctx, p, p.payerId);
      if (problem) endPayment(ctx, p, 'FAIL', problem);
      else completePayment(ctx, p, p.payerId);
    } else if (p.expiresAt <= ctx.now) endPayment(ctx, p, 'CLOSED', 'ORDER_IS_CLOSED');
  }
  for (const r of due.refunds) {
    ctx.tx.put('refunds', r.refundId, { ...r, status: 'SUCCESS', refundTime: ctx.now, settleAt: undefined });
  }
}
