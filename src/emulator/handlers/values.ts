/** Reading loose parameter values, shared by the handlers. */
import { own } from '../../core/own.js';
import type { HandlerContext, HostFailure } from '../types.js';

/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a handler's intermediate result is a failure answer (own `error`/`errorCode`, not inherited ones). */
export const isFailureAnswer = (v: unknown): v is HostFailure => isRecord(v) && (own(v, 'error') || own(v, 'errorCode'));

/** `v` if it is a string. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A required non-empty string parameter, or a failure. */
export function stringParam(ctx: HandlerContext, name: string): string | HostFailure {
  const v = ctx.params[name];
  return typeof v === 'string' && v !== '' ? v : ctx.fail(2, `${name} is required and must be a non-empty string`);
}
