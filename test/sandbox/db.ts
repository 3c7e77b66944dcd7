/**
 * The sandbox directory's database, opened beside the sandbox (a second connection: WAL lets it read
 * what the sandbox committed while it runs). For tests that check what is on disk, not what an API says.
 */
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/sandbox/sqlite.js';
import { STORED_TABLES, type StoredTable } from '../../src/sandbox/schema.js';
import type { Tables } from '../../src/sandbox/state.js';

export interface SavedWallet {
  readonly raw: Database;
  /** The record `id` of `table` as saved, or undefined. */
  row<T extends StoredTable>(table: T, id: string): Tables[T][string] | undefined;
  /** Every id of `table`. */
  ids(table: StoredTable): string[];
  /** Every `table.id` of every table. */
  keys(): string[];
  close(): void;
}

export function savedWallet(dir: string): SavedWallet {
  const raw = openDatabase(join(dir, 'state.db'));
  const ids = (table: StoredTable) => (raw.prepare(`SELECT id FROM ${table}`).raw(true).all() as string[][]).map((r) => r[0]!);
  return {
    raw,
    row(table, id) {
      const r = raw.prepare(`SELECT body FROM ${table} WHERE id = ?`).raw(true).get(id) as [string] | undefined;
      return r ? JSON.parse(r[0]) : undefined;
    },
    ids,
    keys: () => STORED_TABLES.flatMap((t) => ids(t).map((id) => `${t}.${id}`)),
    close: () => raw.close(),
  };
}
