// @vitest-environment happy-dom
// The page on the emulator (superqi-bridge/testing: every dialog answered at once) with a fake backend.
import { answer, callsTo, fail, lastCall, setupEmulator, teardownEmulator } from 'superqi-bridge/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startApp } from '../web/src/app';
import { STRINGS } from '../web/src/strings';

const t = STRINGS.en;
let root: HTMLElement;

/** Stubs fetch: `METHOD path` → the JSON it answers; anything else is a 404. */
function backend(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    const found = Object.hasOwn(routes, key);
    return new Response(JSON.stringify(found ? routes[key] : { error: `no route ${key}` }), { status: found ? 200 : 404, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const SIGNED_IN = { 'POST /api/login': { token: 'abc', user: { userId: '2160000000000001', name: 'Ali Hassan' } } };
const ORDERED = { ...SIGNED_IN, 'POST /api/orders': { paymentId: 'P1', paymentUrl: 'https://cashier.example/pay?id=P1', description: 'Coffee', iqd: 3000 } };
const find = (id: string) => root.querySelector<HTMLElement>(`[data-id="${id}"]`);
const text = (id: string) => find(id)?.textContent ?? '';

beforeEach(() => {
  setupEmulator();
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => {
  teardownEmulator();
  vi.unstubAllGlobals();
});

it('signs in on load: getAuthCode → the backend → the user is greeted by name', async () => {
  const fetchMock = backend(SIGNED_IN);
  void startApp(root, t);
  await vi.waitFor(() => expect(text('hello')).toBe(t.hello('Ali Hassan')));
  expect(lastCall('getAuthCode')?.params).toMatchObject({ scopes: ['auth_base', 'USER_ID', 'USER_NAME'] });
  const [, init] = fetchMock.mock.calls[0]!;
  expect(JSON.parse(String(init?.body))).toEqual({ authCode: expect.any(String) });
});

it('orders, pays in the cashier with the backend’s payment URL, shows it paid, and refunds it', async () => {
  const fetchMock = backend({ ...ORDERED, 'GET /api/orders/P1': { paymentId: 'P1', paymentStatus: 'SUCCESS', notified: 'SUCCESS', refunded: false }, 'POST /api/orders/P1/refund': { refundId: 'R1' } });
  void startApp(root, t);
  await vi.waitFor(() => expect(find('order')?.hidden).toBe(false));
  find('order')!.click();
  await vi.waitFor(() => expect(text('status')).toBe(t.paid));
  expect(lastCall('tradePay')?.params).toEqual({ paymentUrl: 'https://cashier.example/pay?id=P1' });
  find('refund')!.click();
  await vi.waitFor(() => expect(text('status')).toBe(t.refunded));
  expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method} ${String(url)}`)).toEqual(['POST /api/login', 'POST /api/orders', 'GET /api/orders/P1', 'POST /api/orders/P1/refund']);
  expect(fetchMock.mock.calls[1]![1]?.headers).toMatchObject({ authorization: 'Bearer abc' });
});

it('a payment cancelled in the cashier is shown as such, with nothing to refund', async () => {
  backend(ORDERED);
  answer('tradePay', { resultCode: '6001' }, { once: true });
  void startApp(root, t);
  await vi.waitFor(() => expect(find('order')?.hidden).toBe(false));
  find('order')!.click();
  await vi.waitFor(() => expect(text('status')).toBe(t.cancelled));
  expect(find('refund')?.hidden).toBe(true);
});

it('a refused sign-in is shown, and nothing can be ordered', async () => {
  backend(SIGNED_IN);
  fail('getAuthCode', 1001); // the page's ERROR_CODE_USER_CANCEL
  void startApp(root, t);
  await vi.waitFor(() => expect(text('status')).toContain(t.error('').trim()));
  expect(find('order')?.hidden).toBe(true);
  expect(callsTo('tradePay')).toHaveLength(0);
});

it('the backend’s words are shown as text, never as HTML', async () => {
  backend({ 'POST /api/login': { token: 'abc', user: { userId: 'u', name: '<img src=x onerror=alert(1)>' } } });
  void startApp(root, t);
  await vi.waitFor(() => expect(text('hello')).toBe(t.hello('<img src=x onerror=alert(1)>')));
  expect(root.querySelector('img')).toBeNull();
});
