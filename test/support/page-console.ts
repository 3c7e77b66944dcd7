/**
 * happy-dom reports a page's failed loads (`GET … 404 (Not Found)`, `… 500 (…)`, ECONNREFUSED, socket
 * hang up) on the console it was created with: Node's own (`node:console`), not the one vitest
 * captures per test — so passing tests that check failures printed stack traces into `npm test`.
 * `watchPageConsole()` takes those lines for every test of a file: a test that expects some takes and
 * asserts them; any line left at the end of a test fails it (an unexpected page error).
 */
import nodeConsole from 'node:console';
import { afterEach, beforeEach, expect, vi } from 'vitest';

/** One console line as text (errors by their message and code). */
const text = (args: unknown[]) =>
  args.map((a) => (a instanceof Error ? `${a.message}${(a as { code?: string }).code ? ` (${(a as { code?: string }).code})` : ''}` : String(a))).join(' ');

export interface PageConsole {
  /** The lines logged since the last take (and forgets them). */
  take(): string[];
  /** Takes the lines and asserts there is one per pattern, in order. */
  expectLines(...patterns: RegExp[]): void;
  /** Takes the lines and asserts there is at least one and every one matches `pattern` (retries vary in number). */
  expectEvery(pattern: RegExp): void;
}

export function watchPageConsole(): PageConsole {
  let lines: string[] = [];
  beforeEach(() => {
    lines = [];
    for (const level of ['error', 'warn'] as const) {
      vi.spyOn(nodeConsole, level).mockImplementation((...args: unknown[]) => void lines.push(text(args)));
    }
  });
  afterEach(() => {
    const left = lines;
    lines = [];
    expect(left, 'page console lines no assertion took').toEqual([]);
  });
  const take = () => {
    const taken = lines;
    lines = [];
    return taken;
  };
  return {
    take,
    expectLines(...patterns) {
      expect(take()).toEqual(patterns.map((p) => expect.stringMatching(p)));
    },
    expectEvery(pattern) {
      const taken = take();
      expect(taken.length, 'page console lines').toBeGreaterThan(0);
      expect(taken).toEqual(taken.map(() => expect.stringMatching(pattern)));
    },
  };
}
