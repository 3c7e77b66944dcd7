/** Checks a call's parameters against its row before anything reaches the host. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';

/** A row's parameters as calls check them: made once per API, so a call allocates nothing to check. */
export interface Checks {
  /**
   * Documented parameter → the kind its value must have (`'string'`, `'array'`…; undefined: any value).
   * No prototype: `constructor` is no parameter.
   */
  readonly codes: Readonly<Record<string, Kind | undefined>>;
  /** The required parameters, in the row's order. */
  readonly required: readonly string[];
}

/** What a value must be: `typeof` names, plus `array` (an object that is no array is an `object`). */
export type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'function';

/** What each lower-case type code expects (`x`, absent here: any value). */
const KINDS: Record<string, Kind> = { s: 'string', n: 'number', b: 'boolean', a: 'array', o: 'object' };

/**
 * A row's parameter codes (upper case: required) as `Checks`. Codes become kind names once, here: a
 * call then compares `typeof`'s own strings, where a lowered code (a new string each) compared and
 * looked up slower: 2–3% of a one-parameter call in Chromium.
 */
export function compile(params: Record<string, string>): Checks {
  const codes: Record<string, Kind | undefined> = Object.create(null);
  const required: string[] = [];
  // The row's own parameters (a `for…in` would also walk what a page added to Object.prototype).
  for (const k of Object.keys(params)) {
    codes[k] = KINDS[params[k]!.toLowerCase()];
    if (params[k]! < 'a') required.push(k);
  }
  return { codes, required };
}

const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/**
 * The error for value `v` of parameter `key` that must be of kind `expected` (falsy: any value; numbers
 * must be finite), or undefined when it is fine.
 */
export function check(api: string, key: string, expected: Kind | '' | undefined, required: boolean, v: unknown): InvalidParamsError | undefined {
  if (v == null) return required ? new InvalidParamsError(api, key, 'is required') : undefined;
  if (!expected || (expected === 'number' ? Number.isFinite(v) : kind(v) === expected)) return undefined;
  // Terse on purpose (it ships with every wrapper): "must be string, got number".
  return new InvalidParamsError(api, key, `must be ${expected === 'number' ? 'finite ' : ''}${expected}, got ${kind(v)}`);
}
