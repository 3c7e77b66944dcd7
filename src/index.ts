/**
 * superqi-bridge: typed, Promise-first wrappers for every Super Qi JSAPI.
 * This file only re-exports, by name; importing it touches no global and starts nothing.
 */
export * from './wrappers.js';
export * from './exports.js';
// ESM only, not on the script tag's `SuperQi` (docs/wrappers.md, "Use it in a page"), which keeps the script tag
// under its 6 KB: the table's data (its documentation) and classic native names (~170 B min+gz), the
// scope lists and amount helpers (~420 B), and what tests and custom hosts use to swap the transport
// or reset the settings (~70 B).
export { TABLE } from './table/exported.js';
export { API_NAMES } from './table/index.js';
export { CLASSIC_NATIVES } from './table/classic.js';
export { iqdToFils, filsToIqd, toPaymentAmount } from './core/trade-pay.js';
export { CUSTOMER_SCOPES, BUSINESS_SCOPES, SILENT_SCOPES } from './table/scopes.js';
export { resetConfig } from './core/config.js';
export { setTransport, resetTransport } from './core/transport.js';
// Deep links (05-utilities/01-deep-links): for landing pages and backends, not for calls.
export {
  miniappDeepLink,
  miniappWebLink,
  parseDeepLink,
  redirectToMiniapp,
  DEEP_LINK_BASE,
  DEEP_LINK_WEB,
  STORE_URLS,
  type MiniappLink,
  type ParsedMiniappLink,
  type QueryValue,
  type RedirectOptions,
} from './deep-links.js';
