/**
 * APIs whose success is the result field itself: the docs' getAuthCode failure example
 * (`{ authErrorScopes: { auth_user: '10001' } }`) carries no `error`, so an answer without `authCode` is a
 * failure whatever else it says (qicardSignContract's `{}` too).
 */
import { HostError } from '../errors/host-error.js';
import type { Finish } from './invoke.js';
import { isFailure } from './normalise.js';
import { ifOwn } from './own.js';

/**
 * A `Finish` that rejects a success answer lacking `field` with a `HostError` (code 3, unknown error),
 * keeping the answer as `raw` (and so getAuthCode's `authErrorScopes`). Other answers take the default
 * path. The field is looked at first: an answer that has it (most) is classified once, by the default path.
 */
export const needs =
  (field: string): Finish =>
  (raw, failed, call, value = ifOwn(raw, field, raw[field])) =>
    (value == null || value === '') &&
    !failed &&
    !isFailure(raw) &&
    (call.settle(false, new HostError(call.spec.api, 3, `answered without ${field}`, raw)), true);
