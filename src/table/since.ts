/**
 * The host version the docs require, for the rows that need one (qicardSignContract: "host runtime
 * 1.24.6 or higher"). Written here once: `canIUse` reads it without the table, and `TABLE` rows carry
 * it as `since`. Plain data.
 */
import type { ApiName } from './index.js';

/** API name → lowest host runtime version the docs require. */
export const SINCE: { readonly [K in ApiName]?: string } = {
  qicardSignContract: '1.24.6',
};
