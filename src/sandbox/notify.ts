/**
 * Payment notifications: each queued delivery (a payment reached a final state and the merchant gave
 * `paymentNotifyUrl`) is POSTed, signed with the wallet key like a request (`Request-Time`, the notify
 * URL's path in the signed content, as `05-utilities/03-signature-validation` shows), until the
 * merchant answers HTTP 200 with `result.resultStatus: 'S'` or the retry schedule runs out. Every
 * attempt is recorded in the state (the sandbox page shows them); a delivery can be sent again.
 */
import type { KeyObject } from 'node:crypto';
import { sendRequest } from './http-request.js';
import { formatTime, signedHeaders, type SignatureEncoding } from './signing.js';
import type { DeliveryAttempt, DeliveryRecord } from './state.js';
import type { Store } from './store.js';

/**
 * Alipay+ retries about 8 times over a day (0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h); the
 * sandbox keeps the shape, 120 times faster. Entry i is the wait before attempt i + 1.
 */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [0, 1_000, 5_000, 5_000, 30_000, 60_000, 180_000, 450_000];

export interface NotifierOptions {
  store: Store;
  walletPrivateKey: KeyObject;
  clock: () => number;
  schedule: readonly number[];
  /** Per attempt. */
  timeoutMs: number;
  /** How the `signature=` value is written. @default 'plain' (the docs' base64) */
  signatureEncoding?: SignatureEncoding;
}

/** `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`, `TIMEOUT: no answer in 5000 ms`, … */
function describeFailure(e: unknown): string {
  const err = e as Error & { code?: string };
  return err.code ? `${err.code}: ${err.message}` : `${err.name}: ${err.message}`;
}

export class Notifier {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Deliveries whose last attempt could not be recorded: not tried again before this time. */
  private readonly notBefore = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: NotifierOptions) {}

  /** Sends whatever is due now and arms a timer for the next one. */
  kick(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const now = this.options.clock();
    let next = Infinity;
    for (const d of this.options.store.pendingDeliveries()) {
      if (this.inFlight.has(d.deliveryId)) continue;
      const at = Math.max(d.nextAt, this.notBefore.get(d.deliveryId) ?? 0);
      if (at <= now) this.send(d);
      else next = Math.min(next, at);
    }
    if (next !== Infinity) {
      this.timer = setTimeout(() => this.kick(), Math.min(Math.max(next - now, 0), 2 ** 31 - 1));
      this.timer.unref?.();
    }
  }

  /** Queues `deliveryId` again now (its attempts are kept). False when there is no such delivery. */
  resend(deliveryId: string): boolean {
    const d = this.options.store.get('deliveries', deliveryId);
    if (!d) return false;
    this.notBefore.delete(deliveryId);
    this.options.store.transact((tx) => tx.put('deliveries', deliveryId, { ...d, status: 'PENDING', tries: 0, nextAt: this.options.clock() }));
    this.kick();
    return true;
  }

  /** Resolves when every attempt under way has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight.values());
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.idle();
  }

  private send(d: DeliveryRecord): void {
    const run = this.attempt(d).finally(() => {
      this.inFlight.delete(d.deliveryId);
      this.kick();
    });
    this.inFlight.set(d.deliveryId, run);
  }

  private async attempt(d: DeliveryRecord): Promise<void> {
    const started = this.options.clock();
    const wall = Date.now();
    let attempt: DeliveryAttempt;
    let delivered = false;
    try {
      const url = new URL(d.url);
      const headers = signedHeaders('Request-Time', url.pathname, d.clientId, formatTime(started), d.body, this.options.walletPrivateKey, this.options.signatureEncoding);
      const res = await sendRequest('POST', url, { 'content-type': 'application/json; charset=UTF-8', ...headers }, d.body, this.options.timeoutMs);
      const text = res.text;
      let answer: unknown;
      try {
        answer = JSON.parse(text);
      } catch {
        answer = undefined;
      }
      const status = (answer as { result?: { resultStatus?: unknown } } | undefined)?.result?.resultStatus;
      delivered = res.status === 200 && status === 'S';
      attempt = {
        at: started,
        status: res.status,
        outcome: delivered ? 'ok' : answer === undefined ? `HTTP ${res.status}, body is not JSON` : `HTTP ${res.status}, result.resultStatus ${JSON.stringify(status)}`,
        ms: Date.now() - wall,
      };
    } catch (e) {
      attempt = { at: started, outcome: describeFailure(e), ms: Date.now() - wall };
    }
    const { schedule } = this.options;
    // a commit that fails (a full disk, reported by the store) leaves the delivery as it was: it is
    // tried again, not before its schedule's next wait (else a full disk would resend in a loop)
    try {
      this.record(d, attempt, delivered, schedule);
      this.notBefore.delete(d.deliveryId);
    } catch {
      this.notBefore.set(d.deliveryId, this.options.clock() + Math.max(schedule[1] ?? 1000, 1000));
    }
  }

  private record(d: DeliveryRecord, attempt: DeliveryAttempt, delivered: boolean, schedule: readonly number[]): void {
    this.options.store.transact((tx) => {
      const current = tx.get('deliveries', d.deliveryId);
      if (!current) return;
      const tries = current.tries + 1;
      const exhausted = tries >= schedule.length;
      tx.put('deliveries', d.deliveryId, {
        ...current,
        attempts: [...current.attempts, attempt],
        tries,
        status: delivered ? 'DELIVERED' : exhausted ? 'FAILED' : 'PENDING',
        nextAt: delivered || exhausted ? current.nextAt : this.options.clock() + (schedule[tries] ?? 0),
      });
    });
  }
}
