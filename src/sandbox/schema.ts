/**
 * The wallet's tables in SQLite. Each record is one row: its id, and its JSON as the state types in
 * state.ts describe it (`body`). The fields the handlers look records up by, and the fields the
 * invariants are about, are generated columns read from the JSON, so the database itself indexes
 * them and refuses a change that breaks an invariant:
 *
 * - balances are safe integers ≥ 0 (CHECK);
 * - a payment never gives back more than it took, holds only what it took, and holds or refunds
 *   money only once paid (CHECK);
 * - one payment per `paymentRequestId` and one refund per `refundRequestId` of a merchant, one token
 *   per authCode (UNIQUE: the request-id indexes are also how handlers find a payment or refund by it);
 * - fils are conserved: triggers keep `ledger.fils` equal to the fils held by users, merchants and
 *   escrow, and a deferred foreign key makes COMMIT fail unless it equals the total the wallet was
 *   created with (`balanced.total`).
 *
 * What a CHECK cannot see (a payment's `refunded` against the sum of its refunds) is checked on the
 * rows a transaction touched, before it commits (store.ts).
 */
import { TABLE_NAMES, type Tables } from './state.js';

/**
 * The tables kept in the database: all of the state's but the request-id lookups (`paymentsByRequest`,
 * `refundsByRequest`), which are the unique indexes on payments and refunds here.
 */
export type StoredTable = Exclude<keyof Tables, 'paymentsByRequest' | 'refundsByRequest'>;
export const STORED_TABLES = TABLE_NAMES.filter((t): t is StoredTable => t !== 'paymentsByRequest' && t !== 'refundsByRequest');

/** The schema's version (`PRAGMA user_version`); 0 is an empty file. */
export const SCHEMA_VERSION = 2;

/**
 * Fields a payment or refund never changes once made, by which the handlers and the page find it: plain
 * columns the store writes beside the body (`[column, field]`), checked to equal the body's field. A
 * change of the body alone (a refund's payment, a settled refund) then leaves their indexes untouched,
 * where a generated column would have each of its index entries rewritten (measured: a refund writes
 * two index pages fewer).
 */
export const COPIED: Readonly<Partial<Record<StoredTable, ReadonlyArray<readonly [string, string]>>>> = {
  payments: [
    ['clientId', 'clientId'],
    ['paymentRequestId', 'paymentRequestId'],
    ['at', 'createdAt'],
  ],
  refunds: [
    ['clientId', 'clientId'],
    ['refundRequestId', 'refundRequestId'],
    ['paymentId', 'paymentId'],
    ['at', 'createdAt'],
  ],
};

const MAX_SAFE = '9007199254740991';
const col = (name: string, path = name, type = 'TEXT') => `${name} ${type} GENERATED ALWAYS AS (json_extract(body, '$.${path}')) VIRTUAL`;
/**
 * A column the page filters or searches by without an index: kept in the row (STORED), so a scan reads
 * it without parsing the JSON (a status filter over 100,000 payments: ~12 ms, against ~250 ms parsing
 * each body). An index would cost every pay and refund another page written.
 */
const kept = (name: string, path = name) => `${name} TEXT GENERATED ALWAYS AS (json_extract(body, '$.${path}')) STORED`;
/** A copied field (see `COPIED`): a plain column that must equal the body's field. */
const copy = (name: string, path = name, type = 'TEXT') => `${name} ${type} CHECK (${name} IS json_extract(body, '$.${path}'))`;
const money = (name: string) => `${col(name, name, 'INTEGER')} CHECK (typeof(${name}) = 'integer' AND ${name} BETWEEN 0 AND ${MAX_SAFE})`;
const table = (name: StoredTable, ...columns: string[]) =>
  `CREATE TABLE ${name} (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL CHECK (json_valid(body))${columns.map((c) => `,\n  ${c}`).join('')})${KEYED.includes(name) ? ' WITHOUT ROWID' : ''};`;
/**
 * Tables stored in the B-tree of their id (no rowid): one B-tree written per record instead of two (the
 * table and its id's index). Only where nothing reads them in rowid order and the records are small.
 */
const KEYED: readonly StoredTable[] = ['idempotency'];

/** Keeps `ledger.fils` equal to the sum of `column` over `name` (users' and merchants' balances, escrow). */
const filsTriggers = (name: StoredTable, column: string) => `
CREATE TRIGGER ${name}_fils_insert AFTER INSERT ON ${name} BEGIN UPDATE ledger SET fils = fils + NEW.${column}; END;
CREATE TRIGGER ${name}_fils_update AFTER UPDATE ON ${name} BEGIN UPDATE ledger SET fils = fils - OLD.${column} + NEW.${column}; END;
CREATE TRIGGER ${name}_fils_delete AFTER DELETE ON ${name} BEGIN UPDATE ledger SET fils = fils - OLD.${column}; END;`;

/** Newest first paging (`at`, then `id`). */
const listed = (name: StoredTable) => `CREATE INDEX ${name}_by_time ON ${name} (at, id);`;

export const SCHEMA = `
CREATE TABLE balanced (total INTEGER PRIMARY KEY);
CREATE TABLE ledger (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fils INTEGER NOT NULL REFERENCES balanced (total) DEFERRABLE INITIALLY DEFERRED
);

${table('users', money('balance'))}
${table('merchants', money('balance'))}
${table('authCodes')}
${table('tokens', col('fromCode'))}
CREATE UNIQUE INDEX tokens_one_per_code ON tokens (fromCode) WHERE fromCode IS NOT NULL;
${table('refreshTokens')}
${table(
  'payments',
  copy('clientId'),
  copy('paymentRequestId'),
  kept('payerId'),
  kept('status'),
  copy('at', 'createdAt', 'INTEGER'),
  col('amount', 'amount', 'INTEGER'),
  money('held'),
  money('refunded'),
  money('voided'),
  col('expiresAt', 'expiresAt', 'INTEGER'),
  col('settleAt', 'settleAt', 'INTEGER'),
  `CHECK (refunded + voided <= amount)`,
  `CHECK (held <= amount)`,
  `CHECK (status = 'SUCCESS' OR (refunded = 0 AND held = 0))`,
)}
CREATE UNIQUE INDEX payments_one_per_request ON payments (paymentRequestId, clientId);
CREATE INDEX payments_due ON payments (min(coalesce(settleAt, expiresAt), expiresAt)) WHERE status = 'PROCESSING';
${listed('payments')}
${table(
  'refunds',
  copy('clientId'),
  copy('refundRequestId'),
  copy('paymentId'),
  kept('status'),
  copy('at', 'createdAt', 'INTEGER'),
  money('amount'),
  col('settleAt', 'settleAt', 'INTEGER'),
)}
CREATE UNIQUE INDEX refunds_one_per_request ON refunds (refundRequestId, clientId);
CREATE INDEX refunds_due ON refunds (settleAt) WHERE status = 'PROCESSING' AND settleAt IS NOT NULL;
CREATE INDEX refunds_by_payment ON refunds (paymentId);
${listed('refunds')}
${table('contracts')}
${table('agreements', kept('userId'), col('at', 'createdAt', 'INTEGER'))}
${listed('agreements')}
${table('consents')}
${table('messages', kept('userId'), col('at', 'at', 'INTEGER'))}
${listed('messages')}
${table('deliveries', kept('paymentId'), kept('status'), col('at', 'createdAt', 'INTEGER'), col('nextAt', 'nextAt', 'INTEGER'))}
CREATE INDEX deliveries_pending ON deliveries (nextAt) WHERE status = 'PENDING';
${listed('deliveries')}
${table('idempotency')}
${table('confirms')}
${table('forced')}
${filsTriggers('users', 'balance')}
${filsTriggers('merchants', 'balance')}
${filsTriggers('payments', 'held')}
`;
