/**
 * What the devtools' Console and Network panels show, as the emulator in the device's frame keeps it:
 * a bounded buffer (the last LOG_MAX entries, so what the app did before the panel asked is not lost)
 * and the helpers that make anything the app logs into capped plain text (never HTML: the
 * panels set it as text).
 */
import type { LogEntry } from './devtools-protocol.js';

/** How many entries the buffer keeps. */
export const LOG_MAX = 500;
/** Longest console text kept, in characters. */
export const TEXT_MAX = 8 * 1024;

/** Cuts `s` to `max` characters, saying how much was left out. */
export const cap = (s: string, max = TEXT_MAX): string => (s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s);

/** Any value as text, the way a console shows it (strings as they are, errors with their stack, the rest as JSON). */
export function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error) return v.stack && v.stack.includes(v.message) ? v.stack : `${v.name}: ${v.message}`;
  if (typeof v === 'function') return `ƒ ${v.name || 'anonymous'}()`;
  if (v === undefined || typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'number') return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** `url:line` of the `skip`-th frame of a stack (Chromium's `at f (url:1:2)`, Firefox's `f@url:1:2`). */
export function sourceOf(stack: string | undefined, skip = 0): string | undefined {
  const frames = (stack ?? '').split('\n').map((l) => /((?:https?|file|blob):[^\s()@]+:\d+):\d+\)?\s*$/.exec(l)?.[1]).filter((f) => f !== undefined);
  return frames[skip];
}

/** A new entry, before the buffer numbers it. */
export type NewEntry = LogEntry extends infer E ? (E extends LogEntry ? Omit<E, 'id' | 'rev'> : never) : never;

/** The bounded buffer: every entry added or changed gets the next revision; the devtools asks for revisions from one on. */
export class DevtoolsLog {
  private entries: LogEntry[] = [];
  private seq = 0;

  /** Adds an entry; returns it (live: change it, then call `changed`). */
  add<E extends NewEntry>(e: E): E & { id: number; rev: number } {
    const entry = { ...e, id: ++this.seq, rev: this.seq } as unknown as E & { id: number; rev: number };
    this.entries.push(entry as unknown as LogEntry);
    if (this.entries.length > LOG_MAX) this.entries.splice(0, this.entries.length - LOG_MAX);
    return entry;
  }

  /** Marks an entry changed (a request answered), so the next ask sends it again. */
  changed(e: { rev: number }): void {
    e.rev = ++this.seq;
  }

  /** Entries added or changed from revision `rev` on. */
  since(rev: number): LogEntry[] {
    return this.entries.filter((e) => e.rev >= rev);
  }

  /** Forgets the entries of one kind up to id `upTo`. */
  clear(kind: LogEntry['kind'], upTo: number): void {
    this.entries = this.entries.filter((e) => e.kind !== kind || e.id > upTo);
  }
}
