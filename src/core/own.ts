/**
 * Own-property reads. Pages that load old polyfills add enumerable properties to `Object.prototype`
 * (`success`, `timeout`, `error`, an API's name…): every object the library did not make itself — a
 * caller's params and options, a host's answer, a user's settings — and every table keyed by name is
 * read through these, so an inherited value is never taken for the object's own.
 */

/** Whether `k` is an own property of `o` (an object). */
export const own = (o: object, k: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `v`, the value of `o[k]` the caller read, when `k` is an own property of `o`; else undefined. On a
 * call's path: the caller's read is a plain property load V8 caches per site, and an absent key (the
 * common case) costs no ownership check. (Not a default parameter of `ownValue`: a default is
 * evaluated again for every `undefined` passed, which is the common case.)
 */
export const ifOwn = <T>(o: unknown, k: PropertyKey, v: T): T | undefined => (v !== undefined && own(o as object, k) ? v : undefined);

/** `o[k]` when it is an own property of `o`, else undefined (also for a nullish or unknown `o`). */
export const ownValue: {
  <O extends object, K extends keyof O>(o: O | null | undefined, k: K): O[K] | undefined;
  <T = unknown>(o: unknown, k: PropertyKey): T | undefined;
  // Read first: a getter or Proxy trap that throws throws here (the caller turns it into a typed error).
} = (o: unknown, k: PropertyKey) => ifOwn(o, k, (o as Record<PropertyKey, unknown> | null | undefined)?.[k]);

/**
 * `o` without a prototype, in place: its missing fields read as undefined, never as Object.prototype's.
 * For objects the library makes once and reads on every call (a wrapper's spec); unlike `Object.create(null)`
 * or a `__proto__: null` literal, V8 keeps such an object's fast property layout.
 */
export const bare = <T extends object>(o: T): T => Object.setPrototypeOf(o, null) as T;
