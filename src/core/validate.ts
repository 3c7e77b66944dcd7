/** Checks a call's parameters against its row before anything reaches the host. */
import { InvalidParamsError } from '../errors/invalid-params-error.js';
import type { ApiRow } from '../table/row.js';

/** One parameter check: key, lower-case type code, required. */
type Check = readonly [key: string, code: string, required: boolean];

const EXPECTED: Record<string, string> = {
  s: 'a string',
  n: 'a finite number',
  b: 'a boolean',
  a: 'an array',
  o: 'an object',
  f: 'a function',
};
const TYPEOF: Record<string, string> = { s: 'string', b: 'boolean', f: 'function' };
const CALLBACKS: readonly Check[] = [
  ['success', 'f', false],
  ['fail', 'f', false],
  ['complete', 'f', false],
];

// Rows are compiled to a flat list once, so a call allocates nothing to check its parameters.
const compiled = new WeakMap<object, readonly Check[]>();
const checksOf = (row: ApiRow | undefined): readonly Check[] => {
  if (!row) return CALLBACKS;
  let checks = compiled.get(row);
  if (!checks) {
    const own = Object.keys(row.params).map((k): Check => {
      const code = (row.params as Record<string, string>)[k]!;
      return [k, code.toLowerCase(), code !== code.toLowerCase()];
    });
    compiled.set(row, (checks = own.concat(CALLBACKS)));
  }
  return checks;
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
        : typeof v === TYPEOF[code]);

/**
 * Returns the first problem with `params` as an `InvalidParamsError`, or undefined when they are fine.
 * Required parameters must not be `undefined`/`null`; present ones must have the documented type;
 * `success`/`fail`/`complete`, when present, must be functions.
 */
export function validate(api: string, row: ApiRow | undefined, params: unknown): InvalidParamsError | undefined {
  if (params != null && (typeof params !== 'object' || Array.isArray(params))) {
    return new InvalidParamsError(api, 'params', `must be an object, got ${describe(params)}`);
  }
  const p = (params ?? {}) as Record<string, unknown>;
  const checks = checksOf(row);
  for (let i = 0; i < checks.length; i++) {
    const [key, code, required] = checks[i]!;
    const v = p[key];
    if (v == null) {
      if (required) return new InvalidParamsError(api, key, 'is required');
    } else if (!fits(code, v)) {
      return new InvalidParamsError(api, key, `must be ${EXPECTED[code]}, got ${describe(v)}`);
    }
  }
  return undefined;
}
