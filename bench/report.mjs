/**
 * The one format every bench script speaks. A script collects figures `{ id, label, value, unit }`
 * and calls `emit(figures)`: it prints a table (stderr) and one `BENCH_RESULT {…}` line (stdout) that
 * `bench/run.mjs` parses. Run alone, a script is still readable and still exits 1 when over budget.
 */
import { BUDGETS, judge } from './budgets.mjs';

export const RESULT_PREFIX = 'BENCH_RESULT ';

const fmt = (v, unit) => {
  if (v === null) return 'n/a';
  if (typeof v !== 'number') return String(v);
  if (unit === 'B') return `${v.toLocaleString('en-US')} B`;
  if (unit === 'x') return `${v.toFixed(3)}×`;
  if (unit === 'ms') return `${v.toFixed(2)} ms`;
  if (unit === 'ns') return `${v.toFixed(0)} ns`;
  return `${Number.isInteger(v) ? v : v.toFixed(3)}${unit && unit.length < 4 ? ` ${unit}` : ''}`;
};

const budgetText = (id, unit) => {
  const b = BUDGETS[id];
  if (!b) return '';
  return b.max !== undefined ? `≤ ${fmt(b.max, unit)}` : `≥ ${fmt(b.min, unit)}`;
};

/** The table for a list of figures (with budget and verdict columns). */
export function table(figures) {
  const rows = [
    ['figure', 'value', 'budget', ''],
    ...figures.map((f) => [f.label ?? f.id, fmt(f.value, f.unit), budgetText(f.id, f.unit), `${judge(f.id, f.value)}${f.note ? ` (${f.note})` : ''}`]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 1 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Prints the figures; returns true when all within budget. */
export function emit(figures, extra = {}) {
  if (process.env.BENCH_QUIET !== '1') process.stderr.write(`${table(figures)}\n`); // run.mjs prints one table
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ figures, ...extra })}\n`);
  const ok = figures.every((f) => judge(f.id, f.value) !== 'FAIL');
  if (!ok) process.exitCode = 1;
  return ok;
}

/** Median of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

