/**
 * The store: the wallet in an SQLite database in the sandbox directory (`state.db`, write-ahead
 * log), one transaction per request. A request's reads and writes go to the database as it runs;
 * it commits as a whole or not at all, and the invariants (schema.ts) are constraints the database
 * checks on the rows the transaction touched, so the cost of a request does not grow with history.
 *
 * A change counts once `transact` returns: it is committed to the log (`synchronous = NORMAL`),
 * which a killed process (kill -9) never loses; only a crash of the machine itself may take the last
 * commits, as it could take the last write of the JSON file this store replaced (that was not synced
 * either). A commit that fails (a full disk) is rolled back: the state is as before the request.
 *
 * A directory that still has the `state.json` of older versions is migrated once, on first start:
 * its records are checked as before (state-check.ts), copied in one transaction, and the file is
 * renamed `state.json.migrated` (kept, never read again).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FILES } from './credentials.js';
import { COPIED, SCHEMA, SCHEMA_VERSION, STORED_TABLES, type StoredTable } from './schema.js';
import { isConstraintError, openDatabase, sqliteCode, type Database, type Statement } from './sqlite.js';
import { readState } from './state-check.js';
import { brokenInvariant, initialState, type PaymentRecord, type RefundRecord, type State, type Tables } from './state.js';

export type Row<T extends keyof Tables> = Tables[T][string];
export type { StoredTable } from './schema.js';

/** Tables small enough to read whole (a handful of users and merchants, one forced outcome). */
export type SmallTable = 'users' | 'merchants' | 'consents' | 'forced';

/** Tables the page lists newest first, a page at a time. */
export type ListedTable = 'payments' | 'refunds' | 'agreements' | 'deliveries' | 'messages';

/** Reads records: a transaction (`Tx`), or the store between transactions. */
export interface Reader {
  get<T extends StoredTable>(table: T, id: string): Row<T> | undefined;
  /** Every record of a small table. */
  all<T extends SmallTable>(table: T): Array<Row<T>>;
}

/** One page of a listed table: newest first. */
export interface PageQuery {
  /** At most this many records. */
  limit: number;
  /** The `next` of the page before: records older than its last one. */
  before?: string;
  /** Only records one of whose ids (its own, the request id, the payment's, the user's) starts with this. */
  q?: string;
  /** Only records in this status (payments, refunds, deliveries). */
  status?: string;
}

export interface Page<T> {
  items: T[];
  /** Records that match the query, on every page. */
  total: number;
  /** Pass as `before` for the next page; null on the last one. */
  next: string | null;
}

/** The columns a person searches each listed table by (exact id or its start). */
const SEARCHED: Record<ListedTable, readonly string[]> = {
  payments: ['id', 'paymentRequestId', 'payerId'],
  refunds: ['id', 'refundRequestId', 'paymentId'],
  agreements: ['id', 'userId'],
  deliveries: ['id', 'paymentId'],
  messages: ['id', 'userId'],
};
const HAS_STATUS: readonly ListedTable[] = ['payments', 'refunds', 'deliveries'];

/** Thrown by `Store.transact` when a change would break an invariant (it was undone). */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** Thrown by `Store.page` for a `before` that no page gave. */
export class CursorError extends Error {
  override name = 'CursorError';
}

/** The database, with each statement prepared once. */
class Db {
  private readonly statements = new Map<string, Statement>();
  private readonly columns = new Map<string, Statement>();
  constructor(readonly raw: Database) {}
  /** `text` prepared, rows as objects. */
  sql(text: string): Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.raw.prepare(text)));
    return s;
  }
  /** `text` prepared, rows as arrays (for its first column). */
  private column(text: string): Statement {
    let s = this.columns.get(text);
    if (!s) this.columns.set(text, (s = this.raw.prepare(text).raw(true)));
    return s;
  }
  /** The body of `table`'s record `id`, parsed. */
  row<T extends StoredTable>(table: T, id: string): Row<T> | undefined {
    const body = this.value(`SELECT body FROM ${table} WHERE id = ?`, id) as string | undefined;
    return body === undefined ? undefined : (JSON.parse(body) as Row<T>);
  }
  /** The first column of each row (a record's body), parsed. */
  bodies<T>(text: string, ...params: unknown[]): T[] {
    return (this.column(text).all(...params) as string[][]).map((r) => JSON.parse(r[0]!) as T);
  }
  /** Drops every prepared statement (after the schema they were prepared on was rolled back). */
  forget(): void {
    this.statements.clear();
    this.columns.clear();
  }
  /** The first column of the first row, or undefined. */
  value(text: string, ...params: unknown[]): unknown {
    return (this.column(text).get(...params) as unknown[] | undefined)?.[0];
  }
}

/** Inserts a record (its copied fields beside it: schema.ts `COPIED`), replacing the body of one with its id. */
const upsertSql = (table: StoredTable): string => {
  const columns = ['id', 'body', ...(COPIED[table] ?? []).map(([c]) => c)];
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET body = excluded.body`;
};
const UPSERT = new Map(STORED_TABLES.map((t) => [t, upsertSql(t)]));

/** The values `UPSERT`'s statement for `table` takes. */
function upsertParams(table: StoredTable, id: string, record: unknown): unknown[] {
  const copied = COPIED[table];
  const params: unknown[] = [id, JSON.stringify(record)];
  if (copied) for (const [, field] of copied) params.push((record as Record<string, unknown>)[field] ?? null);
  return params;
}

const DUE_PAYMENTS = `FROM payments WHERE status = 'PROCESSING'`;
const DUE = `min(coalesce(settleAt, expiresAt), expiresAt)`;
const DUE_REFUNDS = `FROM refunds WHERE status = 'PROCESSING' AND settleAt IS NOT NULL`;

/**
 * Records read on most requests and written by few (the merchants, the users, the forced outcome),
 * kept parsed in memory: this process is the database's only writer, and a transaction's puts reach
 * the memory only when it commits.
 */
const CACHED: ReadonlySet<StoredTable> = new Set<StoredTable>(['users', 'merchants', 'forced']);
type Cache = Map<StoredTable, Map<string, unknown>>;

/** When a PROCESSING payment or refund has work due (`Tx.due`), or Infinity. */
function dueAt(table: StoredTable, record: unknown): number {
  if (table === 'payments') {
    const p = record as PaymentRecord;
    return p.status === 'PROCESSING' ? Math.min(p.settleAt ?? p.expiresAt, p.expiresAt) : Infinity;
  }
  const r = record as RefundRecord;
  return r.status === 'PROCESSING' && r.settleAt !== undefined ? r.settleAt : Infinity;
}

/**
 * A handler's view of the wallet, inside one database transaction: reads see its own puts. A put is
 * written to the database once, when the transaction ends (or before a query that may read it): a
 * record put twice in a request (a payment created, then paid) is serialised and written once, and the
 * indexes of the rows it replaces are not churned in between. A record read twice is looked up once.
 */
export class Tx implements Reader {
  /** Payments whose refunds or `refunded` this transaction changed (checked before commit). */
  readonly touchedPayments = new Set<string>();
  changed = false;
  /** The tables this transaction put records in. */
  readonly tables = new Set<StoredTable>();
  /** The earliest due work a payment or refund put here has (Infinity when none). */
  earliestDue = Infinity;
  /** Puts to the cached tables, applied to the store's memory at commit. */
  readonly cachedPuts: Cache = new Map();
  /** Puts not yet written to the database (undefined: a delete). */
  private readonly unwritten: Cache = new Map();
  /** Records this transaction read or wrote (undefined: known missing). */
  private readonly seen: Cache = new Map();

  constructor(
    private readonly db: Db,
    private readonly cache: Cache,
  ) {}

  get<T extends StoredTable>(table: T, id: string): Row<T> | undefined {
    const pending = this.unwritten.get(table);
    if (pending?.has(id)) return pending.get(id) as Row<T> | undefined;
    if (CACHED.has(table)) {
      const mine = this.cachedPuts.get(table);
      if (mine?.has(id)) return mine.get(id) as Row<T> | undefined;
      let known = this.cache.get(table);
      if (!known) this.cache.set(table, (known = new Map()));
      if (!known.has(id)) known.set(id, this.db.row(table, id));
      return known.get(id) as Row<T> | undefined;
    }
    let seen = this.seen.get(table);
    if (!seen) this.seen.set(table, (seen = new Map()));
    if (!seen.has(id)) seen.set(id, this.db.row(table, id));
    return seen.get(id) as Row<T> | undefined;
  }

  /** The payment merchant `clientId` made with `paymentRequestId`, if any. */
  paymentByRequest(clientId: string, paymentRequestId: string): PaymentRecord | undefined {
    this.write();
    return this.db.bodies<PaymentRecord>('SELECT body FROM payments WHERE paymentRequestId = ? AND clientId = ?', paymentRequestId, clientId)[0];
  }

  /** The refund merchant `clientId` asked for with `refundRequestId`, if any. */
  refundByRequest(clientId: string, refundRequestId: string): RefundRecord | undefined {
    this.write();
    return this.db.bodies<RefundRecord>('SELECT body FROM refunds WHERE refundRequestId = ? AND clientId = ?', refundRequestId, clientId)[0];
  }

  /** Puts a record (`undefined` deletes it). Records are replaced whole, never edited in place. */
  put<T extends StoredTable>(table: T, id: string, value: Row<T> | undefined): void {
    this.changed = true;
    this.tables.add(table);
    if (table === 'payments') this.touchedPayments.add(id);
    if (value && (table === 'payments' || table === 'refunds')) this.earliestDue = Math.min(this.earliestDue, dueAt(table, value));
    if (CACHED.has(table)) {
      let mine = this.cachedPuts.get(table);
      if (!mine) this.cachedPuts.set(table, (mine = new Map()));
      mine.set(id, value);
    }
    // a refund's payment (a refund never moves to another payment: the old one is read only to delete)
    if (table === 'refunds') this.touchedPayments.add(value ? (value as RefundRecord).paymentId : (this.get('refunds', id)?.paymentId ?? ''));
    let pending = this.unwritten.get(table);
    if (!pending) this.unwritten.set(table, (pending = new Map()));
    pending.set(id, value);
  }

  /** Writes the puts not yet written (before a query that may read them, and before commit). */
  write(): void {
    for (const [table, rows] of this.unwritten) {
      let seen = this.seen.get(table);
      if (!seen) this.seen.set(table, (seen = new Map()));
      for (const [id, value] of rows) {
        if (value === undefined) this.db.sql(`DELETE FROM ${table} WHERE id = ?`).run(id);
        else this.db.sql(UPSERT.get(table)!).run(...upsertParams(table, id, value));
        seen.set(id, value);
      }
    }
    this.unwritten.clear();
  }

  all<T extends SmallTable>(table: T): Array<Row<T>> {
    this.write();
    return this.db.bodies<Row<T>>(`SELECT body FROM ${table} ORDER BY rowid`);
  }

  /** Work due at `now`: PROCESSING payments past their settle or expiry time, pending refunds to settle. */
  due(now: number): { payments: PaymentRecord[]; refunds: RefundRecord[] } {
    this.write();
    return {
      payments: this.db.bodies<PaymentRecord>(`SELECT body ${DUE_PAYMENTS} AND ${DUE} <= ?`, now),
      refunds: this.db.bodies<RefundRecord>(`SELECT body ${DUE_REFUNDS} AND settleAt <= ?`, now),
    };
  }
}

export interface StoreOptions {
  /** Directory holding state.db. */
  dir: string;
  clientId: string;
  merchantName?: string;
  /** Told when a corrupt state file was moved aside, or a commit failed. */
  onWarning?: (message: string) => void;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const SIDE_FILES = ['-wal', '-shm'];
/** How often the log is folded into the database (a checkpoint), and the size the log is cut back to after one. */
const CHECKPOINT_MS = 1000;
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The first `n` bytes of a file (a database can be large: it is not read whole). */
function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    return buffer.subarray(0, readSync(fd, buffer, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

export class Store implements Reader {
  /** The database file. */
  readonly path: string;
  /** Where a corrupt state file (the database, or the state.json being migrated) was moved, if one was. */
  readonly corruptFile?: string;
  private readonly db: Db;
  private readonly warn: (message: string) => void;
  private closed = false;
  /**
   * `nextDue()`'s answer, never later than the truth: a commit that adds due work lowers it; work that
   * leaves (paid, settled, closed) can only make the truth later, and `sweep` forgets it (`forgetDue`).
   */
  private due: number | undefined;
  /** The cached tables' records (see `CACHED`). */
  private readonly cache: Cache = new Map();
  /** Commits since the last checkpoint. */
  private unfolded = 0;
  /** No delivery is pending (known since the last commit that put one). */
  private noPendingDelivery = false;
  private readonly checkpoints: ReturnType<typeof setInterval>;

  constructor(options: StoreOptions) {
    this.path = join(options.dir, FILES.database);
    this.warn = options.onWarning ?? (() => {});
    let raw: Database;
    try {
      raw = this.open();
    } catch (e) {
      if ((e as Error).name === 'MissingDatabaseError' || /newer superqi-bridge/.test((e as Error).message)) throw e;
      const aside = `${this.path}.corrupt-${stamp()}`;
      for (const suffix of ['', ...SIDE_FILES]) if (existsSync(this.path + suffix)) renameSync(this.path + suffix, aside + suffix);
      this.corruptFile = aside;
      this.warn(`superqi-sandbox: ${this.path} is corrupt (${(e as Error).message}); moved it to ${aside} and started afresh`);
      raw = this.open();
    }
    this.db = new Db(raw);
    if (this.db.value('PRAGMA user_version') === 0) this.create(options);
    else this.retireJsonState();
    this.checkpoints = setInterval(() => this.checkpoint(), CHECKPOINT_MS);
    this.checkpoints.unref();
    // a merchant for this client id must exist (the directory's client.json is the truth)
    if (!this.get('merchants', options.clientId)) {
      this.transact((tx) =>
        tx.put('merchants', options.clientId, { clientId: options.clientId, merchantName: options.merchantName ?? 'Sandbox Merchant', merchantNameArabic: 'تاجر التجربة', status: 'NORMAL', balance: 0 }),
      );
    }
  }

  /** Opens the database file and checks it is one of ours (a corrupt or foreign file throws). */
  private open(): Database {
    // SQLite takes a file shorter than a page for an empty database and writes over it: such a file is
    // checked here (a database file starts with the magic string and holds at least one page). Not
    // when a write-ahead log is beside it: a process killed mid-checkpoint can leave the file's first
    // page unwritten, and SQLite rebuilds it from the log.
    if (existsSync(this.path) && !(existsSync(`${this.path}-wal`) && statSync(`${this.path}-wal`).size > 0)) {
      const { size } = statSync(this.path);
      if (size > 0 && (size < 512 || !head(this.path, MAGIC.length).equals(MAGIC))) throw new Error(`not an SQLite database (${size} bytes)`);
    }
    const raw = openDatabase(this.path);
    try {
      // checkpoints are the store's own (see `checkpoint`), not SQLite's every 1,000 pages of log
      raw.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = ${WAL_LIMIT_BYTES};`);
      const version = (raw.prepare('PRAGMA user_version').raw(true).get() as [number])[0];
      if (version > SCHEMA_VERSION) throw new Error(`${this.path} was made by a newer superqi-bridge (schema ${version}; this one reads ${SCHEMA_VERSION}): upgrade superqi-bridge, or start the sandbox on another directory`);
      if (version === SCHEMA_VERSION) {
        const missing = STORED_TABLES.filter((t) => !raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));
        if (missing.length) throw new Error(`tables missing: ${missing.join(', ')}`);
        // a file changed behind the sandbox's back (its triggers keep the ledger in step with the balances)
        const [fils, total] = (raw.prepare('SELECT fils, (SELECT total FROM balanced) FROM ledger').raw(true).get() as [number, number] | undefined) ?? [];
        if (fils !== total) throw new Error(`its invariant is broken: fils not conserved: ${String(fils)} ≠ ${String(total)}`);
      } else if (version !== 0) throw new Error(`unknown schema version ${version}`);
      return raw;
    } catch (e) {
      raw.close();
      throw e;
    }
  }

  /** A new database: the schema and the first state (the old state.json's, if there is one) in one transaction. */
  private create(options: StoreOptions): void {
    const migrated = this.readJsonState();
    if (migrated) {
      try {
        this.fill(migrated);
        this.retireJsonState();
        return;
      } catch (e) {
        // a record the old checks let through but a constraint refuses (two payments with one paymentRequestId…)
        if (!isConstraintError(e) && !(e instanceof InvariantError)) throw this.cannotCreate(e);
        this.moveJsonAside(`a state the database refuses: ${(e as Error).message}`);
      }
    }
    try {
      this.fill(initialState(options.clientId, options.merchantName));
    } catch (e) {
      throw this.cannotCreate(e);
    }
  }

  /** The schema and `state`'s records, committed together (or nothing, and the error thrown). */
  private fill(state: State): void {
    const { raw } = this.db;
    raw.exec('BEGIN IMMEDIATE');
    try {
      raw.exec(SCHEMA);
      this.db.sql('INSERT INTO balanced (total) VALUES (?)').run(state.totalFils);
      this.db.sql('INSERT INTO ledger (id, fils) VALUES (1, 0)').run();
      for (const table of STORED_TABLES) {
        const insert = this.db.sql(UPSERT.get(table)!);
        for (const [id, record] of Object.entries(state[table])) insert.run(...upsertParams(table, id, record));
      }
      const fils = this.db.value('SELECT fils FROM ledger') as number;
      if (fils !== state.totalFils) throw new InvariantError(`fils not conserved: ${fils} ≠ ${state.totalFils}`);
      raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
      raw.exec('COMMIT');
    } catch (e) {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      throw e;
    } finally {
      // the statements prepared on tables that a rollback removed are no use any more
      this.db.forget();
    }
  }

  private cannotCreate(e: unknown): Error {
    this.db.raw.close();
    const code = sqliteCode(e);
    return new Error(`superqi-sandbox: could not create ${this.path} (${code ? `${code}: ` : ''}${(e as Error).message})`, { cause: e });
  }

  /** The state.json of older versions, checked as they checked it; a bad one is moved aside (null). */
  private readJsonState(): State | null {
    const file = this.jsonPath;
    if (!existsSync(file)) return null;
    let parsed: State | string;
    try {
      parsed = readState(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      parsed = `not JSON (${(e as Error).message})`;
    }
    const broken = typeof parsed === 'string' ? null : brokenInvariant(parsed);
    if (typeof parsed !== 'string' && !broken) return parsed;
    this.moveJsonAside(typeof parsed === 'string' ? parsed : `a state whose invariant is broken: ${broken}`);
    return null;
  }

  private get jsonPath(): string {
    return join(this.path, '..', FILES.state);
  }

  private moveJsonAside(reason: string): void {
    const aside = `${this.jsonPath}.corrupt-${stamp()}`;
    renameSync(this.jsonPath, aside);
    (this as { corruptFile?: string }).corruptFile = aside;
    this.warn(`superqi-sandbox: ${this.jsonPath} is ${reason}; moved it to ${aside} and started afresh`);
  }

  /** Once the database holds the state, the old file is kept under another name and never read again. */
  private retireJsonState(): void {
    const file = this.jsonPath;
    if (!existsSync(file)) return;
    renameSync(file, existsSync(`${file}.migrated`) ? `${file}.migrated-${stamp()}` : `${file}.migrated`);
  }

  get<T extends StoredTable>(table: T, id: string): Row<T> | undefined {
    const known = this.cache.get(table);
    // a cached table's record known to be missing (the forced outcome, mostly) is not looked up again
    return known?.has(id) ? (known.get(id) as Row<T> | undefined) : this.db.row(table, id);
  }

  all<T extends SmallTable>(table: T): Array<Row<T>> {
    return this.db.bodies<Row<T>>(`SELECT body FROM ${table} ORDER BY rowid`);
  }

  /**
   * Runs `fn` in one transaction and commits it: all its puts or none. Throws `InvariantError` (state
   * unchanged) if the result would break an invariant; a throw from `fn`, or a commit that fails (a
   * full disk), also leaves the state as it was.
   */
  transact<R>(fn: (tx: Tx) => R): R {
    if (this.closed) throw new Error(`superqi-sandbox: ${this.path} is closed`);
    const { raw } = this.db;
    if (raw.inTransaction) throw new Error('superqi-sandbox: transactions do not nest');
    // deferred: a request that only reads never takes the write lock (one connection: no one to wait for)
    raw.exec('BEGIN');
    const tx = new Tx(this.db, this.cache);
    try {
      const result = fn(tx);
      if (tx.changed) {
        tx.write();
        this.check(tx);
        this.commit();
        if (tx.tables.has('deliveries')) this.noPendingDelivery = false;
        this.unfolded++;
        if (this.due !== undefined) this.due = Math.min(this.due, tx.earliestDue);
        for (const [table, rows] of tx.cachedPuts) {
          let known = this.cache.get(table);
          if (!known) this.cache.set(table, (known = new Map()));
          for (const [id, value] of rows) known.set(id, value);
        }
      } else raw.exec('ROLLBACK'); // nothing to write: a read ends without touching the log
      return result;
    } catch (e) {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      if (isConstraintError(e)) throw new InvariantError(`${e.message} (${e.code})`);
      const code = sqliteCode(e);
      if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/.test(code)) {
        this.warn(`superqi-sandbox: could not save ${this.path} (${code}: ${(e as Error).message}); the change was undone, the state is as last saved`);
      } else if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
        // found only when a request reads the damaged page (a full check at start would read the whole file)
        this.warn(`superqi-sandbox: ${this.path} is corrupt (${code}: ${(e as Error).message}); stop the sandbox and move the file aside to start afresh, or restore it from a copy`);
      }
      throw e;
    }
  }

  /** What no CHECK can see: each touched payment's `refunded` equal to its refunds. */
  private check(tx: Tx): void {
    for (const paymentId of tx.touchedPayments) {
      const row = this.db.sql("SELECT refunded, (SELECT coalesce(sum(amount), 0) FROM refunds WHERE paymentId = ?1 AND status != 'FAIL') AS sum FROM payments WHERE id = ?1").get(paymentId) as
        | { refunded: number; sum: number }
        | undefined;
      if (row && row.refunded !== row.sum) throw new InvariantError(`payment ${paymentId} refunded ${row.refunded} but its refunds sum to ${row.sum}`);
    }
  }

  /**
   * Commits. Fils are conserved when the ledger's foreign key holds: SQLite checks it here (deferred),
   * with no query of ours; when it does not, the commit fails, the transaction is still open, and the
   * ledger is read to say by how much.
   */
  private commit(): void {
    try {
      this.db.raw.exec('COMMIT');
    } catch (e) {
      if (sqliteCode(e) !== 'SQLITE_CONSTRAINT_FOREIGNKEY' || !this.db.raw.inTransaction) throw e;
      const ledger = this.db.sql('SELECT fils, (SELECT total FROM balanced) AS total FROM ledger').get() as { fils: number; total: number };
      throw new InvariantError(`fils not conserved: ${ledger.fils} ≠ ${ledger.total}`);
    }
  }

  /**
   * The next time there is due work (`Tx.due`), or Infinity; never later than the truth, perhaps
   * earlier (then a sweep finds nothing and `forgetDue` has it read again). Asked before every request
   * and by the sweeper, so it is kept in memory (this process is the database's only writer).
   */
  nextDue(): number {
    if (this.due === undefined) {
      const payment = this.db.value(`SELECT min(${DUE}) ${DUE_PAYMENTS}`) as number | null;
      const refund = this.db.value(`SELECT min(settleAt) ${DUE_REFUNDS}`) as number | null;
      this.due = Math.min(payment ?? Infinity, refund ?? Infinity);
    }
    return this.due;
  }

  /** After a sweep: the next due work is read again from the database. */
  forgetDue(): void {
    this.due = undefined;
  }

  /** Deliveries waiting for an attempt, soonest first. */
  pendingDeliveries(): Array<Row<'deliveries'>> {
    // asked after every request (the notifier's kick): none, until a commit puts a delivery
    if (this.noPendingDelivery) return [];
    const pending = this.db.bodies<Row<'deliveries'>>(`SELECT body FROM deliveries WHERE status = 'PENDING' ORDER BY nextAt`);
    this.noPendingDelivery = pending.length === 0;
    return pending;
  }

  /** Records in `table`. */
  count(table: StoredTable): number {
    return this.db.value(`SELECT count(*) FROM ${table}`) as number;
  }

  /** A page of `table`, newest first, filtered (see `PageQuery`). Throws `CursorError` for a bad `before`. */
  page<T extends ListedTable>(table: T, query: PageQuery): Page<Row<T>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.q) {
      where.push(`(${SEARCHED[table].map((c) => `(${c} >= ? AND ${c} < ?)`).join(' OR ')})`);
      for (let i = 0; i < SEARCHED[table].length; i++) params.push(query.q, `${query.q}\u{10FFFF}`);
    }
    if (query.status && HAS_STATUS.includes(table)) {
      where.push('status = ?');
      params.push(query.status);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db.value(`SELECT count(*) FROM ${table} ${filter}`, ...params) as number;
    const paged = [...where];
    const pagedParams = [...params];
    if (query.before !== undefined) {
      const m = /^(\d+):(.+)$/s.exec(query.before);
      if (!m) throw new CursorError(`before must be the next of an earlier page, got ${JSON.stringify(query.before)}`);
      paged.push('(at, id) < (?, ?)');
      pagedParams.push(Number(m[1]), m[2]);
    }
    const rows = this.db
      .sql(`SELECT body, at, id FROM ${table} ${paged.length ? `WHERE ${paged.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`)
      .all(...pagedParams, query.limit + 1) as Array<{ body: string; at: number; id: string }>;
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map((r) => JSON.parse(r.body) as Row<T>), total, next: more && last ? `${last.at}:${last.id}` : null };
  }

  /**
   * Folds the log into the database file, between requests, once a second when there were commits.
   * SQLite's own checkpoint runs inside the commit that fills 1,000 pages of log, and syncs the file
   * there: a request in every ~70 paid for it (half a pay's time, measured). A commit is durable once
   * in the log either way; a checkpoint only bounds the log's size and the time a restart reads it.
   */
  checkpoint(): void {
    if (this.closed || this.unfolded === 0 || this.db.raw.inTransaction) return;
    this.unfolded = 0;
    try {
      this.db.raw.exec('PRAGMA wal_checkpoint(PASSIVE)');
    } catch (e) {
      this.warn(`superqi-sandbox: could not fold the log of ${this.path} into it (${sqliteCode(e)}: ${(e as Error).message}); the changes are safe in ${this.path}-wal`);
    }
  }

  /** Every change is committed when `transact` returns; kept for callers that wait on saves. */
  async flush(): Promise<void> {}

  /** Closes the database: the log is folded into it, so the directory holds one file while no sandbox runs. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.checkpoints);
    try {
      this.db.raw.exec('PRAGMA journal_mode = DELETE');
    } catch {
      // the log stays beside the file: SQLite reads it at the next open
    }
    this.db.raw.close();
  }
}
