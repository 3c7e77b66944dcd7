/**
 * The store: the state in memory (the source of truth), changed only through transactions, saved in
 * the sandbox directory one write at a time (a temp file, then a rename: never half a file).
 *
 * A transaction journals the records a handler puts; commit applies them at once and checks every
 * invariant (state.ts `brokenInvariant`), undoing the lot if one breaks. Handlers run synchronously
 * between two awaits, so concurrent requests cannot interleave half-applied changes. A change counts
 * once it is on disk: when a save fails (a full disk), every change it would have saved is undone, so
 * memory stays what the file holds and the requests waiting on that save get the error.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILES } from './credentials.js';
import { readState } from './state-check.js';
import { brokenInvariant, initialState, own, type State, type Tables } from './state.js';

type Row<T extends keyof Tables> = Tables[T][string];

/** A handler's view of the state: reads see its own puts; nothing reaches the state before commit. */
export class Tx {
  private readonly journal = new Map<keyof Tables, Map<string, unknown>>();

  constructor(private readonly state: State) {}

  get<T extends keyof Tables>(table: T, id: string): Row<T> | undefined {
    const pending = this.journal.get(table);
    if (pending?.has(id)) return pending.get(id) as Row<T> | undefined;
    return own(this.state[table] as Record<string, Row<T>>, id);
  }

  /** Puts a record (`undefined` deletes it). Records are replaced whole, never edited in place. */
  put<T extends keyof Tables>(table: T, id: string, value: Row<T> | undefined): void {
    let pending = this.journal.get(table);
    if (!pending) this.journal.set(table, (pending = new Map()));
    pending.set(id, value);
  }

  /** Every record of a table, this transaction's puts included. */
  all<T extends keyof Tables>(table: T): Array<Row<T>> {
    const merged = new Map(Object.entries(this.state[table]) as Array<[string, Row<T>]>);
    for (const [id, v] of this.journal.get(table) ?? []) {
      if (v === undefined) merged.delete(id);
      else merged.set(id, v as Row<T>);
    }
    return [...merged.values()];
  }

  get changed(): boolean {
    return this.journal.size > 0;
  }

  /** @internal applies the journal; returns the undo. */
  apply(): () => void {
    const undo: Array<() => void> = [];
    for (const [table, rows] of this.journal) {
      const target = this.state[table] as Record<string, unknown>;
      for (const [id, value] of rows) {
        const had = Object.prototype.hasOwnProperty.call(target, id);
        const old = target[id];
        undo.push(() => {
          if (had) target[id] = old;
          else delete target[id];
        });
        if (value === undefined) delete target[id];
        else target[id] = value;
      }
    }
    return () => undo.reverse().forEach((f) => f());
  }
}

/** Thrown by `Store.transact` when a change would break an invariant (it was undone). */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

export interface StoreOptions {
  /** Directory holding state.json. */
  dir: string;
  clientId: string;
  merchantName?: string;
  /** Told when a corrupt state file was moved aside. */
  onWarning?: (message: string) => void;
}

/** A committed change not yet on disk: how to undo it, and its waiters. */
interface Unsaved {
  undo: () => void;
  saved: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Store {
  readonly state: State;
  readonly path: string;
  /** Where a corrupt state file was moved, if one was. */
  readonly corruptFile?: string;
  /** Each write resolves to its error, or null when it saved. */
  private writing: Promise<unknown> = Promise.resolve(null);
  private dirty = false;
  private pendingFlush: Promise<unknown> | null = null;
  /** Changes committed since the last save, oldest first. */
  private unsaved: Unsaved[] = [];
  /** Whether state.json holds this state (false for a fresh one until its first save). */
  private onDisk: boolean;
  private readonly warn: (message: string) => void;

  constructor(options: StoreOptions) {
    this.path = join(options.dir, FILES.state);
    this.warn = options.onWarning ?? (() => {});
    let loaded: State | null = null;
    if (existsSync(this.path)) {
      const text = readFileSync(this.path, 'utf8');
      let parsed: State | string;
      try {
        parsed = readState(JSON.parse(text));
      } catch (e) {
        parsed = `not JSON (${(e as Error).message})`;
      }
      const broken = typeof parsed === 'string' ? null : brokenInvariant(parsed);
      const reason = typeof parsed === 'string' ? parsed : broken ? `a state whose invariant is broken: ${broken}` : '';
      if (reason) {
        const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(this.path, aside);
        this.corruptFile = aside;
        options.onWarning?.(`superqi-sandbox: ${this.path} is ${reason}; moved it to ${aside} and started afresh`);
      } else loaded = parsed as State;
    }
    this.state = loaded ?? initialState(options.clientId, options.merchantName);
    this.onDisk = loaded !== null;
    // a merchant for this client id must exist (the directory's client.json is the truth)
    if (!own(this.state.merchants, options.clientId)) {
      this.state.merchants[options.clientId] = { clientId: options.clientId, merchantName: options.merchantName ?? 'Sandbox Merchant', merchantNameArabic: 'تاجر التجربة', status: 'NORMAL', balance: 0 };
    }
    if (!loaded) this.markDirty();
  }

  /**
   * Runs `fn` in a transaction and commits it: all its puts or none. Throws `InvariantError` (state
   * unchanged) if the result would break an invariant; a throw from `fn` also leaves the state as it was.
   */
  transact<R>(fn: (tx: Tx) => R): R {
    const tx = new Tx(this.state);
    const result = fn(tx);
    if (!tx.changed) return result;
    const undo = tx.apply();
    const broken = brokenInvariant(this.state);
    if (broken) {
      undo();
      throw new InvariantError(broken);
    }
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const saved = new Promise<void>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    // nobody may wait on it (the notifier's own changes): a lost change is reported by the warning
    saved.catch(() => {});
    this.unsaved.push({ undo, saved, resolve, reject });
    this.markDirty();
    return result;
  }

  private markDirty(): void {
    this.dirty = true;
    if (!this.pendingFlush) this.pendingFlush = this.writing = this.writing.then(() => this.writeOnce());
  }

  private async writeOnce(): Promise<unknown> {
    this.pendingFlush = null;
    if (!this.dirty) return null;
    this.dirty = false;
    const batch = this.unsaved.length;
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify(this.state));
      await rename(tmp, this.path);
    } catch (e) {
      // back to what the file holds: every change not on disk is undone (newest first), before any await
      const lost = this.unsaved.splice(0);
      for (let i = lost.length - 1; i >= 0; i--) lost[i]!.undo();
      for (const change of lost) change.reject(e);
      this.dirty = !this.onDisk;
      this.warn(`superqi-sandbox: could not save ${this.path} (${(e as Error).message}); ${lost.length} change(s) undone, the state is as last saved`);
      await rm(tmp, { force: true }).catch(() => {});
      return e;
    }
    this.onDisk = true;
    for (const change of this.unsaved.splice(0, batch)) change.resolve();
    return null;
  }

  /**
   * Resolves once every change made so far is on disk. Rejects with the save's error if one of them
   * was undone because its save failed (or a fresh state could not be written at all).
   */
  async flush(): Promise<void> {
    if (this.dirty && !this.pendingFlush) this.markDirty();
    const changes = this.unsaved.map((u) => u.saved);
    // the queued write (or, if none is queued, the one running) includes every change made so far
    const error = await (this.pendingFlush ?? this.writing);
    await Promise.all(changes);
    if (error && !this.onDisk) throw error;
  }
}
