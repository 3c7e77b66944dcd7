import type { ApiRow } from './row.js';
import type { HostAck, NoParams } from '../types/common.js';
import type { StorageKeyParams, GetStorageResult, SetStorageParams } from '../types/storage.js';

/** The documented storage limits. */
const STORAGE_LIMITS = { maxItemChars: 200 * 1024, maxTotalBytes: 10 * 1024 * 1024 } as const;

/** getStorage: reads a key of this miniapp's cache. */
export const getStorage: ApiRow<StorageKeyParams, GetStorageResult> = {
  group: 'storage',
  doc: '24-getStorage',
  params: { key: 'S' },
  alias: { name: 'getAPDataStorage' },
};

/** setStorage: writes a key; a single item is at most 200×1024 chars, a miniapp's cache at most 10 MB. */
export const setStorage: ApiRow<SetStorageParams, HostAck> = {
  group: 'storage',
  doc: '25-setStorage',
  params: { key: 'S', data: 'X' },
  alias: { name: 'setAPDataStorage', params: { data: 'value' } },
  limits: STORAGE_LIMITS,
};

/** removeStorage: removes a key; succeeds when the key does not exist. */
export const removeStorage: ApiRow<StorageKeyParams, HostAck> = {
  group: 'storage',
  doc: '26-removeStorage',
  params: { key: 'S' },
  alias: { name: 'removeAPDataStorage' },
};

/** clearStorage: clears this miniapp's cache. */
export const clearStorage: ApiRow<NoParams, HostAck> = {
  group: 'storage',
  doc: '27-clearStorage',
  params: {},
  alias: { name: 'clearAPDataStorage' },
};
