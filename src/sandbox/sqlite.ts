/**
 * The SQLite binding the sandbox's store runs on: `libsql` (a maintained SQLite build with the
 * better-sqlite3 API, synchronous, prebuilt for each platform in packages of its own, so installing it
 * runs no install script and compiles nothing).
 *
 * It is an optional peer dependency of superqi-bridge: the wrappers, the shim and the emulator run in
 * browsers and must not make a browser-only project install native code, so the package is loaded
 * here, when a sandbox opens its directory, and only then; its absence is an error saying what to install.
 */
import { createRequire } from 'node:module';

/** The part of a prepared statement the store uses. */
export interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows as arrays of column values (libsql's `pluck` is not applied by `get`, so the store reads raw rows). */
  raw(toggle?: boolean): this;
}

/** The part of a database connection the store uses. */
export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): unknown;
  close(): void;
  readonly inTransaction: boolean;
}

type DatabaseConstructor = new (path: string) => Database;

let binding: DatabaseConstructor | undefined;

/** Thrown when the optional `libsql` package is not installed. */
export class MissingDatabaseError extends Error {
  override name = 'MissingDatabaseError';
}

/** Opens (creating if need be) the database file at `path`. */
export function openDatabase(path: string): Database {
  if (!binding) {
    try {
      binding = createRequire(import.meta.url)('libsql') as DatabaseConstructor;
    } catch (e) {
      throw new MissingDatabaseError(
        `superqi-sandbox keeps its wallet in SQLite through the package "libsql", which is not installed (${(e as Error).message.split('\n')[0]}). ` +
          'Install it beside superqi-bridge: npm install --save-dev libsql',
      );
    }
  }
  return new binding(path);
}

/** An error SQLite raised for a constraint (`SQLITE_CONSTRAINT_CHECK`, `…_UNIQUE`, `…_FOREIGNKEY`, …). */
export const isConstraintError = (e: unknown): e is Error & { code: string } => sqliteCode(e).startsWith('SQLITE_CONSTRAINT');

/** The SQLite result code of an error the binding threw (`SQLITE_FULL`…), or ''. */
export const sqliteCode = (e: unknown): string => {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
};
