/**
 * The registry a project extends, by declaration merging, with what a host newer than the docs has:
 * scopes, tradePay result codes, error codes and whole APIs. Everything this library types exactly
 * (scope names, `resultCode`, an API's error codes, the names `call()`, `AlipayJSBridge.call` and the
 * test helpers take) also takes what is registered here, and nothing else.
 */

/**
 * Declaration-merge into this interface to add what a newer host has. Every field is optional.
 * @example
 * ```ts
 * declare module 'superqi-bridge' {
 *   interface Register {
 *     scopes: 'USER_EMAIL';                  // getAuthCode({ scopes: ['USER_EMAIL'] })
 *     tradePayResultCodes: '9001';           // result.resultCode === '9001'
 *     errorCodes: 4001;                      // fail('getAuthCode', 4001) in tests
 *     apis: {                                // call('startApp', …), AlipayJSBridge.call('startApp', …)
 *       startApp: { params: { appId: string }; result: { success: boolean } };
 *     };
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Register {}

/** What `Register` has under `key`, or `never` when nothing is registered there. */
export type Registered<Key extends string> = Register extends { readonly [P in Key]: infer T } ? T : never;

/** An API registered in `Register['apis']`: its parameters and success payload. */
export interface RegisteredApi {
  /** The parameters (without callbacks). @default Record<string, unknown> */
  params?: object;
  /** The success payload. @default HostAck */
  result?: unknown;
}

/** The APIs registered in `Register['apis']`, by name. */
export type RegisteredApis = Registered<'apis'> extends infer A ? ([A] extends [never] ? {} : A) : never;
