/**
 * The parameter editor's check: the text must be a JSON object, and each documented parameter must
 * have the type its table code says (required ones present). Unknown keys are warnings: the host may
 * take parameters the docs omit. Every problem is reported, not just the first.
 */
import type { ApiName, ApiParams, ParamCode } from '../../src/index.js';
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

/**
 * The documented values of parameters whose type is a list of literals. The table carries only type
 * codes, so the values are listed here — typed against each API's params, so a value the type does
 * not allow fails the type check. A value outside the list is a warning (the library sends it as is).
 */
type Choices = { readonly [K in ApiName]?: { readonly [P in keyof ApiParams<K>]?: readonly NonNullable<ApiParams<K>[P]>[] } };
export const CHOICES: Choices = {
  datePicker: { format: ['yyyy-MM-dd', 'HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy-MM', 'yyyy'] },
  prompt: { align: ['left', 'center', 'right'] },
  showToast: { type: ['success', 'fail', 'exception', 'none'] },
  getFileInfo: { digestAlgorithm: ['md5', 'sha1'] },
  openDocument: { fileType: ['pdf'] },
  request: { method: ['GET', 'POST'], dataType: ['json', 'text', 'base64'] },
  httpRequest: { method: ['GET', 'POST'], dataType: ['json', 'text', 'base64'] },
  chooseVideo: { camera: ['back', 'front'] },
  scan: { type: ['qr', 'bar'] },
  compressImage: { compressLevel: [0, 1, 2, 4] },
};

/** The documented values of `param` of `api`, when the docs list them. */
export const choicesOf = (api: ApiName, param: string): readonly unknown[] | undefined =>
  (CHOICES[api] as Readonly<Record<string, readonly unknown[]>> | undefined)?.[param];

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
    } else {
      const choices = choicesOf(api, param);
      if (choices && !choices.includes(v)) {
        warnings.push({ param, message: `${param} is not one of the documented values: ${choices.map((c) => JSON.stringify(c)).join(', ')}` });
      }
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
