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
import { own, type DeliveryRecord, type State } from './state.js';
import { usersInOrder, walletUser } from './wallet-api.js';

const OUTCOMES: readonly ForcedOutcome[] = ['decline', 'pending', 'expire', 'network-error', 'slow'];
const iso = (ms: number): string => new Date(ms).toISOString();
const newestFirst = <T>(items: T[], at: (t: T) => number): T[] => items.sort((a, b) => at(b) - at(a));

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

/** Everything the page shows. */
export function stateView(rt: Runtime): SandboxStateView {
  const s: State = rt.store.state;
  return {
    gatewayUrl: rt.url,
    clientId: rt.credentials.clientId,
    forced: s.forced['next'] ?? null,
    users: usersInOrder(s).map((u) => ({ ...walletUser(u), status: u.status })),
    merchants: Object.values(s.merchants).map((m) => ({ clientId: m.clientId, merchantName: m.merchantName, balance: String(m.balance) })),
    payments: newestFirst(Object.values(s.payments), (p) => p.createdAt).map((p) => ({
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
    })),
    refunds: newestFirst(Object.values(s.refunds), (r) => r.createdAt).map((r) => ({
      refundId: r.refundId,
      refundRequestId: r.refundRequestId,
      paymentId: r.paymentId,
      amount: String(r.amount),
      status: r.status,
      createdAt: iso(r.createdAt),
    })),
    agreements: newestFirst(Object.values(s.agreements), (a) => a.createdAt).map((a) => ({
      agreementId: a.agreementId,
      userId: a.userId,
      clientId: a.clientId,
      ...(own(s.contracts, a.contractId)?.contractDesc !== undefined ? { contractDesc: own(s.contracts, a.contractId)!.contractDesc! } : {}),
      createdAt: iso(a.createdAt),
    })),
    deliveries: newestFirst(Object.values(s.deliveries), (d) => d.createdAt).map(deliveryView),
    messages: newestFirst(Object.values(s.messages), (m) => m.at).map((m) => ({
      messageId: m.messageId,
      channel: m.channel,
      userId: m.userId,
      title: m.title,
      content: m.content,
      url: m.url,
      at: iso(m.at),
    })),
    openApis: Object.values(OPEN_APIS).map((row) => ({ name: row.name, path: row.path, doc: `03-open-apis/${row.doc}`, codes: [...row.codes] })),
    failNext: Object.fromEntries(rt.failNext),
  };
}

export async function handleAdminApi(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const fail = (status: number, error: string, message: string) => sendJson(res, status, { error, message } satisfies WalletApiError);
  if (crossSite(req)) {
    req.resume();
    return fail(403, 'FORBIDDEN', 'the admin API answers same-origin requests only');
  }
  if (url.pathname === SANDBOX_API.state) {
    req.resume();
    return req.method === 'GET' ? sendJson(res, 200, stateView(rt)) : fail(405, 'INVALID_REQUEST', 'use GET');
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
  return sendJson(res, 200, { delivery: deliveryView(own(rt.store.state.deliveries, id)!) } satisfies ResendResponse);
}
