/** Checks a call's parameters against its row before anything reaches the host. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';

/** A row's parameters as calls check them: made once per API, so a call allocates nothing to check. */
export interface Checks {
  /** Documented parameter → lower-case type code (no prototype: `constructor` is no parameter). */
  readonly codes: Readonly<Record<string, string>>;
  /** The required parameters, in the row's order. */
  readonly required: readonly string[];
}

/** What each lower-case type code expects (`x`: any value; `f`: a callback). */
const KINDS: Record<string, string> = { s: 'string', n: 'number', b: 'boolean', a: 'array', o: 'object', f: 'function' };

/** A row's parameter codes (upper case: required) as `Checks`. */
export function compile(params: Record<string, string>): Checks {
  const codes: Record<string, string> = Object.create(null);
  const required: string[] = [];
  for (const k in params) {
    codes[k] = params[k]!.toLowerCase();
    if (params[k]! < 'a') required.push(k);
  }
  return { codes, required };
}

const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** The error for value `v` of parameter `key` with a lower-case `code`, or undefined when it is fine. */
export function check(api: string, key: string, code: string, required: boolean, v: unknown): InvalidParamsError | undefined {
  if (v == null) return required ? new InvalidParamsError(api, key, 'is required') : undefined;
  const expected = KINDS[code];
  if (code === 'x' || (code === 'n' ? Number.isFinite(v) : kind(v) === expected)) return undefined;
  // Terse on purpose (it ships with every wrapper): "must be string, got number".
  return new InvalidParamsError(api, key, `must be ${code === 'n' ? 'finite ' : ''}${expected}, got ${kind(v)}`);
}
