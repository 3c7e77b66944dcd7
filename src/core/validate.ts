/** Checks a call's parameters against its row before anything reaches the host. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';
import type { Spec } from './spec.js';

/** One check: key, lower-case type code (`f`: a callback), required. */
export type Check = readonly [key: string, code: string, required: boolean];

/** What each lower-case type code expects (`x`: any value). */
const KINDS: Record<string, string> = { s: 'string', n: 'number', b: 'boolean', a: 'array', o: 'object', f: 'function' };

/**
 * A row's parameter codes (upper case: required) as a list, then the callbacks: made once per API, so
 * a call allocates nothing to check.
 */
export const compile = (params: Record<string, string>): readonly Check[] =>
  Object.keys(params)
    .map((k): Check => [k, params[k]!.toLowerCase(), params[k]! < 'a'])
    .concat([
      ['success', 'f', false],
      ['fail', 'f', false],
      ['complete', 'f', false],
    ]);

const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

const fits = (code: string, v: unknown): boolean =>
  code === 'x' ||
  (code === 'a'
    ? Array.isArray(v)
    : code === 'o'
      ? typeof v === 'object' && !Array.isArray(v)
      : code === 'n'
        ? Number.isFinite(v)
        : typeof v === KINDS[code]);

/** What is wrong with value `v` for a lower-case `code`, or undefined when nothing is. */
function problem(code: string, required: boolean, v: unknown): string | undefined {
  if (v == null) return required ? 'is required' : undefined;
  if (fits(code, v)) return undefined;
  // Terse on purpose (it ships with every wrapper): "must be string, got number".
  return `must be ${code === 'n' ? 'finite ' : ''}${KINDS[code]}, got ${kind(v)}`;
}

/**
 * Returns the first problem with `params` as an `InvalidParamsError`, or undefined when they are fine.
 * `params` must be an object (or nothing); in the row's order, required parameters must not be
 * `undefined`/`null` and present ones must have the documented type; `success`/`fail`/`complete`,
 * when present, must be functions.
 */
export function validate(spec: Spec, params: unknown): InvalidParamsError | undefined {
  const api = spec.api;
  // Nothing passed: only a required parameter can be missing.
  if (params == null) return spec.required ? new InvalidParamsError(api, spec.required, 'is required') : undefined;
  if (typeof params !== 'object' || Array.isArray(params)) {
    return new InvalidParamsError(api, 'params', problem('o', false, params)!);
  }
  let text: string | undefined;
  const checks = spec.checks;
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!; // indexed rather than destructured: this runs on every call
    if ((text = problem(check[1], check[2], (params as Record<string, unknown>)[check[0]]))) {
      return new InvalidParamsError(api, check[0], text);
    }
  }
  return undefined;
}
