/**
 * What a call needs of its table row, worked out once per API (on its first call, in `api()`): the
 * row's runtime fields, copied, and its parameter checks. Rows hold only runtime fields (their documentation is in
 * src/table/docs.ts), so the copy carries nothing a call does not read.
 */
import type { RuntimeRow } from '../table/row.js';
import type { Finish } from './invoke.js';
import type { Checks } from './validate.js';

/**
 * One API as calls see it: its name, its row's runtime fields and parameter checks (none for `call()`
 * outside the table).
 */
export interface Spec extends Partial<RuntimeRow>, Partial<Checks> {
  /** The documented name (errors carry it; the transport sends it unless renamed). */
  readonly api: string;
  /** tradePay's post-processing. */
  readonly finish?: Finish | undefined;
  /** The returned Promise also has `abort()` (request's RequestTask). */
  readonly task?: boolean | undefined;
}
