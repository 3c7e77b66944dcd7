/** Host events, dispatched by the host on `document`. */
import { hostWindow } from './transport.js';

/** The events Alipay-family hosts dispatch on `document`. */
export type HostEventName =
  | 'resume'
  | 'pause'
  | 'pageResume'
  | 'pagePause'
  | 'appResume'
  | 'appPause'
  | 'titleClick'
  | 'optionMenu'
  | 'back';

/** What a handler receives. */
export interface HostEvent<T = unknown> {
  /** The event name. */
  readonly type: HostEventName;
  /** Data the host attached: for `resume`, what the closed page passed back. */
  readonly data: T | undefined;
  /** Cancels the host's default: for `back`, stays on the page. */
  preventDefault(): void;
  /** The DOM event as the host dispatched it. */
  readonly event: Event;
}

/**
 * Subscribes to a host event; returns the function that unsubscribes. In Node/SSR it does nothing and
 * returns a no-op, as it does for a name that is no string (a Symbol, an object: it is never
 * converted, so one whose `toString` throws cannot throw here) or a handler that is no function.
 * For `back`, call `event.preventDefault()` to keep the user on the page.
 */
export function on<T = unknown>(name: HostEventName, handler: (event: HostEvent<T>) => void): () => void {
  const d = hostWindow()?.document;
  if (!d || typeof name !== 'string' || typeof handler !== 'function') return () => {};
  const listener = (event: Event) =>
    handler({
      type: name,
      data: (event as Event & { data?: T }).data ?? (event as CustomEvent<T>).detail ?? undefined,
      preventDefault: () => event.preventDefault(),
      event,
    });
  d.addEventListener(name, listener);
  return () => d.removeEventListener(name, listener);
}
