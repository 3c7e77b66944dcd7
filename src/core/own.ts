/**
 * Own-property reads. Pages that load old polyfills add enumerable properties to `Object.prototype`
 * (`success`, `timeout`, `error`, an API's name…): every object the library did not make itself — a
 * caller's params and options, a host's answer, a user's settings — and every table keyed by name is
 * read through these, so an inherited value is never taken for the object's own.
 */

/** Whether `k` is an own property of `o` (an object). */
export const own = (o: object, k: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `o[k]` when it is an own property of `o`, else undefined (also for a nullish `o`). On a call's path,
 * pass the value read at the call site as `v` (`ownValue(raw, 'error', raw.error)`): that read is a
 * plain property load V8 caches per site, and an absent key (the common case) then costs nothing more.
 */
export function ownValue<O extends object, K extends keyof O>(o: O | null | undefined, k: K, v?: O[K]): O[K] | undefined;
/** `o[k]` when it is an own property of `o`, else undefined (also for a nullish or unknown `o`). */
export function ownValue<T = unknown>(o: unknown, k: PropertyKey, v?: unknown): T | undefined;
export function ownValue(o: unknown, k: PropertyKey, v: unknown = o == null ? undefined : (o as Record<PropertyKey, unknown>)[k]): unknown {
  // Read first: a getter or Proxy trap that throws throws here (the caller turns it into a typed error).
  // Not `own()`: a bundle that needs only this function then carries one helper, not two.
  return v !== undefined && Object.prototype.hasOwnProperty.call(o, k) ? v : undefined;
}

/**
 * `o` without a prototype, in place: its missing fields read as undefined, never as Object.prototype's.
 * For objects the library makes once and reads on every call (a wrapper's spec); unlike `Object.create(null)`
 * or a `__proto__: null` literal, V8 keeps such an object's fast property layout.
 */
export const bare = <T extends object>(o: T): T => Object.setPrototypeOf(o, null) as T;
