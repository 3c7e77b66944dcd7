/**
 * Params cross a native bridge as JSON: functions vanish, dates become strings. The emulator does the
 * same so pages see what a phone would do — but a cycle or a DOM node (`hideLoading({ page: this })`)
 * is dropped rather than failing the call.
 */
export function throughJson(value: unknown): Record<string, unknown> {
  if (value == null || typeof value !== 'object') return {};
  const seen = new WeakSet<object>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (typeof v === 'bigint') return String(v);
    if (v && typeof v === 'object') {
      if (seen.has(v) || (typeof Node !== 'undefined' && v instanceof Node) || v === globalThis) return undefined;
      seen.add(v);
    }
    return v;
  });
  const out: unknown = text === undefined ? {} : JSON.parse(text);
  return out && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}
