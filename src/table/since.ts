/**
 * The host version the docs require, for the rows that have one (`since`), read off the row itself
 * so the version is written once. Kept apart from `TABLE` so `canIUse` never pulls the table in;
 * test/core/table.test.ts checks it has every row with a `since`.
 */
import { qicardSignContract } from './essential.js';
import type { ApiName } from './index.js';

/** The rows with a `since`, read off the row itself (so the version is written once, in the row). */
export const SINCE: { readonly [K in ApiName]?: string } = {
  qicardSignContract: qicardSignContract.since,
};
