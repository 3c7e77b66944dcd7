/** Turns the host's one answer object into a typed result or a typed error. */
import { HostError } from '../errors/host-error.js';
import type { SuperQiError } from '../errors/superqi-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { UserCancelledError } from '../errors/user-cancelled-error.js';
import type { ErrorCodeKey } from '../table/row.js';
import { meaningOf } from './meanings.js';
import { ifOwn, ownValue } from './own.js';
import type { Spec } from './spec.js';

/** APIs the host answered "not found" (error 1) for; `canIUse` reads it. */
export const unsupportedByHost = new Set<string>();

const present = (v: unknown): boolean => v != null && v !== '' && v !== 0 && v !== '0';

/**
 * Whether a host answer object reports a failure: a non-zero `error`/`errorCode`, or an
 * `errorMessage`/`errMessage` with no code at all (an explicit `error: 0` is a success).
 */
export const isFailure = (raw: Record<string, unknown>): boolean => {
  // Own fields only: an `error` a page added to Object.prototype is no failure of this answer.
  const error = ifOwn(raw, 'error', raw['error']);
  const errorCode = ifOwn(raw, 'errorCode', raw['errorCode']);
  return present(error) || present(errorCode) || (error == null && errorCode == null && (ifOwn(raw, 'errorMessage', raw['errorMessage']) ?? ifOwn(raw, 'errMessage', raw['errMessage'])) != null);
};

/**
 * The result of an answer that reports success, or undefined when it reports a failure (the docs: "If
 * the result contains error or errorMessage fields, the call failed") or is no object.
 */
export function success(answer: unknown): object | undefined {
  if (answer == null) return {};
  return typeof answer !== 'object' || Array.isArray(answer) || isFailure(answer as Record<string, unknown>) ? undefined : answer;
}

/**
 * The error for a failed answer (or one that is no object). `error` values that are numeric strings
 * become numbers; `errorCode` stays as sent. The text is the host's, else the documented meaning (when
 * the bundle has the table), else a generic one.
 */
export function failure(spec: Spec, answer: unknown): SuperQiError {
  const api = spec.api;
  if (answer == null) answer = {};
  if (typeof answer !== 'object') {
    return new HostError(api, 3, `host answered a ${typeof answer}`, { value: answer });
  }
  const raw = answer as Record<string, unknown>; // an array too: HostError 3
  const error = ownValue(raw, 'error');
  let code = (present(error) ? (typeof error === 'string' && /^\d+$/.test(error) ? +error : error) : ownValue(raw, 'errorCode')) as ErrorCodeKey | undefined;
  if (code == null || code === '') code = 3;
  // APIs outside the table (`call()`) have no documented meanings.
  const meaning = spec.params && meaningOf?.(api, code);
  const text = String(ownValue(raw, 'errorMessage') ?? ownValue(raw, 'errMessage') ?? ownValue(raw, 'message') ?? meaning ?? 'host failure');
  // Loose equality: a cancel code matches as number or string (11 and '11', '6001' and 6001).
  const Kind = spec.cancel?.some((c) => c == code)
    ? UserCancelledError
    : code === 1
      ? UnsupportedError
      : HostError;
  if (Kind === UnsupportedError) unsupportedByHost.add(api);
  return new Kind(api, code, text, raw);
}
