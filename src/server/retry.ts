/**
 * When a call may be repeated, and how long to wait. The contract decides: a row with an
 * `idempotencyKey` (paymentRequestId, refundRequestId, confirmRequestId, voidRequestId, requestId)
 * gives the same answer to the same request, and a `readOnly` inquiry changes nothing. applyToken
 * (an authCode is single use), prepare, merchantAccept and cancel have neither: never repeated.
 */
import type { OpenApiRow } from '../contract/open-apis.js';

/** Whether sending `row`'s request again (same id, same body) cannot do a thing twice. */
export const isRetrySafe = (row: OpenApiRow): boolean => row.idempotencyKey !== undefined || row.readOnly === true;

/** The wait before attempt `attempt + 1`: `base` doubled per attempt, at most 5 s, with ±50 % jitter. */
export const backoff = (base: number, attempt: number): number => Math.min(5000, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
