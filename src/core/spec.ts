/**
 * What a call needs of its table row, worked out once per API (on its first call): the row's runtime
 * fields, copied, and its parameter checks. Rows hold only runtime fields (their documentation is in
 * src/table/docs.ts), so the copy carries nothing a call does not read.
 */
import type { ApiRow, RuntimeRow } from '../table/row.js';
import type { Finish } from './invoke.js';
import { compile, type Check } from './validate.js';

/** One API as calls see it: its name and its row's runtime fields (none for `call()` outside the table). */
export interface Spec extends Partial<RuntimeRow> {
  /** The documented name (errors carry it; the transport sends it unless renamed). */
  readonly api: string;
  /** The row's parameter checks. */
  readonly checks: readonly Check[];
  /** tradePay's post-processing. */
  readonly finish?: Finish | undefined;
  /** The returned Promise also has `abort()` (request's RequestTask). */
  readonly task?: boolean | undefined;
}

/** The spec of a table API. */
export function specOf(api: string, row: ApiRow, finish?: Finish, task?: boolean): Spec {
  return { ...row, api, checks: compile(row.params as Record<string, string>), finish, task };
}
