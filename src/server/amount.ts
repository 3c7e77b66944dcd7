/**
 * Amounts: the Open APIs carry `{ currency, value }` with `value` a whole number of the smallest unit
 * as a string. For IQD that unit is the fils: 1 IQD = 1,000 fils, so 100 IQD is `"100000"`.
 */
import type { Amount } from '../contract/types.js';

const FILS_PER_IQD = 1000;

/** `{ currency: 'IQD', value }` for a whole number of fils (`fils(100000)` is 100 IQD). */
export function fils(amount: number | bigint | string): Amount {
  const text = String(amount);
  if (!/^(0|[1-9]\d*)$/.test(text) || (typeof amount === 'number' && !Number.isSafeInteger(amount))) {
    throw new RangeError(`fils(amount): ${JSON.stringify(text)} is not a whole, non-negative number of fils`);
  }
  return { currency: 'IQD', value: text };
}

/** `{ currency: 'IQD', value }` for an amount in IQD, up to 3 decimals (`iqd(100)` → value `"100000"`, `iqd('2.5')` → `"2500"`). */
export function iqd(amount: number | string): Amount {
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? amount.toFixed(6).replace(/\.?0+$/, '') : String(amount)) : amount.trim();
  const m = /^(0|[1-9]\d*)(?:\.(\d{1,3})0*)?$/.exec(text);
  if (!m) throw new RangeError(`iqd(amount): ${JSON.stringify(String(amount))} is not a non-negative IQD amount with at most 3 decimals (1 IQD = 1000 fils)`);
  return fils(`${BigInt(m[1]!) * BigInt(FILS_PER_IQD) + BigInt((m[2] ?? '').padEnd(3, '0'))}`);
}

/** An amount's value in fils, as a number (`toFils({ currency: 'IQD', value: '2500' })` → 2500). */
export function toFils(amount: Amount): number {
  const n = Number(amount.value);
  if (!/^(0|[1-9]\d*)$/.test(amount.value) || !Number.isSafeInteger(n)) throw new RangeError(`toFils(amount): value ${JSON.stringify(amount.value)} is not a whole number of fils`);
  return n;
}

/** An amount's value in IQD (`toIqd({ currency: 'IQD', value: '2500' })` → 2.5). */
export const toIqd = (amount: Amount): number => toFils(amount) / FILS_PER_IQD;
