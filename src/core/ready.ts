/**
 * Readiness: the host injects `AlipayJSBridge` asynchronously. Calls made before it exists wait in one
 * queue and go out in order when it appears; if it does not appear within `readyTimeout` they fail.
 * One listener and one timer serve the whole queue, and both go away when the queue empties.
 */
import { NotInHostError } from '../errors/not-in-host-error.js';
import { config } from './config.js';
import { transport } from './transport.js';

interface Waiter {
  go(): void;
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
 * Runs `go` now when the host is there, else queues it. `fail` runs when the host cannot come
 * (no window: at once) or did not come in time. Returns a function that takes the waiter out of the queue.
 */
export function whenHost(go: () => void, fail: (waitedMs: number) => void): (() => void) | undefined {
  const state = transport.ready();
  if (state || state === undefined) {
    if (state) go();
    else fail(0);
    return undefined;
  }
  const waiter: Waiter = { go, fail };
  queue.push(waiter);
  if (!stopWaiting) startWaiting();
  return () => {
    const i = queue.indexOf(waiter);
    if (i >= 0) queue.splice(i, 1);
    if (!queue.length) stopWaiting?.();
  };
}

/**
 * Resolves when the host bridge is there (at once inside Super Qi once injected). Rejects with
 * `NotInHostError` when it does not appear within `readyTimeout` ms, or at once in Node/SSR.
 */
export function ready(): Promise<void> {
  return new Promise((resolve, reject) => {
    whenHost(resolve, (waited) => reject(new NotInHostError('ready', waited)));
  });
}

/** How many calls are waiting for the host (for leak checks in tests and benchmarks). */
export const waitingForHost = (): number => queue.length;
