/** True when dotted version `a` is older than `b` (`'1.20.0'` < `'1.24.6'`; missing parts count as 0). */
export function olderVersion(a: string, b: string): boolean {
  const x = a.split('.');
  const y = b.split('.');
  let d = 0;
  for (let i = 0; !d && (i < x.length || i < y.length); i++) d = +(x[i] ?? 0) - +(y[i] ?? 0);
  return d < 0;
}
