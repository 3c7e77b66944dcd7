/**
 * The admin API (protocol.ts `SANDBOX_API`): the state as the sandbox page shows it, forcing the next
 * outcome, scripting the next answer of an Open API, resending a notification. Same-origin only: no CORS headers, and a request another site
 * sends (Origin or Sec-Fetch-Site say so) is refused before it is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { crossSite } from '../node/origins.js';
import { isJsonType, parseObject, readBody, sendJson } from './http.js';
import {
  SANDBOX_API,
  SANDBOX_API_MAX_BODY_BYTES,
  SANDBOX_LISTS,
  SANDBOX_PAGE_DEFAULT,
  SANDBOX_PAGE_MAX,
  type SandboxListItems,
  type SandboxListName,
  type SandboxListQuery,
  type SandboxListResponse,
  type SandboxMessage,
  type SandboxPayment,
  type SandboxRefund,
  type FailNextResponse,
  type ForcedOutcome,
  type ForceResponse,
  type ResendResponse,
  type SandboxDelivery,
  type SandboxStateView,
  type WalletApiError,
} from './protocol.js';
import { setFailNext, type Runtime } from './runtime.js';
import { OPEN_APIS } from './table/index.js';
import type { DeliveryRecord, MessageRecord, PaymentRecord, RefundRecord } from './state.js';
import { CursorError, type Row, type Store } from './store.js';
import { usersInOrder, walletUser } from './wallet-api.js';

const OUTCOMES: readonly ForcedOutcome[] = ['decline', 'pending', 'expire', 'network-error', 'slow'];
const iso = (ms: number): string => new Date(ms).toISOString();

export function deliveryView(d: DeliveryRecord): SandboxDelivery {
  return {
    deliveryId: d.deliveryId,
    kind: d.kind,
    paymentId: d.paymentId,
    url: d.url,
    status: d.status,
    attempts: d.attempts.map((a) => ({ at: iso(a.at), ...(a.status !== undefined ? { status: a.status } : {}), outcome: a.outcome, ms: a.ms })),
    ...(d.status === 'PENDING' ? { nextAt: iso(d.nextAt) } : {}),
    body: d.body,
  };
}

const paymentView = (p: PaymentRecord): SandboxPayment => ({
  paymentId: p.paymentId,
  paymentRequestId: p.paymentRequestId,
  kind: p.kind,
  status: p.status,
  ...(p.escrow ? { escrowStatus: p.escrow } : {}),
  ...(p.failCode ? { failCode: p.failCode } : {}),
  amount: String(p.amount),
  refunded: String(p.refunded),
  voided: String(p.voided),
  orderDescription: p.orderDescription,
  ...(p.payerId ? { payerId: p.payerId } : {}),
  createdAt: iso(p.createdAt),
  ...(p.paidAt !== undefined ? { paidAt: iso(p.paidAt) } : {}),
  expiresAt: iso(p.expiresAt),
});

const refundView = (r: RefundRecord): SandboxRefund => ({
  refundId: r.refundId,
  refundRequestId: r.refundRequestId,
  paymentId: r.paymentId,
  amount: String(r.amount),
  status: r.status,
  createdAt: iso(r.createdAt),
});

const messageView = (m: MessageRecord): SandboxMessage => ({
  messageId: m.messageId,
  channel: m.channel,
  userId: m.userId,
  title: m.title,
  content: m.content,
  url: m.url,
  at: iso(m.at),
});

/** Each list's record as the page shows it. */
const VIEWS: { [N in SandboxListName]: (record: Row<N>, wallet: Store) => SandboxListItems[N] } = {
  payments: paymentView,
  refunds: refundView,
  agreements: (a, wallet) => {
    const contractDesc = wallet.get('contracts', a.contractId)?.contractDesc;
    return { agreementId: a.agreementId, userId: a.userId, clientId: a.clientId, ...(contractDesc !== undefined ? { contractDesc } : {}), createdAt: iso(a.createdAt) };
  },
  deliveries: deliveryView,
  messages: messageView,
};

/** One page of list `name` (a `CursorError` for a `before` no page gave). */
export function listPage<N extends SandboxListName>(rt: Runtime, name: N, query: SandboxListQuery = {}): SandboxListResponse<N> {
  const page = rt.store.page(name, { limit: query.limit ?? SANDBOX_PAGE_DEFAULT, ...(query.before !== undefined ? { before: query.before } : {}), ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}) });
  const view = VIEWS[name];
  return { name, items: page.items.map((r) => view(r, rt.store)), total: page.total, next: page.next };
}

/** What the page shows: the wallet's users and merchants, and each list's first page. */
export function stateView(rt: Runtime, query: Omit<SandboxListQuery, 'before'> = {}): SandboxStateView {
  const wallet = rt.store;
  const lists = Object.fromEntries(SANDBOX_LISTS.map((name) => [name, listPage(rt, name, query)])) as { [N in SandboxListName]: SandboxListResponse<N> };
  return {
    gatewayUrl: rt.url,
    clientId: rt.credentials.clientId,
    forced: wallet.get('forced', 'next') ?? null,
    users: usersInOrder(wallet).map((u) => ({ ...walletUser(u), status: u.status })),
    merchants: wallet.all('merchants').map((m) => ({ clientId: m.clientId, merchantName: m.merchantName, balance: String(m.balance) })),
    payments: lists.payments.items,
    refunds: lists.refunds.items,
    agreements: lists.agreements.items,
    deliveries: lists.deliveries.items,
    messages: lists.messages.items,
    openApis: Object.values(OPEN_APIS).map((row) => ({ name: row.name, path: row.path, doc: `03-open-apis/${row.doc}`, codes: [...row.codes] })),
    failNext: Object.fromEntries(rt.failNext),
    pages: Object.fromEntries(SANDBOX_LISTS.map((name) => [name, { total: lists[name].total, next: lists[name].next }])) as SandboxStateView['pages'],
  };
}

/** `limit`, `before`, `q`, `status` of a query string, checked; a string says what is wrong. */
export function listQuery(params: URLSearchParams): SandboxListQuery | string {
  const query: SandboxListQuery = {};
  const limit = params.get('limit');
  if (limit !== null) {
    if (!/^[0-9]{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > SANDBOX_PAGE_MAX) return `limit must be an integer 1–${SANDBOX_PAGE_MAX}, got ${JSON.stringify(limit)}`;
    query.limit = Number(limit);
  }
  for (const key of ['before', 'q', 'status'] as const) {
    const value = params.get(key);
    if (value !== null && value !== '') query[key] = value;
  }
  return query;
}

export async function handleAdminApi(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const fail = (status: number, error: string, message: string) => sendJson(res, status, { error, message } satisfies WalletApiError);
  if (crossSite(req)) {
    req.resume();
    return fail(403, 'FORBIDDEN', 'the admin API answers same-origin requests only');
  }
  if (url.pathname === SANDBOX_API.state || url.pathname === SANDBOX_API.list) {
    req.resume();
    if (req.method !== 'GET') return fail(405, 'INVALID_REQUEST', 'use GET');
    const query = listQuery(url.searchParams);
    if (typeof query === 'string') return fail(400, 'INVALID_REQUEST', query);
    if (url.pathname === SANDBOX_API.state) {
      if (query.before !== undefined) return fail(400, 'INVALID_REQUEST', `before pages one list: use ${SANDBOX_API.list}?name=…&before=…`);
      return sendJson(res, 200, stateView(rt, query));
    }
    const name = url.searchParams.get('name');
    if (!SANDBOX_LISTS.includes(name as SandboxListName)) return fail(400, 'INVALID_REQUEST', `name must be one of ${SANDBOX_LISTS.join(', ')}`);
    try {
      return sendJson(res, 200, listPage(rt, name as SandboxListName, query));
    } catch (e) {
      if (e instanceof CursorError) return fail(400, 'INVALID_REQUEST', e.message);
      throw e;
    }
  }
  if (url.pathname !== SANDBOX_API.force && url.pathname !== SANDBOX_API.resend && url.pathname !== SANDBOX_API.failNext) {
    req.resume();
    return fail(404, 'INVALID_REQUEST', `${url.pathname} is not part of the admin API`);
  }
  if (req.method !== 'POST') {
    req.resume();
    return fail(405, 'INVALID_REQUEST', 'use POST');
  }
  // JSON only: a cross-site form cannot send it without a preflight this API never answers
  if (!isJsonType(req.headers['content-type'])) {
    req.resume();
    return fail(415, 'INVALID_REQUEST', 'send the body as application/json');
  }
  const raw = await readBody(req, SANDBOX_API_MAX_BODY_BYTES);
  if (!raw) return fail(413, 'INVALID_REQUEST', `the body is over ${SANDBOX_API_MAX_BODY_BYTES} bytes`);
  const body = parseObject(raw);
  if (!body) return fail(400, 'INVALID_REQUEST', 'the body is not a JSON object');
  if (url.pathname === SANDBOX_API.force) {
    const outcome = body['outcome'];
    if (outcome !== null && !OUTCOMES.includes(outcome as ForcedOutcome)) return fail(400, 'INVALID_REQUEST', `outcome must be null or one of ${OUTCOMES.join(', ')}`);
    rt.store.transact((tx) => tx.put('forced', 'next', (outcome as ForcedOutcome | null) ?? undefined));
    await rt.store.flush();
    return sendJson(res, 200, { forced: (outcome as ForcedOutcome | null) ?? null } satisfies ForceResponse);
  }
  if (url.pathname === SANDBOX_API.failNext) {
    const wrong = setFailNext(rt, body['api'], body['resultCode']);
    if (wrong) return fail(400, 'INVALID_REQUEST', wrong);
    return sendJson(res, 200, { failNext: Object.fromEntries(rt.failNext) } satisfies FailNextResponse);
  }
  const id = body['deliveryId'];
  if (typeof id !== 'string' || !rt.notifier.resend(id)) return fail(404, 'DELIVERY_NOT_FOUND', `no delivery ${String(id)}`);
  await rt.store.flush();
  return sendJson(res, 200, { delivery: deliveryView(rt.store.get('deliveries', id)!) } satisfies ResendResponse);
}
