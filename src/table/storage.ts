import type { ApiRow } from './row.js';
import type { HostAck, NoParams } from '../types/common.js';
import type { StorageKeyParams, GetStorageResult, SetStorageParams } from '../types/storage.js';

/** getStorage: reads a key of this miniapp's cache. */
export const getStorage: ApiRow<StorageKeyParams, GetStorageResult> = {
  params: { key: 'S' },
};

/** setStorage: writes a key; a single item is at most 200×1024 chars, a miniapp's cache at most 10 MB. */
export const setStorage: ApiRow<SetStorageParams, HostAck> = {
  params: { key: 'S', data: 'X' },
};

/** removeStorage: removes a key; succeeds when the key does not exist. */
export const removeStorage: ApiRow<StorageKeyParams, HostAck> = {
  params: { key: 'S' },
};

/** clearStorage: clears this miniapp's cache. */
export const clearStorage: ApiRow<NoParams, HostAck> = {
  params: {},
};
