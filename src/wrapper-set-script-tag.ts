/**
 * wrapper-set.ts as the script-tag build has it: every wrapper made from the table's rows by name,
 * with the same post-processing (`Finish`) and RequestTasks as wrappers.ts; test/core/wrapper-set.test.ts
 * checks the two agree API by API.
 */
import { api } from './core/api.js';
import type { Finish } from './core/invoke.js';
import { needs } from './core/needs.js';
import { ownValue } from './core/own.js';
import { renamed } from './core/renames.js';
import { finishTradePay } from './core/trade-pay.js';
import { ROWS } from './table/index.js';
import type { ApiRow } from './table/row.js';
import type * as wrappers from './wrappers.js';

const authCode = /* @__PURE__ */ needs('authCode');
/** The APIs whose wrappers post-process answers (as in wrappers.ts). */
const FINISH: Readonly<Record<string, Finish>> = { getAuthCode: authCode, qicardSignContract: authCode, tradePay: finishTradePay, confirm: renamed };

const all: Record<string, unknown> = Object.create(null);
// canIUse is a row (the host's JSAPI) with no wrapper: canIUse() answers locally.
// Own names only: what a page put on Object.prototype is no row and no post-processing.
for (const name of Object.keys(ROWS)) {
  if (name !== 'canIUse') all[name] = api(name, ROWS[name as keyof typeof ROWS] as ApiRow, ownValue(FINISH, name), name === 'request' || name === 'httpRequest');
}

/** Every wrapper, keyed by name, without a prototype. */
export const WRAPPERS = all as unknown as typeof wrappers;
