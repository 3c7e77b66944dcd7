/**
 * Table-driven helpers: the callable API names, each row, each wrapper as a plain function, and
 * parameters generated from a row's type codes (upper case: required).
 */
import * as lib from '../../src/index.js';
import type { CallOptions } from '../../src/core/invoke.js';
import { API_NAMES, TABLE, type ApiName } from '../../src/table/index.js';
import type { TableRow, ParamCode } from '../../src/table/row.js';

/** Every API with a wrapper that calls the host (`canIUse` answers locally). */
export type CallableName = Exclude<ApiName, 'canIUse'>;
export const CALLABLE = API_NAMES.filter((n): n is CallableName => n !== 'canIUse');

/** A wrapper as an untyped function (for table-driven tests). */
export type AnyWrapper = (params?: unknown, options?: CallOptions) => Promise<unknown>;

export const rowOf = (name: string): TableRow => (TABLE as Record<string, TableRow>)[name]!;
export const wrapperOf = (name: string): AnyWrapper => (lib as unknown as Record<string, AnyWrapper>)[name]!;

/** The row's parameters with their codes. */
export const specOf = (name: string): [param: string, code: ParamCode][] =>
  Object.entries(rowOf(name).params as Record<string, ParamCode>);

/** A valid value for a type code. */
export const VALID: Readonly<Record<string, unknown>> = {
  s: 'text',
  n: 1,
  b: true,
  a: ['item'],
  o: { key: 'value' },
  x: 'any',
};

/** Values of the wrong type for a code (`x` takes anything but undefined/null). */
export const WRONG: Readonly<Record<string, readonly unknown[]>> = {
  s: [1, true, {}, ['a'], () => 'x'],
  n: ['1', NaN, Infinity, -Infinity, true, {}, [1]],
  b: ['true', 1, 0, {}, []],
  a: [{}, 'a,b', 1, { length: 1, 0: 'a' }],
  o: [[], 'object', 1, true],
  x: [],
};

/** Minimal valid params: every required parameter, nothing else. */
export function requiredParams(name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, code] of specOf(name)) if (code !== code.toLowerCase()) out[k] = VALID[code.toLowerCase()];
  return out;
}

/** Every documented parameter with a valid value. */
export function fullParams(name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, code] of specOf(name)) out[k] = VALID[code.toLowerCase()];
  return out;
}

/** The names of a row's required parameters. */
export const requiredOf = (name: string): string[] =>
  specOf(name)
    .filter(([, code]) => code !== code.toLowerCase())
    .map(([k]) => k);

/** Applies documented → native renames, as the transport does. */
export function renamed(params: Record<string, unknown>, names: Readonly<Record<string, string>> | undefined) {
  const out: Record<string, unknown> = {};
  for (const k in params) out[names?.[k] ?? k] = params[k];
  return out;
}
