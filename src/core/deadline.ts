/**
 * One timer for every call's timeout. Calls register a deadline; the timer is armed for the earliest
 * one and re-armed only when a sooner deadline arrives, so a steady stream of calls with the same
 * timeout arms no timer per call. A settled call is only marked (`at = 0`) and dropped from the list
 * later, in bulk — cheaper than a Set's add and delete per call. At most one timer is left, and it
 * stops by itself at the latest deadline it was armed for.
 */

/** A call waiting for its answer. */
export interface Deadline {
  /** Epoch ms after which the call times out; 0 once it no longer waits. */
  at: number;
  /** Called once when `at` has passed. */
  expire(): void;
}

/** Deadlines in arrival order, settled ones (`at` 0) included until the list is next swept. */
let list: Deadline[] = [];
/** The length at which the list is swept: what was left at the last sweep, twice, plus 32 (so sweeps stay rare). */
let sweepAt = 32;
let timer: ReturnType<typeof setTimeout> | undefined;
let armedAt = Infinity;

const sweep = (): void => {
  list = list.filter((d) => d.at);
  sweepAt = 2 * list.length + 32;
};

function arm(at: number): void {
  clearTimeout(timer);
  armedAt = at;
  // Timers take at most 2^31-1 ms (longer ones fire at once): a later deadline is re-armed on waking.
  // A deadline already past gives a negative delay, which fires at once.
  timer = setTimeout(check, Math.min(2 ** 31 - 1, at - Date.now()));
}

function check(): void {
  timer = undefined;
  armedAt = Infinity;
  const now = Date.now();
  for (const d of list) {
    if (d.at && d.at <= now) {
      d.at = 0;
      d.expire();
    }
  }
  sweep();
  // Swept: every deadline left is pending. Re-arming on each sooner one ends armed for the earliest
  // (checks are rare, and deadlines mostly arrive in order, so this seldom arms more than once).
  for (const d of list) if (d.at < armedAt) arm(d.at);
}

/** Starts watching a deadline `ms` (> 0) from now. */
export function track(d: Deadline, ms: number): void {
  d.at = Date.now() + ms;
  if (list.push(d) > sweepAt) sweep();
  if (d.at < armedAt) arm(d.at);
}

/** Calls currently waiting for an answer with a timeout, and whether a timer is armed (leak checks). */
export const deadlineStats = (): {
  /** Deadlines still watched. */
  pending: number;
  /** Whether the shared timer is set. */
  timerArmed: boolean;
} => ({
  pending: list.filter((d) => d.at).length,
  timerArmed: timer !== undefined,
});
