/** Checks a call's parameters against its row before anything reaches the host. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';
import type { ApiRow, ParamCode } from '../table/row.js';

const EXPECTED: Record<string, string> = {
  s: 'a string',
  n: 'a finite number',
  b: 'a boolean',
  a: 'an array',
  o: 'an object',
  f: 'a function',
};

const describe = (v: unknown): string => (Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v);

const fits = (code: string, v: unknown): boolean =>
  code === 'x' ||
  (code === 'a'
    ? Array.isArray(v)
    : code === 'o'
      ? typeof v === 'object' && !Array.isArray(v)
      : code === 'n'
        ? Number.isFinite(v)
        : typeof v === { s: 'string', b: 'boolean', f: 'function' }[code]);

/**
 * Returns the first problem with `params` as an `InvalidParamsError`, or undefined when they are fine.
 * Required parameters must not be `undefined`/`null`; present ones must have the documented type;
 * `success`/`fail`/`complete`, when present, must be functions.
 */
export function validate(api: string, row: ApiRow | undefined, params: unknown): InvalidParamsError | undefined {
  if (params == null) params = {};
  else if (typeof params !== 'object' || Array.isArray(params)) {
    return new InvalidParamsError(api, 'params', `must be an object, got ${describe(params)}`);
  }
  const p = params as Record<string, unknown>;
  const spec: Record<string, ParamCode | 'f'> = { ...(row?.params as Record<string, ParamCode>), success: 'f', fail: 'f', complete: 'f' };
  for (const key in spec) {
    const code = spec[key]!;
    const lower = code.toLowerCase();
    const v = p[key];
    if (v == null) {
      if (code !== lower) return new InvalidParamsError(api, key, 'is required');
    } else if (!fits(lower, v)) {
      return new InvalidParamsError(api, key, `must be ${EXPECTED[lower]}, got ${describe(v)}`);
    }
  }
  return undefined;
}
