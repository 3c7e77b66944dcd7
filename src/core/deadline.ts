/**
 * One timer for every call's timeout. A call registers itself with its timeout, unstamped (`at` < 0):
 * the timer's next run stamps it, so its deadline counts from then (never before the call, at most a
 * task late) and a call reads no clock. A steady stream of calls answered within a task costs one
 * array entry each and one timer run per task, where a clock read or a promise job per call cost ~5%
 * of a call in Chromium. The timer is armed for the earliest deadline and re-armed only when a sooner
 * one arrives. A settled call is only marked (`at = 0`) and dropped from the list later, in bulk —
 * cheaper than a Set's add and delete per call. At most one timer is left, and it stops by itself at
 * the latest deadline it was armed for.
 */

/** A call waiting for its answer. */
export interface Deadline {
  /** Epoch ms after which the call times out; minus its timeout until the timer stamps it; 0 once it no longer waits. */
  at: number;
  /** Called once when `at` has passed. */
  expire(): void;
}

/** Deadlines in arrival order, settled ones (`at` 0) included until the list is next swept. */
let list: Deadline[] = [];
/** The length at which the list is swept: what was left at the last sweep, twice, plus 32 (so sweeps stay rare). */
let sweepAt = 32;
let timer: ReturnType<typeof setTimeout> | undefined;
/** The deadline the timer is armed for: 0, a run as soon as possible (to stamp); Infinity, none. */
let armedAt = Infinity;
/**
 * The `setTimeout` that armed the timer. Fake timers swapped in or out (a test suite's
 * `useFakeTimers()`) can drop a timer without running it: a call then re-arms rather than wait for it.
 */
let armedWith: unknown;

const sweep = (): void => {
  list = list.filter((d) => d.at);
  sweepAt = 2 * list.length + 32;
};

function arm(at: number): void {
  clearTimeout(timer);
  armedAt = at;
  armedWith = setTimeout;
  // Timers take at most 2^31-1 ms (longer ones fire at once): a later deadline is re-armed on waking.
  // A deadline already past (and 0) gives a negative delay, which fires at once.
  timer = setTimeout(check, at && Math.min(2 ** 31 - 1, at - Date.now()));
}

function check(): void {
  timer = undefined;
  armedAt = Infinity;
  const now = Date.now();
  for (const d of list) {
    if (d.at < 0) d.at = now - d.at;
    else if (d.at && d.at <= now) {
      d.at = 0;
      d.expire();
    }
  }
  sweep();
  // Swept: every deadline left is pending. Re-arming on each sooner one ends armed for the earliest
  // (checks are rare, and deadlines mostly arrive in order, so this seldom arms more than once).
  for (const d of list) if (d.at < armedAt) arm(d.at);
}

/**
 * Stops the timer when no deadline is pending (the calls it watched settled some other way, all at
 * once: no host came). Run when the ready queue is let go, never per call: a call settled alone
 * leaves the timer to stop by itself.
 */
export function disarmIfIdle(): void {
  sweep();
  if (!list.length) {
    clearTimeout(timer);
    timer = undefined;
    armedAt = Infinity;
  }
}

/** Starts watching a deadline `ms` (> 0) from the timer's next run (at most a task from now). */
export function track(d: Deadline, ms: number): void {
  d.at = -ms;
  if (list.push(d) > sweepAt) sweep();
  if (armedAt || armedWith !== setTimeout) arm(0);
}

/**
 * Calls currently waiting for an answer with a timeout, and whether a timer is armed (leak checks). A
 * timed call counts as pending from the call itself, and the timer stays armed until its next run even
 * when every call was answered sooner: advance (fake) timers by 0 ms before expecting it unarmed.
 */
export const deadlineStats = (): {
  /** Deadlines still watched (stamped or waiting for the timer's next run). */
  pending: number;
  /** Whether the shared timer is set. */
  timerArmed: boolean;
} => ({
  pending: list.filter((d) => d.at).length,
  timerArmed: timer !== undefined,
});
