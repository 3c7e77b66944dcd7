/**
 * The documented meaning of an error code, for errors whose host answer has no text of its own. The
 * wording lives in the API table's rows, which only some bundles carry: the exported `TABLE` hands
 * itself over here (`withMeanings`, a pure call, so a bundler drops it — and the wording — along with
 * an unused `TABLE`). Without it, errors keep the host's text, or a generic one. The lookup itself is
 * built inside `withMeanings`, so a bundle without `TABLE` carries only the empty hook.
 */
import type { ErrorCodeKey } from '../table/row.js';
import { ownValue } from './own.js';

type Rows = Readonly<Record<string, { readonly errors?: Readonly<Record<ErrorCodeKey, string>> }>>;

/** The documented meaning of `code` for the table API `api`; unset until the table is loaded. */
export let meaningOf: ((api: string, code: ErrorCodeKey) => string | undefined) | undefined;

/** Makes `rows` the source of documented meanings; returns it. */
export function withMeanings<T extends Rows>(rows: T): T {
  meaningOf = (api, code) => ownValue(ownValue<Rows[string]>(rows, api)?.errors, code);
  return rows;
}
