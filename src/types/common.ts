/** Types shared by several table groups. */

/** A success payload the docs leave unspecified: the host's object, passed through as it came. */
export type HostAck = { readonly [field: string]: unknown };

/** A JSON value, as stored by `setStorage` and sent by `request` (readonly data, e.g. `as const`, is accepted). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An API that takes no documented parameters. */
export type NoParams = Record<never, never>;
