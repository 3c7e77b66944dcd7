/**
 * The server client's tests: a real in-process sandbox in a temp dir, a client made from its `.env`
 * only, the user's side through the sandbox's wallet actions, and loopback proxies that break or alter
 * the exchange between the two.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { clientFromEnv, iqd, type Client, type ClientOptions } from '../../src/server/index.js';

export const CASHIER = '51051000101000000011';
export const AGREEMENT = '51051000101000100031';
export const ESCROW = '51051000101000100008';
export const ALI = '2160000000000001';
export const NOOR_BUSINESS = '2160000000000003';

let seq = 0;
/** A unique request id. */
export const rid = (prefix = 'REQ'): string => `${prefix}-${process.pid}-${Date.now()}-${++seq}`;

export interface World {
  sandbox: Sandbox;
  qi: Client;
  dir: string;
  /** A client of the same sandbox with other options (through a proxy, other keys…). */
  client(overrides?: Partial<ClientOptions>): Client;
  /** Moves the sandbox clock (with `clocked`). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startWorld(options: Partial<SandboxOptions> & { clocked?: boolean } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'superqi-server-'));
  let offset = 0;
  const { clocked, ...rest } = options;
  const sandbox = await startSandbox({ port: 0, dir, onWarning: () => {}, ...(clocked ? { clock: () => Date.now() + offset } : {}), ...rest });
  const client = (overrides: Partial<ClientOptions> = {}) => clientFromEnv(sandbox.envPath, { retryDelay: 5, ...overrides });
  return {
    sandbox,
    dir,
    qi: client(),
    client,
    advance: (ms) => void (offset += ms),
    close: async () => {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** getAuthCode (the user consents) → applyToken: the access token and customerId. */
export async function login(w: World, scopes: string[] = ['USER_ID'], user = ALI): Promise<{ accessToken: string; customerId: string; refreshToken: string }> {
  const authCode = await w.sandbox.authCode({ user, scopes });
  const r = await w.qi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode });
  if (r.status !== 'S') throw new Error(JSON.stringify(r.response));
  return { accessToken: r.accessToken!, customerId: r.customerId!, refreshToken: r.refreshToken! };
}

/** A cashier (or escrow) payment of `amount` IQD by ALI, paid through the cashier unless `pay: false`. */
export async function cashierPayment(w: World, amount = 10, o: { productCode?: string; pay?: boolean; notify?: string; voidNotify?: string } = {}): Promise<{ paymentId: string; paymentRequestId: string }> {
  const paymentRequestId = rid('PAY');
  const r = await w.qi.pay({
    productCode: (o.productCode ?? CASHIER) as typeof CASHIER,
    paymentRequestId,
    paymentAmount: iqd(amount),
    order: { orderDescription: 'Test order', buyer: { referenceBuyerId: ALI } },
    ...(o.notify ? { paymentNotifyUrl: o.notify } : {}),
    ...(o.voidNotify ? { voidNotifyUrl: o.voidNotify } : {}),
  });
  if (r.status !== 'A') throw new Error(JSON.stringify(r.response));
  if (o.pay !== false) await w.sandbox.pay(r.paymentId!);
  return { paymentId: r.paymentId!, paymentRequestId };
}

/** prepare → the user signs → applyToken: the agreement access token. */
export async function agreementToken(w: World): Promise<string> {
  const prepared = await w.qi.prepare({ scopes: 'AGREEMENT_PAY', extendInfo: JSON.stringify({ language: 'en-US', contractDesc: 'Monthly plan' }) });
  const authCode = await w.sandbox.sign(prepared.authUrl!);
  const token = await w.qi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode });
  return token.accessToken!;
}

/** The merchant's balance in the sandbox, in fils. */
export const merchantBalance = (w: World): number => Number(w.sandbox.state().merchants.find((m) => m.clientId === w.sandbox.clientId)!.balance);

/** A TCP proxy on 127.0.0.1 in front of `target`; `onConnection` decides what each connection does. */
export async function tcpProxy(onConnection: (client: Socket, index: number) => void): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let n = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    onConnection(client, n++);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => n,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
