/** merchantAccept, confirm, cancel, void (`08`–`11`): the escrow stages, and cancel for any unsettled payment. */
import { formatTime } from '../signing.js';
import { resultOf } from '../table/codes.js';
import type { PaymentRecord } from '../state.js';
import { amount, amountOf, newId, text, type Ctx, type Handler } from './context.js';
import { endPayment, queueDelivery, transaction } from './lifecycle.js';
import { findPayment } from './payments.js';

/** Gives `fils` back to the payer, from escrow (`held`) or from the merchant's balance. */
function giveBack(ctx: Ctx, p: PaymentRecord, fils: number, from: 'escrow' | 'merchant'): void {
  const payer = ctx.tx.get('users', p.payerId!)!;
  ctx.tx.put('users', payer.userId, { ...payer, balance: payer.balance + fils });
  if (from === 'merchant') {
    const m = ctx.tx.get('merchants', p.clientId)!;
    ctx.tx.put('merchants', m.clientId, { ...m, balance: m.balance - fils });
  }
}

export const merchantAccept: Handler<'merchantAccept'> = (ctx, body, r) => {
  const p = findPayment(ctx, body);
  if (!p) return r.fail('ORDER_NOT_EXIST');
  if (p.kind !== 'escrow') return r.fail('ORDER_UNSUPPORTED_OPERATION', 'merchantAccept: only escrow payments (productCode 51051000101000100008) are accepted');
  if (p.escrow === 'ACCEPTED') return r.fail('ORDER_IS_MERCHANT_ACCEPTED');
  if (p.status !== 'SUCCESS' || p.escrow !== 'HELD') return r.fail('ORDER_STATUS_INVALID', `merchantAccept: payment is ${p.status}${p.escrow ? `/${p.escrow}` : ''}; it must be paid and not yet accepted`);
  ctx.tx.put('payments', p.paymentId, { ...p, escrow: 'ACCEPTED' });
  return r.ok();
};

export const confirm: Handler<'confirm'> = (ctx, body, r) => {
  const p = findPayment(ctx, body);
  if (!p) return r.fail('ORDER_NOT_EXIST');
  if (p.kind !== 'escrow') return r.fail('ORDER_UNSUPPORTED_OPERATION', 'confirm: only escrow payments can be confirmed');
  if (p.status !== 'SUCCESS' || p.escrow !== 'ACCEPTED') return r.fail('ORDER_STATUS_INVALID', `confirm: payment is ${p.status}${p.escrow ? `/${p.escrow}` : ''}; the merchant must accept it first`);
  // what is still held goes to the merchant (a partial void already went back to the payer)
  const m = ctx.tx.get('merchants', p.clientId)!;
  ctx.tx.put('merchants', m.clientId, { ...m, balance: m.balance + p.held });
  const confirmId = newId(ctx.now, '8016');
  ctx.tx.put('payments', p.paymentId, { ...p, escrow: 'CONFIRMED', held: 0, transactions: [...p.transactions, transaction(ctx, 'CAPTURE', p.held)] });
  ctx.tx.put('confirms', confirmId, { confirmId, paymentId: p.paymentId, at: ctx.now });
  return r.ok({ confirmId, confirmTime: formatTime(ctx.now) });
};

export const cancel: Handler<'cancel'> = (ctx, body, r) => {
  const p = findPayment(ctx, body);
  if (!p) return r.fail('ORDER_NOT_EXIST');
  const ids = { paymentId: p.paymentId, paymentRequestId: p.paymentRequestId };
  if (p.status === 'CANCELLED') return r.ok({ ...ids, cancelTime: formatTime(p.closedAt!) });
  if (p.status === 'FAIL' || p.status === 'CLOSED') return p.voided > 0 ? r.fail('ORDER_HAS_BEEN_VOIDED', undefined, ids) : r.fail('ORDER_STATUS_INVALID', `cancel: payment is ${p.status}`, ids);
  if (p.status === 'PROCESSING') {
    endPayment(ctx, p, 'CANCELLED', 'MERCHANT_CANCELLED');
    return r.ok({ ...ids, cancelTime: formatTime(ctx.now) });
  }
  if (p.escrow === 'CONFIRMED') return r.fail('ORDER_HAS_BEEN_CAPTURED', undefined, ids);
  if (p.voided > 0) return r.fail('ORDER_HAS_BEEN_VOIDED', undefined, ids);
  if (p.escrow === 'ACCEPTED') return r.fail('ORDER_STATUS_INVALID', 'cancel: the merchant accepted this escrow payment; use void', ids);
  if (p.refunded > 0) return r.fail('ORDER_HAS_BEEN_REFUNDED', undefined, ids);
  const fromEscrow = p.kind === 'escrow';
  if (!fromEscrow) {
    const m = ctx.tx.get('merchants', p.clientId)!;
    if (m.balance < p.amount) return r.fail('PARTNER_BALANCE_NOT_ENOUGH', undefined, ids);
  }
  giveBack(ctx, p, p.amount, fromEscrow ? 'escrow' : 'merchant');
  const cancelled: PaymentRecord = { ...p, held: 0, escrow: undefined, transactions: [...p.transactions, transaction(ctx, 'CANCEL', p.amount)] };
  endPayment(ctx, cancelled, 'CANCELLED', 'MERCHANT_CANCELLED');
  return r.ok({ ...ids, cancelTime: formatTime(ctx.now) });
};

export const voidPayment: Handler<'void'> = (ctx, body, r) => {
  const p = findPayment(ctx, { paymentId: text(body, 'paymentId') });
  if (!p) return r.fail('ORDER_NOT_EXISTS');
  if (p.kind !== 'escrow') return r.fail('ORDER_UNSUPPORTED_OPERATION', 'void: only escrow payments can be voided');
  if (p.status !== 'SUCCESS' || p.escrow !== 'ACCEPTED') return r.fail('ORDER_STATUS_INVALID', `void: payment is ${p.status}${p.escrow ? `/${p.escrow}` : ''}; void needs an accepted escrow payment (before merchantAccept, use cancel)`);
  const asked = amountOf(body, 'voidAmount');
  if (asked && asked.currency !== p.currency) return r.fail('CURRENCY_NOT_SAME');
  const fils = asked?.fils ?? p.held;
  if (fils > p.held) return r.fail('VOID_AMOUNT_EXCEEDS_AUTH_LIMIT', `void: ${fils} fils asked, ${p.held} fils held`);
  giveBack(ctx, p, fils, 'escrow');
  const voidId = newId(ctx.now, '8017');
  const voidRequestId = text(body, 'voidRequestId')!;
  const held = p.held - fils;
  const voided: PaymentRecord = { ...p, held, voided: p.voided + fils, transactions: [...p.transactions, transaction(ctx, 'VOID', fils)] };
  // 11-void: "Fully void … will close the order automatically" (a partial void does not change its status)
  if (held === 0) endPayment(ctx, { ...voided, escrow: 'VOIDED' }, 'CLOSED', 'VOIDED');
  else ctx.tx.put('payments', p.paymentId, voided);
  // pay's voidNotifyUrl: "the url that void notification will be sent to" (no page gives its shape:
  // the notifyPayment fields, with the void's own)
  if (p.voidNotifyUrl) {
    queueDelivery(ctx, 'void', p, p.voidNotifyUrl, {
      notifyType: 'VOID_RESULT',
      voidResult: resultOf('SUCCESS'),
      paymentId: p.paymentId,
      paymentRequestId: p.paymentRequestId,
      voidId,
      voidRequestId,
      voidAmount: amount(fils, p.currency),
      voidTime: formatTime(ctx.now),
    });
  }
  return r.ok({ voidRequestId, voidId });
};
