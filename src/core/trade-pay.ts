/** tradePay's result codes and IQD amounts. */
import type { TradePayResult, TradePayStatus } from '../types/essential.js';
import type { Finish } from './invoke.js';
import { isFailure } from './normalise.js';
import { ifOwn, ownValue } from './own.js';

// The documented result codes and what each stands for, index by index. Arrays, not an object keyed
// by code: a code such as 'toString' finds nothing, and the lookup measured ~2% of a tradePay call
// cheaper in Chromium than reading an object with number-like keys (bench/ab-chromium.mjs).
const CODES = ['9000', '8000', '4000', '6001', '6002', '6004'];
const STATUSES: readonly TradePayStatus[] = ['success', 'processing', 'failed', 'cancelled', 'network-error', 'unknown'];

/** The status a `tradePay` result code stands for; codes the docs do not list are `unknown`. */
export const tradePayStatus = (resultCode: string | number): TradePayStatus => STATUSES[CODES.indexOf(String(resultCode))] ?? 'unknown';

/**
 * Real pages see `resultCode` in `success` (9000/8000/6004) and in `fail` (4000/6001/6002), and some
 * hosts put it in `error`/`errorCode`. Any of these resolves `{ resultCode, status }`; the callbacks
 * keep the routing pages expect: `fail` for failed, cancelled and network-error.
 */
export const finishTradePay: Finish = (raw, _failed, call) => {
  const code = ifOwn(raw, 'resultCode', raw['resultCode']) ?? [ownValue(raw, 'error'), ownValue(raw, 'errorCode')].find((c) => c != null && CODES.includes(String(c)));
  // No code at all: a failure stays one; a success has an unknown outcome (query the payment, as for 6004).
  if ((code == null || code === '') && isFailure(raw)) return false;
  const status = tradePayStatus((code ?? '') as string);
  // A spread: ~35 ns in today's Chromium (Object.assign ~90; a key-by-key copy measured slower in a page,
  // bench/ab-chromium.mjs: 1.04×, and ~20 B more). V8 11 (Node 20) takes ~0.7 µs for a spread followed by new keys.
  // The new object is ~5% of a call in a page however it is made (a two-key literal: the same); adding
  // the keys to the host's answer would save it, but the library never changes what the host answered.
  // A code outside the documented and registered ones still reaches the page as it came (status 'unknown').
  const result: TradePayResult = { ...raw, resultCode: String(code ?? '') as TradePayResult['resultCode'], status };
  call.settle(true, result, status === 'failed' || status === 'cancelled' || status === 'network-error');
  return true;
};

/** An amount as the Open APIs take it: the smallest unit (fils) as a string. */
export interface PaymentAmount {
  /** Always Iraqi dinar. */
  currency: 'IQD';
  /** Fils: 1 IQD = 1000 fils, so 100 IQD is `"100000"`. */
  value: string;
}

/** IQD → fils (1 IQD = 1000 fils), rounded to a whole fils. Throws `RangeError` for a non-finite or negative amount. */
export function iqdToFils(iqd: number): number {
  if (!Number.isFinite(iqd) || iqd < 0) throw new RangeError(`iqdToFils: amount must be a finite, non-negative number, got ${iqd}`);
  return Math.round(iqd * 1000);
}

/** fils → IQD. Accepts the Open APIs' string values. Throws `RangeError` for anything but a whole, non-negative number of fils. */
export function filsToIqd(fils: number | string): number {
  const n = typeof fils === 'string' && /^\d+$/.test(fils) ? Number(fils) : fils;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`filsToIqd: fils must be a whole, non-negative number, got ${String(fils)}`);
  }
  return n / 1000;
}

/** IQD → the Open APIs' amount object, e.g. `toPaymentAmount(100)` → `{ currency: 'IQD', value: '100000' }`. */
export const toPaymentAmount = (iqd: number): PaymentAmount => ({ currency: 'IQD', value: String(iqdToFils(iqd)) });
