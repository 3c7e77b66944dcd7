/**
 * Which source file the bytes of a minified file come from, read off its source map (used by
 * `bench/sizes.mjs --explain`). Bytes between two mappings belong to the first one's source; bytes
 * before any mapping on a line count as '(unmapped)'. A small VLQ decoder, no dependency.
 */
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one segment ("AAAA,CAAC") of base64 VLQs into numbers. */
function vlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64[ch];
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Minified bytes per source (sorted, largest first) for generated `code` and its `map`. */
export function breakdown(code, map) {
  const m = typeof map === 'string' ? JSON.parse(map) : map;
  const lines = code.split('\n');
  const totals = new Map();
  const add = (src, n) => n > 0 && totals.set(src, (totals.get(src) ?? 0) + n);
  let srcIdx = 0;
  const mapLines = m.mappings.split(';');
  lines.forEach((line, li) => {
    const segs = (mapLines[li] ?? '').split(',').filter(Boolean);
    let col = 0;
    const points = [];
    for (const s of segs) {
      const f = vlq(s);
      col += f[0];
      if (f.length >= 4) {
        srcIdx += f[1]; // the source index is relative; line/column/name deltas are not needed here
        points.push([col, m.sources[srcIdx]]);
      } else points.push([col, '(unmapped)']);
    }
    const bytes = (a, b) => Buffer.byteLength(line.slice(a, b));
    add('(unmapped)', bytes(0, points[0]?.[0] ?? line.length));
    points.forEach(([c, src], i) => add(src, bytes(c, points[i + 1]?.[0] ?? line.length)));
    add('(newlines)', li < lines.length - 1 ? 1 : 0);
  });
  const clean = (s) => (/superqi-sizes-/.test(s) ? '(consumer entry)' : s.replace(/^(\.\.\/)+/, '').replace(/^.*?\/src\//, 'src/'));
  const merged = new Map();
  for (const [k, v] of totals) merged.set(clean(k), (merged.get(clean(k)) ?? 0) + v);
  return [...merged].sort((a, b) => b[1] - a[1]);
}
