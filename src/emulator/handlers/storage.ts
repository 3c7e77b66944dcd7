/**
 * getStorage, setStorage, removeStorage, clearStorage: a miniapp's cache in `emulator.storage`
 * (localStorage by default, so it survives reloads), under keys `superqi:<appId>:<key>` (the id
 * URI-encoded, so one miniapp's prefix never matches another's). Each value is a JSON envelope
 * `{"v":1,"type":"string"|"json","data":…}`: strings and objects come back exactly as they went in.
 *
 * Failures (the docs give no codes): 2 for a missing key or data and for an item over 200×1024
 * characters once converted to a string; 3 when the miniapp's cache would pass 10 MB, when the backend
 * refuses the write (QuotaExceededError…) and when a stored entry is corrupted. A refused write leaves
 * the previous value in place. The 10 MB count is what the backend holds for the miniapp: 2 bytes per
 * UTF-16 code unit of each key (without the prefix) and stored envelope — what localStorage itself counts.
 */
import type { JsonValue } from '../../types/common.js';
import { own } from '../../core/own.js';
import { HOST_TABLE as TABLE } from '../../table/index.js';
import type { DefaultHandlers, HandlerContext, HostFailure, StorageBackend } from '../types.js';
import type { StorageApis } from './group-apis.js';

const limits = TABLE.setStorage.limits;
/** Largest item: data converted to a string, in characters. */
export const MAX_ITEM_CHARS: number = limits?.['maxItemChars'] ?? 200 * 1024;
/** Largest cache of one miniapp, in bytes (UTF-16: 2 bytes a code unit). */
export const MAX_TOTAL_BYTES: number = limits?.['maxTotalBytes'] ?? 10 * 1024 * 1024;

/** The backend key prefix of a miniapp. */
export const storagePrefix = (appId: string): string => `superqi:${encodeURIComponent(appId)}:`;

interface Envelope {
  v: 1;
  type: 'string' | 'json';
  data: JsonValue;
}

const itemBytes = (key: string, stored: string): number => 2 * (key.length + stored.length);

/** Every backend key of the miniapp with `prefix`. */
function keysOf(storage: StorageBackend, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null && k.startsWith(prefix)) keys.push(k);
  }
  return keys;
}

/** Bytes the miniapp with `prefix` uses. */
export function storageBytes(storage: StorageBackend, prefix: string): number {
  let total = 0;
  for (const k of keysOf(storage, prefix)) total += itemBytes(k.slice(prefix.length), storage.getItem(k) ?? '');
  return total;
}

const describe = (e: unknown): string => {
  const err = e as { name?: string; message?: string } | null;
  return err?.name && err.message ? `${err.name}: ${err.message}` : String(e);
};

/** The key parameter, or a failure. */
function keyParam(ctx: HandlerContext<StorageApis>): string | HostFailure {
  const key = ctx.params['key'];
  if (typeof key !== 'string' || key === '') return ctx.fail(2, 'key is required and must be a non-empty string');
  return key;
}

export const storageHandlers: Pick<DefaultHandlers, StorageApis> = {
  getStorage(ctx) {
    const key = keyParam(ctx);
    if (typeof key !== 'string') return key;
    const { storage, appId } = ctx.emulator;
    let raw: string | null;
    try {
      raw = storage.getItem(storagePrefix(appId) + key);
    } catch (e) {
      return ctx.fail(3, `the storage backend could not be read: ${describe(e)}`);
    }
    if (raw === null) return { data: null };
    let envelope: Partial<Envelope> | null;
    try {
      envelope = JSON.parse(raw) as Partial<Envelope> | null;
    } catch {
      envelope = null;
    }
    if (
      !envelope ||
      typeof envelope !== 'object' ||
      envelope.v !== 1 ||
      !own(envelope, 'data') ||
      (envelope.type === 'string' ? typeof envelope.data !== 'string' : envelope.type !== 'json')
    ) {
      return ctx.fail(3, `the stored value of "${key}" is corrupted; removeStorage or setStorage replaces it`);
    }
    return { data: envelope.data as JsonValue };
  },

  setStorage(ctx) {
    const key = keyParam(ctx);
    if (typeof key !== 'string') return key;
    const data = ctx.params['data'] as JsonValue | undefined;
    if (data === undefined || data === null) return ctx.fail(2, 'data is required (an object or a string)');
    const asString = typeof data === 'string' ? data : JSON.stringify(data);
    if (asString.length > MAX_ITEM_CHARS) {
      return ctx.fail(
        2,
        `data is ${asString.length} characters once converted to a string; one item is at most ${MAX_ITEM_CHARS} (200×1024)`,
      );
    }
    const stored = JSON.stringify({ v: 1, type: typeof data === 'string' ? 'string' : 'json', data } satisfies Envelope);
    const { storage, appId } = ctx.emulator;
    const prefix = storagePrefix(appId);
    const full = prefix + key;
    let previous: string | null;
    let used: number;
    try {
      previous = storage.getItem(full);
      used = storageBytes(storage, prefix);
    } catch (e) {
      return ctx.fail(3, `the storage backend could not be read: ${describe(e)}`);
    }
    const after = used - (previous === null ? 0 : itemBytes(key, previous)) + itemBytes(key, stored);
    if (after > MAX_TOTAL_BYTES) {
      return ctx.fail(
        3,
        `the miniapp's cache would hold ${after} bytes; it is limited to ${MAX_TOTAL_BYTES} (10 MB). Remove items first`,
      );
    }
    try {
      storage.setItem(full, stored);
    } catch (e) {
      try {
        // A backend that failed half-way: put the previous value back.
        if (storage.getItem(full) !== previous) {
          if (previous === null) storage.removeItem(full);
          else storage.setItem(full, previous);
        }
      } catch {
        // nothing more to do
      }
      return ctx.fail(3, `the storage backend refused the write (${describe(e)})`);
    }
    return {};
  },

  removeStorage(ctx) {
    const key = keyParam(ctx);
    if (typeof key !== 'string') return key;
    try {
      ctx.emulator.storage.removeItem(storagePrefix(ctx.emulator.appId) + key);
    } catch (e) {
      return ctx.fail(3, `the storage backend refused the removal: ${describe(e)}`);
    }
    return {};
  },

  clearStorage(ctx) {
    const { storage, appId } = ctx.emulator;
    try {
      for (const k of keysOf(storage, storagePrefix(appId))) storage.removeItem(k);
    } catch (e) {
      return ctx.fail(3, `the storage backend refused to clear: ${describe(e)}`);
    }
    return {};
  },
};
