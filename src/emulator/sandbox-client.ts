/**
 * The emulator's side of the sandbox wallet's wallet API (src/sandbox/protocol.ts): the phone app
 * talking to its own backend. Types only come from the protocol, so nothing of the Node sandbox
 * reaches a browser bundle; the paths are checked against the protocol's `WALLET_API` by type.
 */
import { bare } from '../core/own.js';
import type {
  AuthCodeRequest,
  AuthCodeResponse,
  CashierDecisionRequest,
  CashierDecisionResponse,
  CashierPayment,
  SigningContract,
  SigningDecisionRequest,
  SigningDecisionResponse,
  WALLET_API,
  WalletApiError,
  WalletSession,
} from '../sandbox/protocol.js';

const PATHS: typeof WALLET_API = {
  session: '/wallet-api/session',
  authCodes: '/wallet-api/auth-codes',
  payments: '/wallet-api/payments',
  decidePayment: '/wallet-api/payments/decide',
  contracts: '/wallet-api/contracts',
  decideContract: '/wallet-api/contracts/decide',
};

/**
 * A failed wallet API call: an Error whose `code` is the wallet's `error` (`PAYMENT_NOT_FOUND`,
 * `USER_NOT_FOUND`, …), or `UNREACHABLE` when no answer came (sandbox not running, refused, not JSON).
 */
export type SandboxError = Error & { code: string };

/** A `SandboxError`. */
export const sandboxError = (code: string, message: string): SandboxError => Object.assign(new Error(message), { code });

/** The wallet API of one sandbox. */
export interface SandboxClient {
  /** The gateway URL the client talks to. */
  readonly url: string;
  session(): Promise<WalletSession>;
  authCode(request: AuthCodeRequest): Promise<AuthCodeResponse>;
  /** The payment behind a cashier URL (`tradePay`'s paymentUrl). */
  payment(paymentUrl: string): Promise<CashierPayment>;
  decidePayment(request: CashierDecisionRequest): Promise<CashierDecisionResponse>;
  /** The contract behind a signing URL (`qicardSignContract`'s authUrl). */
  contract(authUrl: string): Promise<SigningContract>;
  decideContract(request: SigningDecisionRequest): Promise<SigningDecisionResponse>;
}

/** A client for the sandbox at `url` (its gateway URL, e.g. `http://127.0.0.1:4010`). */
export function createSandboxClient(url: string): SandboxClient {
  const base = url.replace(/\/+$/, '');
  const call = async <T>(path: string, body?: object): Promise<T> => {
    let res: Response;
    let data: unknown;
    try {
      // prototype-less: fetch reads inherited members too, and a polluted Object.prototype.signal would break it
      res = await fetch(base + path, bare(body ? { method: 'POST', headers: bare({ 'content-type': 'application/json' }), body: JSON.stringify(body) } : {}));
      data = await res.json();
    } catch (e) {
      throw sandboxError('UNREACHABLE', `the sandbox wallet at ${base} is unreachable (${(e as Error).message}): is it running?`);
    }
    if (!res.ok) {
      const err = data as Partial<WalletApiError> | null;
      throw sandboxError(err?.error ?? `HTTP_${res.status}`, `the sandbox wallet said: ${err?.message ?? res.statusText}`);
    }
    return data as T;
  };
  const get = <T>(path: string, key: string, value: string) => call<T>(`${path}?${key}=${encodeURIComponent(value)}`);
  return {
    url: base,
    session: () => call(PATHS.session),
    authCode: (r) => call(PATHS.authCodes, r),
    payment: (paymentUrl) => get(PATHS.payments, 'paymentUrl', paymentUrl),
    decidePayment: (r) => call(PATHS.decidePayment, r),
    contract: (authUrl) => get(PATHS.contracts, 'authUrl', authUrl),
    decideContract: (r) => call(PATHS.decideContract, r),
  };
}
