/**
 * The parameter editor's check: the text must be a JSON object, and each documented parameter must
 * have the type its table code says (required ones present). Unknown keys are warnings: the host may
 * take parameters the docs omit. Every problem is reported, not just the first.
 */
import type { ApiName } from '../../src/index.js';
import type { ParamCode } from '../../src/index.js';
import { describeCode, rowOf } from './table-info.js';

/** One finding, for one parameter (or the whole text when `param` is absent). */
export interface Finding {
  readonly param?: string;
  readonly message: string;
}

/** What the editor's text amounts to. */
export interface Checked {
  /** The parsed params, when the text is a JSON object. */
  readonly params?: Record<string, unknown>;
  /** Problems the library would refuse the call for (or the text is not JSON). */
  readonly errors: readonly Finding[];
  /** Things worth a look that do not stop the call. */
  readonly warnings: readonly Finding[];
}

const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

const fits = (code: string, v: unknown): boolean =>
  code === 'x'
    ? v !== undefined
    : code === 'a'
      ? Array.isArray(v)
      : code === 'o'
        ? typeof v === 'object' && v !== null && !Array.isArray(v)
        : code === 'n'
          ? typeof v === 'number' && Number.isFinite(v)
          : typeof v === (code === 's' ? 'string' : 'boolean');

/** Where in `text` a JSON.parse error points, as "line L, column C" when the engine says where. */
function position(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return '';
  const offset = Number(at[1]);
  const before = text.slice(0, offset).split('\n');
  return ` (line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1})`;
}

/** Checks editor text against the documented parameters of `api`. */
export function checkParams(api: ApiName, text: string): Checked {
  const trimmed = text.trim();
  let value: unknown;
  if (trimmed === '') value = {};
  else {
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      const message = (e as Error).message;
      return { errors: [{ message: `Not valid JSON: ${message}${position(trimmed, message)}` }], warnings: [] };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { errors: [{ message: `Parameters must be a JSON object, got ${kind(value)}` }], warnings: [] };
  }
  const params = value as Record<string, unknown>;
  const spec = rowOf(api).params as Readonly<Record<string, ParamCode>>;
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const [param, code] of Object.entries(spec)) {
    const { type, required } = describeCode(code);
    const v = params[param];
    if (v === undefined || v === null) {
      if (required) errors.push({ param, message: `${param} is required (${type})` });
      else if (v === null) warnings.push({ param, message: `${param} is null: the library treats it as absent` });
    } else if (!fits(code.toLowerCase(), v)) {
      errors.push({ param, message: `${param} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}, got ${kind(v)}` });
    }
  }
  for (const param of Object.keys(params)) {
    if (param === 'success' || param === 'fail' || param === 'complete') {
      errors.push({ param, message: `${param} is a callback: JSON cannot carry functions (the snippets show where it goes)` });
    } else if (!(param in spec)) {
      warnings.push({ param, message: `${param} is not a documented parameter of ${api}: it is sent as is` });
    }
  }
  return { params, errors, warnings };
}
