/** Parameters of the host's `canIUse` query. */
export interface CanIUseParams {
  /** The API name to ask about, e.g. `scan`. */
  name: string;
}
/** The host's answer to `canIUse`. */
export interface CanIUseResult {
  /** Whether the host supports the API. */
  canIUse: boolean;
}

/**
 * canIUse: whether the host supports an API. `canIUse()` answers synchronously (as `my.canIUse` does);
 * `isSupported()` asks the host through this row and falls back to the synchronous answer.
 */
