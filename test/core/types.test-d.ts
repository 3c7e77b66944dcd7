/**
 * Type tests: compiled by `npx tsc -p .` (tsconfig includes test/), never run. Each `@ts-expect-error`
 * fails the compile if the line it guards stops being an error.
 */
import { expectTypeOf } from 'vitest';
import * as testing from '../../src/testing/index.js';
import {
  call,
  chooseLocation,
  getAuthCode,
  getLocation,
  getStorage,
  getSystemInfo,
  on,
  request,
  setStorage,
  showToast,
  tradePay,
  type ApiParams,
  type ApiResult,
  type GetAuthCodeResult,
  type HostAck,
  type RequestTask,
  type SuperQiError,
  type SystemInfo,
  type TradePayResult,
  type TradePayStatus,
  type RequestResult,
  type JsonValue,
  type MyShim,
  createMy,
  canIUse,
  type ToastType,
} from '../../src/index.js';

// Never called: the functions exist only to be type-checked.
export function typeTests(): void {
  // ── required / optional params ──────────────────────────────────────────────────────────────────
  expectTypeOf(getSystemInfo()).toEqualTypeOf<Promise<SystemInfo>>();
  getSystemInfo({});
  getSystemInfo(undefined, { timeout: 10 });
  // @ts-expect-error setStorage needs { key, data }
  setStorage();
  // @ts-expect-error data is required
  setStorage({ key: 'k' });
  // @ts-expect-error getAuthCode needs { scopes }
  getAuthCode();
  // @ts-expect-error getAuthCode needs scopes
  getAuthCode({});
  // @ts-expect-error scopes is an array
  getAuthCode({ scopes: 'auth_base' });
  setStorage({ key: 'k', data: { nested: [1, 'two', null] } });
  // @ts-expect-error data must be JSON
  setStorage({ key: 'k', data: () => 1 });
  // Interfaces have no index signature: JsonValue alone refused them ("Index signature … missing").
  interface Session {
    user: string;
    expires: number;
    roles: readonly string[];
    profile?: { name: string; avatar: string | null };
  }
  const session: Session = { user: 'u', expires: 1, roles: ['a'] };
  setStorage({ key: 'session', data: session });
  class Saved {
    constructor(readonly id: string, readonly at: Date) {}
  }
  setStorage({ key: 'saved', data: new Saved('1', new Date()) }); // Date has toJSON
  setStorage({ key: 's', data: 'plain string' });
  interface WithMethod {
    user: string;
    refresh(): void;
  }
  const withMethod = { user: 'u', refresh: () => {} } as WithMethod;
  // @ts-expect-error a method does not survive JSON
  setStorage({ key: 'k', data: withMethod });
  // @ts-expect-error a bigint deep inside throws in JSON.stringify
  setStorage({ key: 'k', data: { a: [{ b: 1n }] } });
  // @ts-expect-error a symbol field does not survive JSON
  setStorage({ key: 'k', data: { s: Symbol('x') } });
  // @ts-expect-error undefined is no value to store
  setStorage({ key: 'k', data: undefined });
  createMy().setStorage({ key: 'session', data: session });

  // ── results ─────────────────────────────────────────────────────────────────────────────────────
  expectTypeOf(getAuthCode({ scopes: ['auth_base', 'USER_ID'] })).resolves.toEqualTypeOf<GetAuthCodeResult>();
  // @ts-expect-error a scope the docs do not list (a typo of USER_NAME): exact unless added to Register['scopes']
  getAuthCode({ scopes: ['USER_NAMES'] });
  expectTypeOf(getLocation()).resolves.toHaveProperty('longitude').toEqualTypeOf<string>();
  expectTypeOf(getLocation()).resolves.toHaveProperty('latitude').toEqualTypeOf<string>();
  expectTypeOf(chooseLocation()).resolves.toHaveProperty('longitude').toEqualTypeOf<number>();
  expectTypeOf(chooseLocation()).resolves.toHaveProperty('latitude').toEqualTypeOf<number>();
  expectTypeOf<ApiResult<'getLocation'>['longitude']>().not.toEqualTypeOf<ApiResult<'chooseLocation'>['longitude']>();

  // ── tradePay ────────────────────────────────────────────────────────────────────────────────────
  expectTypeOf(tradePay({ paymentUrl: 'u' })).resolves.toEqualTypeOf<TradePayResult>();
  expectTypeOf(tradePay()).resolves.toHaveProperty('status').toEqualTypeOf<TradePayStatus>();
  expectTypeOf<TradePayStatus>().toEqualTypeOf<
    'success' | 'processing' | 'failed' | 'cancelled' | 'network-error' | 'unknown'
  >();
  tradePay({
    fail: (e) => expectTypeOf(e).toEqualTypeOf<SuperQiError | TradePayResult>(),
    success: (r) => expectTypeOf(r).toEqualTypeOf<TradePayResult>(),
  });

  // ── literal unions ──────────────────────────────────────────────────────────────────────────────
  showToast({ type: 'success' });
  showToast({ type: 'fail', content: 'x', duration: 3000 });
  // @ts-expect-error not a toast type
  showToast({ type: 'warning' });
  // @ts-expect-error a plain string is not a toast type
  showToast({ type: 'none' as string });
  expectTypeOf<NonNullable<ApiParams<'showToast'>['type']>>().toEqualTypeOf<ToastType>();
  expectTypeOf<ToastType>().toEqualTypeOf<'success' | 'fail' | 'exception' | 'none'>();

  // ── excess properties ───────────────────────────────────────────────────────────────────────────
  // @ts-expect-error unknown property
  showToast({ content: 'x', bogus: 1 });
  // @ts-expect-error unknown property
  getStorage({ key: 'k', keys: ['a'] });
  // @ts-expect-error unknown per-call option
  getSystemInfo({}, { timeOut: 5 });

  // ── callbacks ───────────────────────────────────────────────────────────────────────────────────
  getStorage({
    key: 'k',
    success: (r) => expectTypeOf(r.data).toEqualTypeOf<JsonValue | null>(),
    fail: (e) => expectTypeOf(e).toEqualTypeOf<SuperQiError>(),
    complete: () => {},
  });
  expectTypeOf(getStorage<{ n: number }>({ key: 'k' })).resolves.toEqualTypeOf<{ data: { n: number } | null }>();
  // @ts-expect-error success must be a function
  getStorage({ key: 'k', success: 'yes' });

  // ── request ─────────────────────────────────────────────────────────────────────────────────────
  const task = request<{ id: number }>({ url: 'https://a.iq', method: 'POST', data: { a: 1 } });
  expectTypeOf(task).toEqualTypeOf<RequestTask<RequestResult<{ id: number }>>>();
  expectTypeOf(task.abort).toEqualTypeOf<() => void>();
  // @ts-expect-error only GET and POST
  request({ url: 'u', method: 'PUT' });

  // ── call<T>() ───────────────────────────────────────────────────────────────────────────────────
  expectTypeOf(call.unknown<{ authSetting: Record<string, boolean> }>('getSetting')).toEqualTypeOf<
    Promise<{ authSetting: Record<string, boolean> }>
  >();
  expectTypeOf(call('getSetting')).toEqualTypeOf<Promise<ApiResult<'getSetting'>>>();
  // @ts-expect-error a name neither in the table nor registered (a typo of tradePay)
  call('tradepay');
  call.unknown('tradepay'); // the explicit escape hatch takes any name

  // ── testing overrides: typed by API ─────────────────────────────────────────────────────────────
  // @ts-expect-error no API is called 'tradepay' (it compiled, and was silently ignored at run time)
  testing.answer('tradepay', { resultCode: '9000' });
  testing.answer('tradePay', { resultCode: '6001' });
  // @ts-expect-error a result code tradePay does not document
  testing.answer('tradePay', { resultCode: '9001' });
  // @ts-expect-error a payload typo: getAuthCode answers { authCode }
  testing.answer('getAuthCode', { authcode: 'x' });
  testing.answer('getAuthCode', { authCode: 'x' });
  testing.fail('getAuthCode', 1001);
  testing.fail('getAuthCode', '1001');
  testing.fail('getAuthCode', 2); // a common code (1–4)
  // @ts-expect-error 9999 is no code of getAuthCode's page
  testing.fail('getAuthCode', 9999);
  testing.fail('qicardSignContract', '6001');
  // @ts-expect-error unknown names for every helper
  testing.hang('alerts');
  // @ts-expect-error unknown names for every helper
  testing.delay('confrim', 10);
  testing.handle('confirm', (ctx) => ({ confirm: ctx.params.content === 'yes' }));
  // @ts-expect-error the handler answers confirm's result
  testing.handle('confirm', () => ({ confirmed: true }));
  // @ts-expect-error ctx.fail takes the API's codes
  testing.handle('getAuthCode', (ctx) => ctx.fail(9999));
  const em = testing.setupEmulator({ onUnusedOverride: 'error' });
  // @ts-expect-error emulator.use has no loose overload that swallows the typed one
  em.use('tradePay', () => ({ resultCode: 'paid' }));
  // @ts-expect-error … nor takes unknown names
  em.use('tradepay', () => ({}));
  // a registered API (test/support/registered-apis.ts): its registered result
  testing.answer('startApp', { opened: true });
  expectTypeOf(call('openInBrowser', { url: 'x' })).toEqualTypeOf<Promise<HostAck>>();

  // ── misc ────────────────────────────────────────────────────────────────────────────────────────
  expectTypeOf(canIUse).parameter(0).toExtend<string>();
  canIUse('scan');
  canIUse('anything-else');
  const my: MyShim = createMy();
  expectTypeOf(my.showToast).toEqualTypeOf(showToast);
  expectTypeOf(my.call<{ x: 1 }>('x')).toEqualTypeOf<Promise<{ x: 1 }>>();
  // @ts-expect-error not an event
  on('resumed', () => {});
  on<{ from: string }>('resume', (e) => expectTypeOf(e.data).toEqualTypeOf<{ from: string } | undefined>());
}
