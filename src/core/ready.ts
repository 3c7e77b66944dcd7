/**
 * Readiness: the host injects `AlipayJSBridge` asynchronously. Calls made before it exists wait in one
 * queue and go out in order when it appears; if it does not appear within `readyTimeout` they fail.
 * One listener and one timer serve the whole queue, and both go away when the queue empties.
 */
import { NotInHostError } from '../errors/not-in-host-error.js';
import { config } from './config.js';
import { disarmIfIdle } from './deadline.js';
import { transport } from './transport.js';

/** Something waiting for the host (a call: no closure per waiter). */
export interface Waiter {
  /** The host is there (`waitedMs` undefined), or cannot come (no window: 0) or did not come in time. */
  go(waitedMs?: number): void;
}

const queue: Waiter[] = [];
let stopWaiting: (() => void) | undefined;

/** Stops the listener and the timer, then lets every queued waiter go (with `waited`: no host). */
function flush(waited?: number): void {
  stopWaiting?.();
  stopWaiting = undefined;
  for (const w of queue.splice(0)) w.go(waited);
  // When no host came, the calls just failed: the deadline timer has nothing left to wait for.
  disarmIfIdle();
}

/**
 * Runs `w.go()` now when the host is there, `w.go(0)` when it cannot come (no window), else queues
 * `w` (take it out with `leave`).
 */
export function whenHost(w: Waiter): void {
  const state = transport.ready();
  if (state !== false) return w.go(state ? undefined : 0);
  if (queue.push(w) === 1) {
    const waited = config.readyTimeout;
    // An AlipayJSBridgeReady before the bridge exists (a page's own, a spurious one) is no host: the calls keep waiting.
    const off = transport.onReady(() => transport.ready() && flush());
    // A host may inject the bridge without the event: look once more before giving up.
    const timer = setTimeout(() => flush(transport.ready() ? undefined : waited), waited);
    stopWaiting = () => {
      off();
      clearTimeout(timer);
    };
  }
}

/**
 * Takes a waiter out of the queue if it is there (its call settled otherwise); the last one out stops
 * the waiting. Cheap for a waiter that is not queued (an empty queue, mostly).
 */
export function leave(w: Waiter): void {
  const i = queue.indexOf(w);
  if (i >= 0) {
    queue.splice(i, 1);
    if (!queue.length) flush();
  }
}

/**
 * Resolves when the host bridge is there (at once inside Super Qi once injected). Rejects with
 * `NotInHostError` when it does not appear within `readyTimeout` ms, or at once in Node/SSR.
 */
export function ready(): Promise<void> {
  return new Promise((resolve, reject) => {
    whenHost({ go: (waited) => (waited === undefined ? resolve() : reject(new NotInHostError('ready', waited))) });
  });
}

/** How many calls are waiting for the host (for leak checks in tests and benchmarks). */
export const waitingForHost = (): number => queue.length;
