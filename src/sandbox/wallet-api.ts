/**
 * The wallet API of protocol.ts: what the emulated app (the emulator) asks the wallet. CORS for these
 * paths only, from pages on this machine and the origins listed (`allowOrigins`); unsigned (on a phone
 * this is the app talking to its own backend).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BUSINESS_SCOPES, CUSTOMER_SCOPES } from '../table/scopes.js';
import { newToken, takeForced, type Ctx } from './handlers/context.js';
import { completePayment, endPayment, payerProblem } from './handlers/lifecycle.js';
import { originAllowed, originRefusal } from '../node/origins.js';
import { isJsonType, parseObject, readBody, sendJson } from './http.js';
import {
  WALLET_API,
  type AuthCodeResponse,
  type CashierDecision,
  type CashierDecisionResponse,
  type CashierPayment,
  type SigningContract,
  type SigningDecision,
  type SigningDecisionResponse,
  type WalletApiError,
  type WalletSession,
  type WalletUser,
} from './protocol.js';
import { maybeSlow, run, type Runtime } from './runtime.js';
import type { ContractRecord, PaymentRecord, UserRecord } from './state.js';
import type { Reader } from './store.js';
import { formatTime } from './signing.js';

/** CORS headers: the page's own origin echoed (never `*`), and `Vary: Origin` (the answer depends on it). */
const corsFor = (req: IncomingMessage): Record<string, string> => (req.headers.origin ? { 'Access-Control-Allow-Origin': req.headers.origin, Vary: 'Origin' } : { Vary: 'Origin' });
const PREFLIGHT = { 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' };

/** A wallet API failure, answered as HTTP `status` with a `WalletApiError` body. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (status: number, error: string, message: string): never => {
  throw new Refusal(status, error, message);
};

export const walletUser = (u: UserRecord): WalletUser => ({
  userId: u.userId,
  role: u.role,
  fullName: u.fullName,
  maskedMobile: u.maskedMobile,
  balance: String(u.balance),
  currency: 'IQD',
});

/** Users, customers first (then by id). */
export const usersInOrder = (wallet: Reader): UserRecord[] =>
  wallet.all('users').sort((a, b) => (a.role === b.role ? a.userId.localeCompare(b.userId) : a.role === 'customer' ? -1 : 1));

const cashierStatus = (p: PaymentRecord): CashierPayment['status'] =>
  p.status === 'CLOSED' ? 'FAIL' : p.status;

function cashierView(wallet: Reader, p: PaymentRecord): CashierPayment {
  return {
    paymentId: p.paymentId,
    paymentRequestId: p.paymentRequestId,
    merchantName: wallet.get('merchants', p.clientId)?.merchantName ?? p.clientId,
    ...(p.orderDescription ? { orderDescription: p.orderDescription } : {}),
    paymentAmount: { currency: p.currency, value: String(p.amount) },
    ...(p.referenceBuyerId ? { referenceBuyerId: p.referenceBuyerId } : {}),
    status: cashierStatus(p),
    paymentExpiryTime: formatTime(p.expiresAt),
  };
}

function contractView(wallet: Reader, c: ContractRecord): SigningContract {
  return {
    authId: c.authId,
    merchantName: wallet.get('merchants', c.clientId)?.merchantName ?? c.clientId,
    ...(c.contractDesc !== undefined ? { contractDesc: c.contractDesc } : {}),
    ...(c.language !== undefined ? { language: c.language } : {}),
    status: c.status,
  };
}

/** The id a cashier or contract link carries (`?paymentId=` / `?authId=`), from any host. */
export function idFromLink(link: string | null, param: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, 'http://sandbox.invalid').searchParams.get(param);
  } catch {
    return null;
  }
}

const str = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === 'string' && v ? v : refuse(400, 'INVALID_REQUEST', `${name} must be a non-empty string`);
};

function user(ctx: Ctx, userId: string): UserRecord {
  return ctx.tx.get('users', userId) ?? refuse(404, 'USER_NOT_FOUND', `no sandbox user ${userId}`);
}

/** Answers a wallet API request (the path is under WALLET_API_PREFIX). */
export async function handleWalletApi(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const cors = corsFor(req);
  // Pages elsewhere may not read users and balances, mint authCodes or pay: refused before anything is
  // read or done (a preflight too), readably (the page's developer sees how to allow it).
  if (!originAllowed(req, rt.allowOrigins)) {
    req.resume();
    const message = originRefusal(req.headers.origin!, 'superqi-sandbox', 'startSandbox');
    return sendJson(res, 403, { error: 'ORIGIN_NOT_ALLOWED', message } satisfies WalletApiError, cors);
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, ...PREFLIGHT }).end();
    return;
  }
  try {
    const answer = await route(rt, req, url);
    sendJson(res, 200, answer, cors);
  } catch (e) {
    const r = e instanceof Refusal ? e : new Refusal(500, 'INTERNAL', (e as Error).message);
    if (!(e instanceof Refusal)) rt.warn(`superqi-sandbox: wallet API ${url.pathname}: ${(e as Error).stack ?? e}`);
    sendJson(res, r.status, { error: r.error, message: r.message } satisfies WalletApiError, cors);
  }
}

async function route(rt: Runtime, req: IncomingMessage, url: URL): Promise<unknown> {
  const wallet = rt.store;
  const get = req.method === 'GET';
  const post = req.method === 'POST';
  const path = url.pathname;
  if (path === WALLET_API.session && get) return walletSession(wallet);
  if (path === WALLET_API.payments && get) {
    const id = url.searchParams.get('paymentId') ?? idFromLink(url.searchParams.get('paymentUrl'), 'paymentId');
    if (!id) refuse(400, 'INVALID_REQUEST', 'give ?paymentUrl=<the cashier URL pay answered> or ?paymentId=');
    return cashierPayment(rt, id!);
  }
  if (path === WALLET_API.contracts && get) {
    const id = url.searchParams.get('authId') ?? idFromLink(url.searchParams.get('authUrl'), 'authId');
    if (!id) refuse(400, 'INVALID_REQUEST', 'give ?authUrl=<the authUrl prepare answered> or ?authId=');
    const c = wallet.get('contracts', id!) ?? refuse(404, 'CONTRACT_NOT_FOUND', `no sandbox contract ${id}`);
    return contractView(wallet, c);
  }
  if (!Object.values(WALLET_API).includes(path as never)) return refuse(404, 'INVALID_REQUEST', `${req.method} ${path} is not part of the wallet API`);
  // the method the path does not take (GET of a decision, POST of a read, PUT, DELETE…)
  const reads = path === WALLET_API.session || path === WALLET_API.payments || path === WALLET_API.contracts;
  if (!post || reads) return refuse(405, 'INVALID_REQUEST', `${req.method} ${path}: use ${reads ? 'GET' : 'POST'}`);
  if (!isJsonType(req.headers['content-type'])) refuse(415, 'INVALID_REQUEST', 'send the body as application/json');
  const raw = await readBody(req, rt.maxBodyBytes);
  if (!raw) return refuse(413, 'INVALID_REQUEST', `body over ${rt.maxBodyBytes} bytes`);
  const body = parseObject(raw) ?? refuse(400, 'INVALID_REQUEST', 'the body is not a JSON object');
  if (path === WALLET_API.authCodes) return authCode(rt, body);
  if (path === WALLET_API.decidePayment) return decidePayment(rt, body);
  if (path === WALLET_API.decideContract) return decideContract(rt, body);
  return refuse(404, 'INVALID_REQUEST', `POST ${path} is not part of the wallet API`);
}

/** `GET session`: the user the app plays (the first customer not frozen), every user, the merchants. */
export function walletSession(wallet: Reader): WalletSession {
  const users = usersInOrder(wallet);
  const first = users.find((u) => u.role === 'customer' && u.status === 'NORMAL') ?? users[0]!;
  return {
    user: walletUser(first),
    users: users.map(walletUser),
    merchants: wallet.all('merchants').map((m) => ({ clientId: m.clientId, merchantName: m.merchantName })),
  };
}

/** `GET payments`: the payment `paymentId` as the cashier shows it (due work, such as expiry, done first). */
export function cashierPayment(rt: Runtime, paymentId: string): Promise<CashierPayment> {
  return run(rt, rt.credentials.clientId, (ctx) => {
    const p = ctx.tx.get('payments', paymentId) ?? refuse(404, 'PAYMENT_NOT_FOUND', `no sandbox payment ${paymentId}`);
    return cashierView(ctx.tx, p);
  });
}

/** `POST auth-codes`: records the grant and issues an authCode (the body as `AuthCodeRequest`, unchecked). */
export function authCode(rt: Runtime, body: Record<string, unknown>): Promise<AuthCodeResponse> {
  const userId = str(body, 'userId');
  const clientId = body['clientId'] === undefined ? rt.credentials.clientId : str(body, 'clientId');
  const scopes = body['grantedScopes'];
  if (!Array.isArray(scopes) || !scopes.length || !scopes.every((s) => typeof s === 'string' && s)) {
    refuse(400, 'INVALID_REQUEST', 'grantedScopes must be a non-empty array of scope names');
  }
  return run(rt, clientId, (ctx) => {
    const u = user(ctx, userId);
    if (!ctx.tx.get('merchants', clientId)) refuse(404, 'CLIENT_NOT_FOUND', `no sandbox merchant with clientId ${clientId}`);
    const allowed: readonly string[] = u.role === 'business' ? BUSINESS_SCOPES : CUSTOMER_SCOPES;
    const wrong = (scopes as string[]).filter((s) => !allowed.includes(s));
    if (wrong.length) refuse(400, 'AUTH_CODE_FAILED', `not ${u.role} scopes: ${wrong.join(', ')}`);
    const granted = [...new Set(scopes as string[])];
    const consentKey = `${userId} ${clientId}`;
    ctx.tx.put('consents', consentKey, [...new Set([...(ctx.tx.get('consents', consentKey) ?? []), ...granted])]);
    const code = newToken('2810111301');
    const expiresAt = ctx.now + ctx.limits.authCodeTtlMs;
    ctx.tx.put('authCodes', code, { code, clientId, userId, scopes: granted, source: 'consent', expiresAt });
    return { authCode: code, authSuccessScopes: granted, expiresAt: new Date(expiresAt).toISOString() };
  });
}

const CASHIER_CODES: Record<string, CashierDecisionResponse['resultCode']> = { SUCCESS: '9000', PROCESSING: '8000', FAIL: '4000', CLOSED: '4000', CANCELLED: '6001' };

/** `POST payments/decide`: the user's cashier choice moves the payment (the body as `CashierDecisionRequest`, unchecked). */
export async function decidePayment(rt: Runtime, body: Record<string, unknown>): Promise<CashierDecisionResponse> {
  const paymentId = str(body, 'paymentId');
  const userId = str(body, 'userId');
  const decision = str(body, 'decision') as CashierDecision;
  if (!['pay', 'cancel', 'fail', 'pending'].includes(decision)) refuse(400, 'INVALID_REQUEST', 'decision must be pay, cancel, fail or pending');
  if (decision === 'pay') await maybeSlow(rt);
  return run(rt, rt.credentials.clientId, (ctx) => {
    const p = ctx.tx.get('payments', paymentId) ?? refuse(404, 'PAYMENT_NOT_FOUND', `no sandbox payment ${paymentId}`);
    user(ctx, userId);
    if (p.kind === 'agreement') refuse(400, 'INVALID_REQUEST', 'agreement payments have no cashier');
    const answer = (q: PaymentRecord, code = CASHIER_CODES[q.status]!): CashierDecisionResponse => ({ resultCode: code, payment: cashierView(ctx.tx, q) });
    // already decided: say how it ended (a repeated tap changes nothing)
    if (p.status !== 'PROCESSING') return answer(p);
    if (decision === 'pending') return answer(p, '8000');
    if (decision === 'cancel') return answer(endPayment(ctx, p, 'CANCELLED', 'USER_CANCELLED', userId));
    if (decision === 'fail') return answer(endPayment(ctx, p, 'FAIL', 'PROCESS_FAIL', userId));
    const forced = takeForced(ctx, ['decline', 'pending', 'expire', 'network-error']);
    if (forced === 'network-error') return answer(p, '6002');
    if (forced === 'pending') return answer(p, '8000');
    if (forced === 'decline') return answer(endPayment(ctx, p, 'FAIL', 'RISK_REJECT', userId));
    if (forced === 'expire') return answer(endPayment(ctx, p, 'CLOSED', 'ORDER_IS_CLOSED', userId));
    const problem = payerProblem(ctx, p, userId);
    if (problem) return answer(endPayment(ctx, p, 'FAIL', problem, userId));
    return answer(completePayment(ctx, p, userId));
  });
}

/** `POST contracts/decide`: the user signs (or not) the contract (the body as `SigningDecisionRequest`, unchecked). */
export function decideContract(rt: Runtime, body: Record<string, unknown>): Promise<SigningDecisionResponse> {
  const authId = str(body, 'authId');
  const userId = str(body, 'userId');
  const decision = str(body, 'decision') as SigningDecision;
  if (!['sign', 'cancel', 'network-error', 'fail'].includes(decision)) refuse(400, 'INVALID_REQUEST', 'decision must be sign, cancel, network-error or fail');
  return run(rt, rt.credentials.clientId, (ctx): SigningDecisionResponse => {
    const c = ctx.tx.get('contracts', authId) ?? refuse(404, 'CONTRACT_NOT_FOUND', `no sandbox contract ${authId}`);
    user(ctx, userId);
    if (c.status === 'CANCELLED') refuse(409, 'CONTRACT_CLOSED', `contract ${authId} was cancelled; call prepare again`);
    if (c.status === 'SIGNED' && c.userId !== userId) refuse(409, 'CONTRACT_CLOSED', `contract ${authId} was signed by another user`);
    if (decision === 'network-error') return { errorCode: '6002' };
    if (decision === 'fail') return { errorCode: '6003' };
    if (decision === 'cancel') {
      ctx.tx.put('contracts', authId, { ...c, status: 'CANCELLED', userId });
      return { errorCode: '6001' };
    }
    ctx.tx.put('contracts', authId, { ...c, status: 'SIGNED', userId });
    const code = newToken('2810111302');
    ctx.tx.put('authCodes', code, { code, clientId: c.clientId, userId, scopes: ['AGREEMENT_PAY'], source: 'contract', contractId: authId, expiresAt: ctx.now + ctx.limits.authCodeTtlMs });
    return { authCode: code };
  });
}
