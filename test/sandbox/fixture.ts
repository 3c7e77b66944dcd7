/** One sandbox per test file: a temp dir, port 0 on 127.0.0.1, a merchant client from its .env, the app side. */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { ALI, App, CASHIER, Merchant, readEnv, tempDir } from './merchant.js';

export interface Fixture {
  sandbox: Sandbox;
  merchant: Merchant;
  app: App;
  dir: string;
  warnings: string[];
  /** Moves the sandbox clock (when started with `clocked: true`). */
  advance(ms: number): void;
  close(): Promise<void>;
}

let seq = 0;
/** A unique request id. */
export const rid = (prefix = 'REQ'): string => `${prefix}-${process.pid}-${Date.now()}-${++seq}`;

export async function startFixture(options: Partial<SandboxOptions> & { clocked?: boolean; dir?: string } = {}): Promise<Fixture> {
  const tmp = options.dir ? null : tempDir();
  const dir = options.dir ?? tmp!.dir;
  let offset = 0;
  const warnings: string[] = [];
  const { clocked, ...rest } = options;
  const sandbox = await startSandbox({
    ...rest,
    dir,
    ...(clocked ? { clock: () => Date.now() + offset } : {}),
    onWarning: (m) => warnings.push(m),
  });
  return {
    sandbox,
    merchant: new Merchant(readEnv(sandbox.envPath)),
    app: new App(sandbox.url),
    dir,
    warnings,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await sandbox.close();
      tmp?.remove();
    },
  };
}

/** getAuthCode (app) → applyToken (merchant): the access token and customerId. */
export async function login(f: Fixture, userId = ALI, scopes = ['USER_ID']): Promise<{ accessToken: string; customerId: string; refreshToken: string }> {
  const authCode = await f.app.authCode(userId, scopes);
  const r = await f.merchant.call('/v1/authorizations/applyToken', { grantType: 'AUTHORIZATION_CODE', authCode });
  if (r.json.result.resultStatus !== 'S') throw new Error(JSON.stringify(r.json));
  return r.json as never;
}

/** A cashier pay (A), optionally paid through the app. */
export async function cashierPay(f: Fixture, fils: number, o: { userId?: string; pay?: boolean; productCode?: string; notify?: string; extra?: Record<string, unknown> } = {}): Promise<{ paymentId: string; paymentRequestId: string; decision?: any }> {
  const paymentRequestId = rid('PAY');
  const r = await f.merchant.call('/v1/payments/pay', {
    productCode: o.productCode ?? CASHIER,
    paymentRequestId,
    paymentAmount: { currency: 'IQD', value: String(fils) },
    order: { orderDescription: 'Sandbox order', buyer: { referenceBuyerId: o.userId ?? ALI } },
    ...(o.notify ? { paymentNotifyUrl: o.notify } : {}),
    ...o.extra,
  });
  if (r.json.result.resultStatus !== 'A') throw new Error(JSON.stringify(r.json));
  const paymentId = r.json.paymentId as string;
  if (o.pay === false) return { paymentId, paymentRequestId };
  const d = await f.app.post('/wallet-api/payments/decide', { paymentId, userId: o.userId ?? ALI, decision: 'pay' });
  return { paymentId, paymentRequestId, decision: d.json };
}

export const code = (r: { json: Record<string, any> }): string => r.json.result.resultCode;
