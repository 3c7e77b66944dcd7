/** Types shared by several table groups. */

/** A success payload the docs leave unspecified: the host's object, passed through as it came. */
export type HostAck = { readonly [field: string]: unknown };

/** A JSON value, as stored by `setStorage` and sent by `request` (readonly data, e.g. `as const`, is accepted). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * `T` when every part of it survives `JSON.stringify` as itself, else a type that `T` is not assignable
 * to (the offending part becomes `never`). Unlike `JsonValue` it accepts interfaces (which have no index
 * signature) and classes of plain fields; `undefined` is allowed for an object's fields (JSON drops
 * them), functions, symbols and bigints nowhere. Used as `data: T & JsonCompatible<T>`, as type-fest's
 * `Jsonify` reasons about JSON.
 */
export type JsonCompatible<T> = T extends string | number | boolean | null
  ? T
  : T extends bigint | symbol | undefined | ((...args: never[]) => unknown)
    ? never
    : T extends WithToJson
      ? T
      : T extends readonly unknown[]
        ? { readonly [I in keyof T]: JsonCompatible<T[I]> }
        : { readonly [K in keyof T]: K extends symbol ? never : T[K] extends undefined ? T[K] : JsonField<T[K]> };
/** A value JSON.stringify converts itself (a `Date`). */
interface WithToJson {
  /** What JSON.stringify writes instead of the value. */
  toJSON(): unknown;
}
/** A field of an object: `undefined` is allowed beside any JSON value (JSON.stringify drops the field). */
type JsonField<T> = T extends undefined ? undefined : JsonCompatible<T>;

/** An API that takes no documented parameters. */
export type NoParams = Record<never, never>;
