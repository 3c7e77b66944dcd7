/**
 * The documented meaning of an error code, for errors whose host answer has no text of its own. The
 * wording lives in the API table's rows, which only some bundles carry: the exported `TABLE` hands
 * itself over here (`withMeanings`, a pure call, so a bundler drops it — and the wording — along with
 * an unused `TABLE`). Without it, errors keep the host's text, or a generic one.
 */
import type { ErrorCodeKey } from '../table/row.js';

type Rows = Readonly<Record<string, { readonly errors?: Readonly<Record<ErrorCodeKey, string>> }>>;

const own = (o: object, k: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, k);
let table: Rows | undefined;

/** Makes `rows` the source of documented meanings; returns it. */
export function withMeanings<T extends Rows>(rows: T): T {
  table = rows;
  return rows;
}

/** The documented meaning of `code` for the table API `api`, when the table is loaded and documents it. */
export function meaningOf(api: string, code: ErrorCodeKey): string | undefined {
  const errors = table && own(table, api) ? table[api]!.errors : undefined;
  return errors && own(errors, code) ? errors[code] : undefined;
}
