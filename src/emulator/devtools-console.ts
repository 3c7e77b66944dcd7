/**
 * The app's console for the devtools' Console panel: console.log/info/warn/error/debug (the
 * arguments made into capped text, the caller's file:line), uncaught errors and unhandled
 * rejections. Installed only while the devtools link is; the returned function restores the console.
 */
import { cap, sourceOf, toText, type DevtoolsLog } from './devtools-log.js';
import type { ConsoleLevel } from './devtools-protocol.js';

const LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug'];

/** Records the page's console into `log`; returns the function that puts the console back. */
export function captureConsole(log: DevtoolsLog): () => void {
  const saved = LEVELS.map((level) => [level, console[level]] as const);
  for (const [level, original] of saved) {
    console[level] = function (this: Console, ...args: unknown[]) {
      try {
        // frame 0 is this wrapper: the caller is frame 1
        log.add({ kind: 'console', level, text: cap(args.map(toText).join(' ')), source: sourceOf(new Error().stack, 1), at: Date.now() });
      } catch {
        // the app's console goes on whatever its arguments do
      }
      return original.apply(this, args);
    };
  }
  const onError = (e: ErrorEvent) =>
    log.add({
      kind: 'console',
      level: 'error',
      text: cap(`Uncaught ${e.error instanceof Error ? toText(e.error) : e.message}`),
      source: e.filename ? `${e.filename}:${e.lineno}` : undefined,
      at: Date.now(),
    });
  const onRejection = (e: PromiseRejectionEvent) =>
    log.add({
      kind: 'console',
      level: 'error',
      text: cap(`Unhandled rejection: ${toText(e.reason)}`),
      source: e.reason instanceof Error ? sourceOf(e.reason.stack) : undefined,
      at: Date.now(),
    });
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return () => {
    for (const [level, original] of saved) console[level] = original;
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  };
}
