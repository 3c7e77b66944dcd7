/**
 * How the package checks (check-package.mjs, check-create.mjs) report: a heading per step, an `ok` or
 * `FAIL` line per check, and the failures kept for the summary at the end.
 */
export function checkReport() {
  /** Every failure so far, in order. */
  const problems = [];
  return {
    problems,
    step: (s) => process.stdout.write(`\n── ${s}\n`),
    ok: (s) => process.stdout.write(`  ok  ${s}\n`),
    bad: (s) => {
      problems.push(s);
      process.stdout.write(`  FAIL ${s}\n`);
    },
  };
}
