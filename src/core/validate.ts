/** Checks a call's parameters against its row before anything reaches the host. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';
import type { Spec } from './spec.js';

/** One check: key, lower-case type code, required. */
export type Check = readonly [key: string, code: string, required: boolean];

/** What each lower-case type code expects (`x`: any value; `f`: a callback). */
const KINDS: Record<string, string> = { s: 'string', n: 'number', b: 'boolean', a: 'array', o: 'object', f: 'function' };

/** A row's parameter codes (upper case: required) as a list: made once per API, so a call allocates nothing to check. */
export const compile = (params: Record<string, string>): readonly Check[] =>
  Object.keys(params).map((k): Check => [k, params[k]!.toLowerCase(), params[k]! < 'a']);

const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** The error for value `v` of parameter `key` with a lower-case `code`, or undefined when it is fine. */
export function check(api: string, key: string, code: string, required: boolean, v: unknown): InvalidParamsError | undefined {
  if (v == null) return required ? new InvalidParamsError(api, key, 'is required') : undefined;
  const expected = KINDS[code];
  if (code === 'x' || (code === 'n' ? Number.isFinite(v) : kind(v) === expected)) return undefined;
  // Terse on purpose (it ships with every wrapper): "must be string, got number".
  return new InvalidParamsError(api, key, `must be ${code === 'n' ? 'finite ' : ''}${expected}, got ${kind(v)}`);
}

/**
 * Returns the first problem with `params` as an `InvalidParamsError`, or undefined when they are fine.
 * `params` must be an object (or nothing); in the row's order, required parameters must not be
 * `undefined`/`null` and present ones must have the documented type. (The callbacks are checked as the
 * call copies the parameters.)
 */
export function validate(spec: Spec, params: unknown): InvalidParamsError | undefined {
  const api = spec.api;
  let problem = check(api, 'params', 'o', false, params);
  const checks = spec.checks;
  for (let i = 0; !problem && i < checks.length; i++) {
    const c = checks[i]!; // indexed rather than destructured: this runs on every call
    // Nothing passed reads as `{}`: only a required parameter can be missing.
    problem = check(api, c[0], c[1], c[2], (params as Record<string, unknown> | null | undefined)?.[c[0]]);
  }
  return problem;
}
