/**
 * One timer for every call's timeout. Calls register a deadline; the timer is armed for the earliest
 * one and re-armed only when a sooner deadline arrives, so a steady stream of calls with the same
 * timeout arms no timer per call. A settled call just leaves the set; at most one timer is left,
 * and it stops by itself at the latest deadline it was armed for.
 */

/** A call waiting for its answer. */
export interface Deadline {
  /** Epoch ms after which the call times out. */
  at: number;
  /** Called once when `at` has passed. */
  expire(): void;
}

const pending = new Set<Deadline>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedAt = Infinity;

function arm(at: number): void {
  if (timer !== undefined) clearTimeout(timer);
  armedAt = at;
  timer = setTimeout(check, Math.max(0, at - Date.now()));
}

function check(): void {
  timer = undefined;
  armedAt = Infinity;
  const now = Date.now();
  let next = Infinity;
  for (const d of pending) {
    if (d.at <= now) {
      pending.delete(d);
      d.expire();
    } else if (d.at < next) next = d.at;
  }
  if (next < Infinity) arm(next);
}

/** Starts watching a deadline. */
export function track(d: Deadline): void {
  pending.add(d);
  if (d.at < armedAt) arm(d.at);
}

/**
 * Stops watching a deadline (the call settled). The timer is left to run out rather than cleared, so
 * calls made one after another do not clear and re-arm a timer each; when it fires with nothing
 * pending, it is not re-armed.
 */
export function untrack(d: Deadline): void {
  pending.delete(d);
}

/** Calls currently waiting for an answer with a timeout, and whether a timer is armed (leak checks). */
export const deadlineStats = (): { pending: number; timerArmed: boolean } => ({
  pending: pending.size,
  timerArmed: timer !== undefined,
});
