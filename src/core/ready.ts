/**
 * Readiness: the host injects `AlipayJSBridge` asynchronously. Calls made before it exists wait in one
 * queue and go out in order when it appears; if it does not appear within `readyTimeout` they fail.
 * One listener and one timer serve the whole queue, and both go away when the queue empties.
 */
import { NotInHostError } from '../errors/not-in-host-error.js';
import { config } from './config.js';
import { transport } from './transport.js';

/** Something waiting for the host (a call: no closure per waiter). */
export interface Waiter {
  /** The host is there. */
  go(): void;
  /** The host cannot come (no window: `waitedMs` 0) or did not come in time. */
  fail(waitedMs: number): void;
}

const queue: Waiter[] = [];
let stopWaiting: (() => void) | undefined;

function flush(): void {
  stopWaiting?.();
  for (const w of queue.splice(0)) w.go();
}

function startWaiting(): void {
  const waited = config.readyTimeout;
  const off = transport.onReady(flush);
  const timer = setTimeout(() => {
    // A host may inject the bridge without the event: look once more before giving up.
    if (transport.ready()) return flush();
    stopWaiting?.();
    for (const w of queue.splice(0)) w.fail(waited);
  }, waited);
  stopWaiting = () => {
    off();
    clearTimeout(timer);
    stopWaiting = undefined;
  };
}

/**
 * Runs `w.go()` now when the host is there, `w.fail(0)` when it cannot come (no window), else queues
 * `w`. Returns true when queued (take it out with `leave`).
 */
export function whenHost(w: Waiter): boolean {
  const state = transport.ready();
  if (state) w.go();
  else if (state === undefined) w.fail(0);
  else {
    queue.push(w);
    if (!stopWaiting) startWaiting();
  }
  return state === false;
}

/** Takes a waiter out of the queue (its call settled otherwise); the last one out stops the waiting. */
export function leave(w: Waiter): void {
  const i = queue.indexOf(w);
  if (i >= 0) queue.splice(i, 1);
  if (!queue.length) stopWaiting?.();
}

/**
 * Resolves when the host bridge is there (at once inside Super Qi once injected). Rejects with
 * `NotInHostError` when it does not appear within `readyTimeout` ms, or at once in Node/SSR.
 */
export function ready(): Promise<void> {
  return new Promise((resolve, reject) => {
    whenHost({ go: resolve, fail: (waited) => reject(new NotInHostError('ready', waited)) });
  });
}

/** How many calls are waiting for the host (for leak checks in tests and benchmarks). */
export const waitingForHost = (): number => queue.length;
