/**
 * Params cross a native bridge as JSON: functions vanish, dates become strings, NaN becomes null. The
 * emulator does the same so pages see what a phone would do — but a cycle or a DOM node
 * (`hideLoading({ page: this })`) is dropped rather than failing the call. Only the current path counts
 * as a cycle: an object referenced twice side by side is kept twice, as JSON keeps it. The objects it
 * makes have no prototype, as on the native side: a handler reading an absent parameter gets
 * undefined, never what a page put on Object.prototype.
 */
const isHostObject = (v: object): boolean =>
  v === globalThis || (typeof Node !== 'undefined' && v instanceof Node) || (typeof Window !== 'undefined' && v instanceof Window);

function clone(value: unknown, path: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return undefined; // functions, symbols, undefined
  if (isHostObject(value) || path.has(value)) return undefined;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return clone(toJSON.call(value), path);
  path.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((item) => clone(item, path) ?? null);
  } else {
    const obj: Record<string, unknown> = Object.create(null);
    // Without a prototype, a `__proto__` key is plain data, as JSON.parse makes it.
    for (const key of Object.keys(value)) {
      const v = clone((value as Record<string, unknown>)[key], path);
      if (v !== undefined) obj[key] = v;
    }
    out = obj;
  }
  path.delete(value);
  return out;
}

/** The params as a native host would receive them (always an object). */
export function throughJson(value: unknown): Record<string, unknown> {
  const out = clone(value, new Set());
  return out && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}
