import type { JsonCompatible, JsonValue } from './common.js';

/** Parameters of `my.getStorage` and `my.removeStorage`. */
export interface StorageKeyParams {
  /** Cache data key. */
  key: string;
}
/** Success payload of `my.getStorage`. */
export interface GetStorageResult<T = JsonValue> {
  /** Corresponding content of the key; `null` when the key is missing. */
  data: T | null;
}
/**
 * Parameters of `my.setStorage`. `T`: the type of `data`, any JSON-compatible value (interfaces
 * included: see `JsonCompatible`).
 */
export interface SetStorageParams<T = JsonValue> {
  /** Cache data key. */
  key: string;
  /** Data to be cached: an object or a string; at most 200×1024 characters once converted to a string. */
  // JsonValue itself (the default) is taken as it is: checking a recursive type against itself never ends.
  data: [T] extends [JsonValue] ? T : T & JsonCompatible<T>;
}
