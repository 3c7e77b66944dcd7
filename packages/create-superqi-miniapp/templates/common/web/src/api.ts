// The backend's API (server/backend.ts), reached through Vite's proxy at /api.

/** The signed-in user. */
export interface Session {
  token: string;
  user: { userId: string; name: string };
}

/** An order waiting for payment. */
export interface NewOrder {
  paymentId: string;
  paymentUrl: string;
  description: string;
  iqd: number;
}

/** An order as the backend sees it. */
export interface OrderState {
  paymentId: string;
  paymentStatus: string;
  notified: string | null;
  refunded: boolean;
}

async function call<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

/** getAuthCode's authCode → the backend's session. */
export const login = (authCode: string) => call<Session>('/api/login', { body: { authCode } });
/** Creates a payment for `item`: its cashier URL goes to tradePay. */
export const createOrder = (token: string, item: string) => call<NewOrder>('/api/orders', { token, body: { item } });
/** The payment's state at the gateway, and whether the backend got its notification. */
export const getOrder = (token: string, paymentId: string) => call<OrderState>(`/api/orders/${encodeURIComponent(paymentId)}`, { token });
/** Refunds the whole payment. */
export const refund = (token: string, paymentId: string) => call<{ refundId: string }>(`/api/orders/${encodeURIComponent(paymentId)}/refund`, { token, body: {} });
