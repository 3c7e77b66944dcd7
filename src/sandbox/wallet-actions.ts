/**
 * What a user does in the app, one call each, for testing a backend without a browser: grant scopes
 * (an authCode), settle a cashier payment, sign an agreement contract. They go through the wallet
 * API's own code (wallet-api.ts): in process for a `Sandbox` and for the CLI on a directory no
 * sandbox runs on, or over HTTP for the CLI beside a running sandbox.
 */
import { sendRequest } from './http-request.js';
import {
  WALLET_API,
  type AuthCodeRequest,
  type AuthCodeResponse,
  type CashierDecision,
  type CashierDecisionRequest,
  type CashierDecisionResponse,
  type CashierPayment,
  type SigningDecisionRequest,
  type SigningDecisionResponse,
  type WalletApiError,
  type WalletSession,
} from './protocol.js';
import type { Runtime } from './runtime.js';
import { authCode, cashierPayment, decideContract, decidePayment, idFromLink, Refusal, walletSession } from './wallet-api.js';

/** A refusal of the wallet (an unknown user, payment or contract, a scope the user's role cannot grant…). */
export class SandboxWalletError extends Error {
  override name = 'SandboxWalletError';
  constructor(
    /** The wallet API's error: `USER_NOT_FOUND`, `PAYMENT_NOT_FOUND`, `AUTH_CODE_FAILED`, `CONTRACT_CLOSED`… */
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** The wallet API, as the actions call it. */
export interface Wallet {
  session(): Promise<WalletSession>;
  payment(paymentId: string): Promise<CashierPayment>;
  authCode(body: AuthCodeRequest): Promise<AuthCodeResponse>;
  decidePayment(body: CashierDecisionRequest): Promise<CashierDecisionResponse>;
  decideContract(body: SigningDecisionRequest): Promise<SigningDecisionResponse>;
}

/** The wallet of a sandbox in this process (`rt`): the wallet API's functions, without HTTP. */
export function localWallet(rt: Runtime): Wallet {
  const call = async <T>(f: () => T | Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw e instanceof Refusal ? new SandboxWalletError(e.error, e.message) : e;
    }
  };
  return {
    session: () => call(() => walletSession(rt.store)),
    payment: (paymentId) => call(() => cashierPayment(rt, paymentId)),
    authCode: (body) => call(() => authCode(rt, { ...body })),
    decidePayment: (body) => call(() => decidePayment(rt, { ...body })),
    decideContract: (body) => call(() => decideContract(rt, { ...body })),
  };
}

/** The wallet API of the sandbox listening at `gatewayUrl`. */
export function remoteWallet(gatewayUrl: string, timeoutMs = 30_000): Wallet {
  const call = async <T>(path: string, body?: object): Promise<T> => {
    const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
    const reply = await sendRequest(body ? 'POST' : 'GET', new URL(path, gatewayUrl), headers, body && JSON.stringify(body), timeoutMs);
    let json: unknown;
    try {
      json = JSON.parse(reply.text);
    } catch {
      throw new SandboxWalletError('INTERNAL', `${gatewayUrl}${path} answered HTTP ${reply.status} without JSON: is a sandbox listening there?`);
    }
    if (reply.status >= 400) {
      const e = json as Partial<WalletApiError>;
      throw new SandboxWalletError(String(e.error ?? `HTTP_${reply.status}`), String(e.message ?? reply.text));
    }
    return json as T;
  };
  return {
    session: () => call(WALLET_API.session),
    payment: (paymentId) => call(`${WALLET_API.payments}?paymentId=${encodeURIComponent(paymentId)}`),
    authCode: (body) => call(WALLET_API.authCodes, body),
    decidePayment: (body) => call(WALLET_API.decidePayment, body),
    decideContract: (body) => call(WALLET_API.decideContract, body),
  };
}

/** The id in a cashier or contract link (`?paymentId=` / `?authId=`), or the text itself when it is a bare id. */
function idOf(api: string, name: string, linkOrId: unknown, param: string): string {
  if (typeof linkOrId !== 'string' || !linkOrId.trim()) throw new TypeError(`${api}: ${name} must be a non-empty string`);
  const id = idFromLink(linkOrId, param) ?? (/^[^/?#:=&\s]+$/.test(linkOrId) ? linkOrId : null);
  if (!id) throw new TypeError(`${api}: ${name} ${JSON.stringify(linkOrId)} has no ${param}= and is no bare id`);
  return id;
}

function userOption(api: string, name: string, value: unknown): string | undefined {
  if (value !== undefined && (typeof value !== 'string' || !value)) throw new TypeError(`${api}: ${name} must be a sandbox user id (a non-empty string)`);
  return value as string | undefined;
}

/** Options of `sandbox.authCode()`. */
export interface AuthCodeOptions {
  /** The user who consents. @default the first customer (the user the emulator plays) */
  user?: string;
  /** The scopes granted, as getAuthCode names them (`USER_ID`, `USER_NAME`…); checked against the user's role. */
  scopes: readonly string[];
  /** The merchant. @default the sandbox's own client id */
  clientId?: string;
}

/** The user grants `scopes` (consent recorded as if they tapped Allow): an authCode applyToken redeems once. */
export async function grantAuthCode(wallet: Wallet, options: AuthCodeOptions, api = 'sandbox.authCode'): Promise<AuthCodeResponse> {
  if (!options || typeof options !== 'object') throw new TypeError(`${api}: options ({ user, scopes }) are required`);
  const { scopes } = options;
  if (!Array.isArray(scopes) || !scopes.length || !scopes.every((s) => typeof s === 'string' && s)) throw new TypeError(`${api}: scopes must be a non-empty array of scope names`);
  const user = userOption(api, 'user', options.user) ?? (await wallet.session()).user.userId;
  if (options.clientId !== undefined && (typeof options.clientId !== 'string' || !options.clientId)) throw new TypeError(`${api}: clientId must be a non-empty string`);
  return wallet.authCode({ userId: user, grantedScopes: [...scopes], ...(options.clientId ? { clientId: options.clientId } : {}) });
}

/** The cashier choices `sandbox.pay()` takes. */
export const CASHIER_OUTCOMES: readonly CashierDecision[] = ['pay', 'cancel', 'fail', 'pending'];

/** Options of `sandbox.pay()`. */
export interface PayOptions {
  /** The user in the cashier. @default the payment's `order.buyer.referenceBuyerId` when that is a sandbox user, else the first customer */
  as?: string;
  /** What they do: pay, cancel, fail, or leave it pending. @default 'pay' */
  outcome?: CashierDecision;
}

/** The user settles a cashier payment (by its id or the cashier URL pay answered), as the emulator's cashier does. */
export async function payAsUser(wallet: Wallet, paymentIdOrUrl: string, options: PayOptions = {}, api = 'sandbox.pay'): Promise<CashierDecisionResponse> {
  const paymentId = idOf(api, 'paymentIdOrUrl', paymentIdOrUrl, 'paymentId');
  const outcome = options.outcome ?? 'pay';
  if (!CASHIER_OUTCOMES.includes(outcome)) throw new RangeError(`${api}: outcome must be ${CASHIER_OUTCOMES.join(', ')}; got ${JSON.stringify(outcome)}`);
  let user = userOption(api, 'as', options.as);
  if (!user) {
    const [payment, session] = await Promise.all([wallet.payment(paymentId), wallet.session()]);
    const buyer = payment.referenceBuyerId;
    user = buyer && session.users.some((u) => u.userId === buyer) ? buyer : session.user.userId;
  }
  return wallet.decidePayment({ paymentId, userId: user, decision: outcome });
}

/** Options of `sandbox.sign()`. */
export interface SignOptions {
  /** The user who signs. @default the first customer */
  as?: string;
}

/** The user signs the agreement contract behind `authUrl` (prepare's answer): the authCode applyToken redeems for the agreement token. */
export async function signContract(wallet: Wallet, authUrl: string, options: SignOptions = {}, api = 'sandbox.sign'): Promise<string> {
  const authId = idOf(api, 'authUrl', authUrl, 'authId');
  const user = userOption(api, 'as', options.as) ?? (await wallet.session()).user.userId;
  const answer = await wallet.decideContract({ authId, userId: user, decision: 'sign' });
  if (!('authCode' in answer)) throw new SandboxWalletError('SIGN_FAILED', `the contract ${authId} was not signed (errorCode ${answer.errorCode})`);
  return answer.authCode;
}
