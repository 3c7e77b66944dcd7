/** True when dotted version `a` is older than `b` (`'1.20.0'` < `'1.24.6'`; missing parts count as 0). */
export function olderVersion(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < x.length || i < y.length; i++) {
    const d = +(x[i] ?? 0) - +(y[i] ?? 0);
    if (d) return d < 0;
  }
  return false;
}
