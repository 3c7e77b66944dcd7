/** Turns the host's one answer object into a typed result or a typed error. */
import { HostError } from '../errors/host-error.js';
import type { SuperQiError } from '../errors/superqi-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { UserCancelledError } from '../errors/user-cancelled-error.js';
import type { ApiRow } from '../table/row.js';

/** APIs the host answered "not found" (error 1) for; `canIUse` reads it. */
export const unsupportedByHost = new Set<string>();

/** A host answer, once classified: `[true, value]` or `[false, error]`. */
export type Outcome = readonly [ok: true, value: unknown, viaFail?: boolean] | readonly [ok: false, error: SuperQiError];

const present = (v: unknown): boolean => v != null && v !== '' && v !== 0 && v !== '0';

/**
 * Whether a host answer object reports a failure: a non-zero `error`/`errorCode`, or an
 * `errorMessage`/`errMessage` with no code at all (an explicit `error: 0` is a success).
 */
export const isFailure = (raw: Record<string, unknown>): boolean =>
  present(raw['error']) ||
  present(raw['errorCode']) ||
  (raw['error'] == null && raw['errorCode'] == null && (raw['errorMessage'] ?? raw['errMessage']) != null);

/**
 * Classifies an answer. Failure: it came through `fail`, or carries `error`/`errorCode` (other than 0),
 * or an `errorMessage` with no code (the docs: "If the result contains error or errorMessage fields,
 * the call failed"). `error` values that are numeric strings become numbers; `errorCode` stays as sent.
 */
export function normalise(api: string, row: ApiRow | undefined, answer: unknown, failed?: boolean): Outcome {
  if (answer == null) answer = {};
  if (typeof answer !== 'object') {
    return [false, new HostError(api, 3, `the host answered a ${typeof answer}, not an object`, { value: answer })];
  }
  const raw = answer as Record<string, unknown>;
  const message = raw['errorMessage'] ?? raw['errMessage'];
  if (!failed && !isFailure(raw)) {
    const renames = row?.alias?.results;
    if (!renames) return [true, raw];
    const out = { ...raw };
    for (const from in renames) if (out[renames[from]!] === undefined && from in raw) out[renames[from]!] = raw[from];
    return [true, out];
  }
  let code = (present(raw['error']) ? raw['error'] : raw['errorCode']) as number | string | undefined;
  if (typeof code === 'string' && present(raw['error']) && /^\d+$/.test(code)) code = Number(code);
  if (code == null || code === '') code = 3;
  const meaning = row?.errors && Object.prototype.hasOwnProperty.call(row.errors, code) ? row.errors[code] : undefined;
  const text = String(message ?? raw['message'] ?? meaning ?? 'the host reported a failure');
  const Kind = row?.cancel?.some((c) => String(c) === String(code))
    ? UserCancelledError
    : code === 1
      ? UnsupportedError
      : HostError;
  if (Kind === UnsupportedError) unsupportedByHost.add(api);
  return [false, new Kind(api, code, text, raw)];
}
