// @vitest-environment node
/**
 * The package's build writes each wrapper's row inside its `api(…)` call (scripts/inline-rows.mjs):
 * dist/index.mjs and dist/index.cjs must carry, for every callable API, exactly its table row — no
 * more, no less, no stale copy. (`npm test` builds before it runs the tests.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROWS } from '../../src/table/index.js';
import { CALLABLE } from '../support/apis.js';

/** name → the row literal of its `api('name', {…})` call, parsed (the plugin prints JSON). */
function inlinedRows(file: string): Map<string, unknown[]> {
  const code = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
  const found = new Map<string, unknown[]>();
  for (const m of code.matchAll(/\bapi\('(\w+)', \{/g)) {
    // the literal: from its `{` to the matching `}` (strings in rows hold no braces)
    const start = m.index + m[0].length - 1;
    let depth = 0;
    let end = start;
    for (; end < code.length; end++) {
      if (code[end] === '{') depth++;
      else if (code[end] === '}' && --depth === 0) break;
    }
    found.set(m[1]!, [...(found.get(m[1]!) ?? []), JSON.parse(code.slice(start, end + 1))]);
  }
  return found;
}

describe.each(['index.mjs', 'index.cjs'])('dist/%s', (file) => {
  const found = inlinedRows(file);

  it('has one inlined row per callable API, and no other', () => {
    expect([...found.keys()].sort()).toEqual([...CALLABLE].sort());
    for (const [name, rows] of found) expect(rows, name).toHaveLength(1);
  });

  it.each(CALLABLE)('%s: the inlined row is its table row', (name) => {
    expect(found.get(name)?.[0]).toEqual(ROWS[name]);
  });

  it('refers to no table module for a wrapper row', () => {
    const code = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
    expect(code).not.toMatch(/\bapi\('\w+', [\w$]+\./); // e.g. api('alert', ui.alert)
  });
});
