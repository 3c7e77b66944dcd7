/** What every handler gets, and the helpers they share: ids, answers, tokens, amounts. */
import { randomInt } from 'node:crypto';
import type { Tx } from '../store.js';
import type { OpenApiResult } from '../table/codes.js';
import { fieldOf, isAbsent, resultFor, type CodeOf, type OpenApiName } from '../table/index.js';
import type { ForcedOutcome } from '../protocol.js';
import type { TokenRecord } from '../state.js';

/** Durations and limits, all configurable through `startSandbox`. */
export interface Limits {
  /** authCode lifetime (ms). @default 300_000 (5 min) */
  authCodeTtlMs: number;
  /** accessToken lifetime (ms). @default 86_400_000 (1 day) */
  accessTokenTtlMs: number;
  /** refreshToken lifetime (ms). @default 2_592_000_000 (30 days) */
  refreshTokenTtlMs: number;
  /** Unpaid payments without paymentExpiryTime close after this (ms). @default 900_000 (15 min) */
  paymentTimeoutMs: number;
  /** A forced `pending` payment or refund settles after this (ms). @default 3_000 */
  settleMs: number;
  /** Refunds allowed until this long after payment (ms). @default 31_536_000_000 (365 days) */
  refundWindowMs: number;
  /** Largest single payment the wallet takes (fils): PAYMENT_AMOUNT_EXCEED_LIMIT beyond. @default 10_000_000_000 (10 M IQD) */
  paymentLimitFils: number;
}

export const DEFAULT_LIMITS: Limits = {
  authCodeTtlMs: 5 * 60_000,
  accessTokenTtlMs: 24 * 3600_000,
  refreshTokenTtlMs: 30 * 24 * 3600_000,
  paymentTimeoutMs: 15 * 60_000,
  settleMs: 3_000,
  refundWindowMs: 365 * 24 * 3600_000,
  paymentLimitFils: 10_000_000_000,
};

export interface Ctx {
  tx: Tx;
  /** The merchant calling (its Client-Id, already verified). */
  clientId: string;
  now: number;
  /** The gateway's base URL (cashier and contract links). */
  url: string;
  limits: Limits;
}

/** An Open API answer: `result` plus the endpoint's fields. */
export type Answer = { result: OpenApiResult } & Record<string, unknown>;

/** Helpers typed per endpoint: `fail` takes only the codes its page documents (and the common ones). */
export interface Reply<K extends OpenApiName> {
  ok(fields?: Record<string, unknown>, code?: 'SUCCESS' | 'ACCEPT'): Answer;
  fail(code: CodeOf<K>, message?: string, fields?: Record<string, unknown>): Answer;
}

/** `name`'s helpers: results worded as its page words them. */
export const reply = <K extends OpenApiName>(name: K): Reply<K> => ({
  ok: (fields = {}, code = 'SUCCESS') => ({ result: resultFor(name, code), ...fields }),
  fail: (code, message, fields = {}) => ({ result: resultFor(name, code, message), ...fields }),
});

export type Handler<K extends OpenApiName> = (ctx: Ctx, body: Record<string, unknown>, r: Reply<K>) => Answer;

/** A wallet-style numeric id: date, a kind, random digits (≤ 64 chars, nothing but digits). */
export function newId(now: number, kind: string): string {
  const date = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
  return `${date}1112128${kind}${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e9)).padStart(9, '0')}`;
}

/** A token/code string: letters and digits, like the docs' examples. */
export function newToken(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = prefix;
  for (let i = 0; i < 32; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** A present, non-empty string field (empty strings are absent). */
export function text(body: Record<string, unknown>, path: string): string | undefined {
  const v = fieldOf(body, path);
  return isAbsent(v) || typeof v !== 'string' ? undefined : v;
}

/** A validated amount field → fils and currency. */
export function amountOf(body: Record<string, unknown>, path: string): { fils: number; currency: string } | undefined {
  const v = fieldOf(body, path) as { currency?: string; value?: string } | undefined;
  if (!v || typeof v !== 'object') return undefined;
  return { fils: Number(v.value), currency: String(v.currency) };
}

/** The Open APIs' amount object. */
export const amount = (fils: number, currency = 'IQD') => ({ currency, value: String(fils) });

/** An access token of this merchant: the record, or the code to answer. */
export function lookupToken(ctx: Ctx, token: string): TokenRecord | 'INVALID_ACCESS_TOKEN' | 'EXPIRED_ACCESS_TOKEN' {
  const record = ctx.tx.get('tokens', token);
  if (!record || record.clientId !== ctx.clientId) return 'INVALID_ACCESS_TOKEN';
  if (record.expiresAt <= ctx.now) return 'EXPIRED_ACCESS_TOKEN';
  return record;
}

/** Takes the forced next outcome, if any (it applies once). */
export function takeForced(ctx: Ctx, only?: readonly ForcedOutcome[]): ForcedOutcome | undefined {
  const forced = ctx.tx.get('forced', 'next');
  if (!forced || (only && !only.includes(forced))) return undefined;
  ctx.tx.put('forced', 'next', undefined);
  return forced;
}
