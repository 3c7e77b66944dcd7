/**
 * A small fake of the sandbox wallet's wallet API (src/sandbox/protocol.ts) on 127.0.0.1, for the
 * emulator's unit tests: two users, one merchant, payments and contracts the test adds, every request
 * recorded. CORS open, as the protocol says.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  WALLET_API,
  type CashierDecisionRequest,
  type CashierDecisionResponse,
  type CashierPayment,
  type SigningContract,
  type SigningDecisionRequest,
  type SigningDecisionResponse,
  type WalletSession,
  type WalletUser,
} from '../../src/sandbox/protocol.js';

export const CUSTOMER: WalletUser = { userId: '2166100000000001', role: 'customer', fullName: 'Ali Hassan', maskedMobile: '964*******01', balance: '500000000', currency: 'IQD' };
export const BUSINESS: WalletUser = { userId: '2166100000000002', role: 'business', fullName: 'Baghdad Books', maskedMobile: '964*******02', balance: '0', currency: 'IQD' };
export const MERCHANT = { clientId: 'SANDBOX_CLIENT', merchantName: 'Test Merchant' };

export interface FakeWallet {
  readonly url: string;
  /** Every request: method, path (with query) and JSON body. */
  readonly requests: { method: string; path: string; body?: unknown }[];
  /** Adds a payment the cashier URL `paymentUrl` (default: on the wallet's origin) stands for. */
  addPayment(p: Partial<CashierPayment> & { paymentId: string }, paymentUrl?: string): string;
  /** Adds a contract behind `authUrl` (default: on the wallet's origin). */
  addContract(c: Partial<SigningContract> & { authId: string }, authUrl?: string): string;
  close(): Promise<void>;
}

const PAY_CODES: Record<string, CashierDecisionResponse['resultCode']> = { pay: '9000', cancel: '6001', fail: '4000', pending: '8000' };
const PAY_STATUS: Record<string, CashierPayment['status']> = { pay: 'SUCCESS', cancel: 'PROCESSING', fail: 'FAIL', pending: 'PROCESSING' };
const SIGN_CODES: Record<string, '6001' | '6002' | '6003'> = { cancel: '6001', 'network-error': '6002', fail: '6003' };

/** Starts the fake on `port` (default: any free port). */
export async function startFakeWallet(port = 0): Promise<FakeWallet> {
  const requests: FakeWallet['requests'] = [];
  const payments = new Map<string, CashierPayment>();
  const contracts = new Map<string, SigningContract>();
  let codes = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
  };
  const notFound = (res: ServerResponse, error: string) => send(res, 404, { error, message: `${error.toLowerCase().replace(/_/g, ' ')}` });

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' }).end();
      return;
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, ...(body ? { body } : {}) });
    const users = [CUSTOMER, BUSINESS];
    const knownUser = (id: unknown) => users.some((u) => u.userId === id);
    switch (url.pathname) {
      case WALLET_API.session:
        return send(res, 200, { user: CUSTOMER, users, merchants: [MERCHANT] } satisfies WalletSession);
      case WALLET_API.authCodes:
        if (!knownUser(body?.['userId'])) return notFound(res, 'USER_NOT_FOUND');
        return send(res, 200, { authCode: `WALLET${++codes}`, authSuccessScopes: body?.['grantedScopes'], expiresAt: new Date(Date.now() + 300e3).toISOString() });
      case WALLET_API.payments: {
        const p = payments.get(url.searchParams.get('paymentUrl') ?? '');
        return p ? send(res, 200, p) : notFound(res, 'PAYMENT_NOT_FOUND');
      }
      case WALLET_API.decidePayment: {
        const r = body as unknown as CashierDecisionRequest;
        const p = [...payments.values()].find((x) => x.paymentId === r.paymentId);
        if (!p) return notFound(res, 'PAYMENT_NOT_FOUND');
        p.status = PAY_STATUS[r.decision]!;
        return send(res, 200, { resultCode: PAY_CODES[r.decision]!, payment: p } satisfies CashierDecisionResponse);
      }
      case WALLET_API.contracts: {
        const c = contracts.get(url.searchParams.get('authUrl') ?? '');
        return c ? send(res, 200, c) : notFound(res, 'CONTRACT_NOT_FOUND');
      }
      case WALLET_API.decideContract: {
        const r = body as unknown as SigningDecisionRequest;
        const c = [...contracts.values()].find((x) => x.authId === r.authId);
        if (!c) return notFound(res, 'CONTRACT_NOT_FOUND');
        if (r.decision === 'sign') c.status = 'SIGNED';
        const answer: SigningDecisionResponse = r.decision === 'sign' ? { authCode: `SIGNED${++codes}` } : { errorCode: SIGN_CODES[r.decision]! };
        return send(res, 200, answer);
      }
      default:
        return notFound(res, 'NOT_FOUND');
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    addPayment(p, paymentUrl = `${base}/cashier?paymentId=${p.paymentId}`) {
      payments.set(paymentUrl, {
        paymentRequestId: `REQ-${p.paymentId}`,
        merchantName: MERCHANT.merchantName,
        paymentAmount: { currency: 'IQD', value: '100000' },
        status: 'PROCESSING',
        ...p,
      });
      return paymentUrl;
    },
    addContract(c, authUrl = `${base}/sign?authId=${c.authId}`) {
      contracts.set(authUrl, { merchantName: MERCHANT.merchantName, status: 'PENDING', ...c });
      return authUrl;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
