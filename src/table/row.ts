/**
 * The shape of one row of the API table: everything the library knows about one JSAPI,
 * declared once. Types (`ApiParams`, `ApiResult`) and runtime (wrappers, the `my` shim,
 * `canIUse`, the emulator, the playground) are all derived from these rows.
 */

/** The documentation groups of `04-jsapi`, used by the playground menu. */
export type ApiGroup =
  | 'essential'
  | 'ui'
  | 'media'
  | 'storage'
  | 'file'
  | 'location'
  | 'network'
  | 'device'
  | 'framework'
  /** APIs real Super Qi pages call that `04-jsapi` omits (typed from what Alipay+ hosts answer). */
  | 'undocumented';

/**
 * Runtime type code of one parameter, checked before the host is called.
 * Lower case: optional; upper case: required (the page's "Required: Yes").
 * `s` string, `n` number, `b` boolean, `a` array, `o` object, `x` any JSON value but `undefined`.
 */
export type ParamCode = 's' | 'n' | 'b' | 'a' | 'o' | 'x' | 'S' | 'N' | 'B' | 'A' | 'O' | 'X';

/** Keys every JSAPI accepts on its options object; never forwarded to the host. */
export type CallbackKey = 'success' | 'fail' | 'complete';

/**
 * One code for every documented parameter of `P`: a parameter added to the type without a code here
 * (or the other way round) fails the type check, so the list and the type cannot drift.
 */
export type ParamSpec<P> = { readonly [K in Exclude<keyof P, CallbackKey>]-?: ParamCode };

/** A documented error code: numeric (`error`) or string (`errorCode`, e.g. `'6001'`). */
export type ErrorCodeKey = number | string;

/** The classic Alipay native form of an API, used when the host only knows the old name. */
export interface NativeAlias {
  /** Native JSAPI name, e.g. `toast` for `showToast`. */
  readonly name: string;
  /** Documented parameter name → native parameter name, applied when calling by the alias. */
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * One JSAPI as calls see it: the fields read at runtime. `P` is its documented parameter object
 * (without callbacks), `R` its success payload. Its documentation is `ApiDocs` and `ApiPage`
 * (src/table/docs.ts, pages.ts); `TABLE` rows (`TableRow`) have all of it.
 */
export interface ApiRow<P extends object = object, R = unknown> {
  /** Every documented parameter with its runtime type code. */
  readonly params: ParamSpec<P>;
  /**
   * `'bridge'` when the docs only show `AlipayJSBridge.call(...)` for it (H5+ APIs such as
   * `qicardSignContract`); such APIs never go through a foreign `my`.
   */
  readonly surface?: 'bridge';
  /** Name sent to `AlipayJSBridge.call` when it differs from the documented name. */
  readonly native?: string;
  /**
   * Native result field → documented field, applied to every answer that lacks the documented field,
   * whichever name was called (classic hosts answer `confirm` with `ok`).
   */
  readonly results?: Readonly<Record<string, string>>;
  /**
   * Opens UI that waits for the user: no default timeout. A parameter name instead: only when the call
   * sets that parameter (saveImage opens its menu only with `showActionSheet: true`).
   */
  readonly ui?: true | string;
  /** Codes that mean the user cancelled (a `UserCancelledError` rather than a `HostError`). */
  readonly cancel?: readonly ErrorCodeKey[];
  /** The host's own timeout for this API in ms; the library waits a little longer. */
  readonly hostTimeout?: number;
  /** Phantom: carries the types. Never present at runtime. */
  __types?(params: P): R;
}

/** Where a row is documented (src/table/pages.ts): the playground and `TABLE` read it. */
export interface ApiPage {
  /** Documentation group (the sidebar of `04-jsapi`), or `undocumented`. */
  readonly group: ApiGroup;
  /** The doc page in `04-jsapi/` this row follows (`undocumented` for the APIs the docs omit). */
  readonly doc: string;
  /** The docs also show the H5+ form, `AlipayJSBridge.call(name, params, callback)`. */
  readonly h5?: true;
}

/** A row's documented answers and limits (src/table/docs.ts), as the docs word them; hosts (the emulator) read them too. */
export interface ApiDocs<P extends object = object> {
  /** Documented error codes and their meaning, worded as the page words them. */
  readonly errors?: Readonly<Record<ErrorCodeKey, string>>;
  /** Documented defaults of optional parameters. */
  readonly defaults?: Readonly<Partial<P>>;
  /** Documented limits, by name (e.g. `maxItemChars`). */
  readonly limits?: Readonly<Record<string, number>>;
}

/**
 * A row as a host (the emulator) reads it: runtime fields, documented answers and limits, the classic
 * alias (src/table/classic.ts) and the host version it needs (src/table/since.ts) when it has them.
 */
export type HostRow<P extends object = object, R = unknown> = ApiRow<P, R> &
  ApiDocs<P> & {
    /** Classic Alipay native name and renames. The emulator accepts it; `configure({ natives: CLASSIC_NATIVES })` sends it. */
    readonly alias?: NativeAlias;
    /** Lowest host runtime version the docs require. */
    readonly since?: string;
  };

/** A row of `TABLE`: everything of `HostRow`, and where it is documented. */
export type TableRow<P extends object = object, R = unknown> = HostRow<P, R> & ApiPage;

/** The fields of a row a call reads at runtime (the transport gets these, never the row itself). */
export type RuntimeRow = Omit<ApiRow, '__types'>;
