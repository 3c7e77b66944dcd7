/**
 * `superqi-bridge/sandbox` (Node only): a local Super Qi gateway. Every Open API of `03-open-apis`,
 * signed both ways, over a wallet with state saved in a directory; the wallet API the emulator talks
 * to; a page at the root to see and steer it.
 *
 * ```ts
 * import { startSandbox } from 'superqi-bridge/sandbox';
 * const sandbox = await startSandbox({ port: 0, dir: '.superqi-sandbox' });
 * // point a backend at it: sandbox.envPath holds ALIPAY_GATEWAY_URL, ALIPAY_CLIENT_ID, key paths
 * await sandbox.close();
 * ```
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { checkAllowedHosts, listenedHosts } from '../node/hosts.js';
import { checkAllowOrigins } from '../node/origins.js';
import { listPage, stateView } from './admin-api.js';
import { ensureCredentials, removeLeftoverTemps, writeEnv, writeMerchantKeyPkcs1 } from './credentials.js';
import { lockDir } from './lock.js';
import { DEFAULT_LIMITS, type Limits } from './handlers/context.js';
import { DEFAULT_RETRY_SCHEDULE_MS, Notifier } from './notify.js';
import type { CashierDecisionResponse, ForcedOutcome, SandboxListName, SandboxListQuery, SandboxListResponse, SandboxStateView } from './protocol.js';
import { run, setFailNext, type Runtime } from './runtime.js';
import { createGatewayServer } from './server.js';
import { SIGNATURE_ENCODINGS, type SignatureEncoding } from './signing.js';
import { Store } from './store.js';
import type { OpenApiName } from './table/index.js';
import { grantAuthCode, localWallet, payAsUser, signContract, type AuthCodeOptions, type PayOptions, type SignOptions } from './wallet-actions.js';

export type { Limits } from './handlers/context.js';
export { DEFAULT_LIMITS } from './handlers/context.js';
export { DEFAULT_RETRY_SCHEDULE_MS } from './notify.js';
export { OPEN_APIS, type OpenApiName, type OpenApiRow } from './table/index.js';
export { formatTime, parseSignatureHeader, parseTime, sign, signatureHeader, signContent, signedHeaders, verify, SIGNATURE_ENCODINGS, type SignatureEncoding, type SignatureHeader } from './signing.js';
export { SandboxWalletError, type AuthCodeOptions, type PayOptions, type SignOptions } from './wallet-actions.js';
export * from './protocol.js';

/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** Directory for credentials (client id, PEM key pairs), `.env` and the saved state; created if missing. */
  dir: string;
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /**
   * Host names every surface answers besides `localhost`, `*.localhost` and IP literals (and `host`
   * when it is a name): what a phone or a container reaches the sandbox by, e.g. `['laptop.lan']`; a
   * leading dot allows a domain and its subdomains (`.example.test`). Any other `Host` gets 403
   * (DNS rebinding). `true` answers any name: a page of any site can then read and drive the wallet.
   * @default []
   */
  allowedHosts?: true | readonly string[];
  /**
   * Page origins the wallet API answers through CORS besides pages on this machine (`localhost`,
   * `*.localhost`, 127.0.0.0/8, `[::1]`, any port), e.g. `['http://192.168.1.20:5173']` for the app
   * on a phone of your network; `'*'` answers any page. Others get 403 saying how to add them.
   * @default []
   */
  allowOrigins?: readonly string[];
  /** The merchant's display name (cashier, contract) on first start. @default 'Sandbox Merchant' */
  merchantName?: string;
  /** Token, code and payment lifetimes, limits (see `DEFAULT_LIMITS`). */
  limits?: Partial<Limits>;
  /** Waits before each notification attempt, ms; entry i precedes attempt i + 1. @default DEFAULT_RETRY_SCHEDULE_MS */
  retryScheduleMs?: readonly number[];
  /** Time allowed per notification attempt, ms. @default 5000 */
  notifyTimeoutMs?: number;
  /**
   * How notifications write their `signature=` value: `plain` base64 as the docs show it, or
   * `url-encoded` (`%2B %2F %3D`) as Ant's gateway SDKs decode it. (Open API answers follow each
   * request's own encoding.) @default 'plain'
   */
  notifySignatureEncoding?: SignatureEncoding;
  /** How long a forced `slow` holds the answer, ms. @default 3000 */
  slowMs?: number;
  /** Largest request body, bytes. @default 1048576 */
  maxBodyBytes?: number;
  /** The clock (ms since epoch), for tests that move time. @default Date.now */
  clock?: () => number;
  /** Where warnings go (a corrupt state file moved aside, an internal error). @default console.warn */
  onWarning?: (message: string) => void;
  /** Write `<dir>/.env` (with the gateway URL once listening). @default true */
  writeEnv?: boolean;
}

/** A running sandbox. */
export interface Sandbox {
  /** The gateway URL: `ALIPAY_GATEWAY_URL`, the page, the wallet API (`http://127.0.0.1:<port>`). */
  url: string;
  port: number;
  /** The merchant's client id (`ALIPAY_CLIENT_ID`). */
  clientId: string;
  /** The sandbox directory (absolute). */
  dir: string;
  /** `<dir>/.env`. */
  envPath: string;
  /** PEM the merchant signs with (`ALIPAY_MERCHANT_PRIVATE_KEY_PATH`), PKCS#8 (`BEGIN PRIVATE KEY`). */
  merchantPrivateKeyPath: string;
  /** The same key as PKCS#1 (`BEGIN RSA PRIVATE KEY`), for clients that load no PKCS#8 (Ant's Python SDK). */
  merchantPrivateKeyPkcs1Path: string;
  /** PEM the merchant verifies responses and notifications with (`ALIPAY_PUBLIC_KEY_PATH`). */
  walletPublicKeyPath: string;
  /** Where a corrupt state file was moved on start, if one was. */
  corruptStateFile?: string;
  /**
   * What the page shows (the admin API's `GET /sandbox-api/state`): users, merchants, and each list's
   * newest `limit` records (default 50) that match `q` and `status`. More of a list: `list()`.
   */
  state(query?: Omit<SandboxListQuery, 'before'>): SandboxStateView;
  /** One page of a list, newest first (the admin API's `GET /sandbox-api/list`); `before` is the last page's `next`. */
  list<N extends SandboxListName>(name: N, query?: SandboxListQuery): SandboxListResponse<N>;
  /** Forces the next payment outcome (`null` clears it), like the page's buttons. */
  force(outcome: ForcedOutcome | null): Promise<void>;
  /**
   * The next signed call of Open API `api` answers `resultCode` (one of its page's documented codes or
   * a common one, with the docs' status and message) and changes nothing; `null` clears it. For the codes whose cause the
   * sandbox does not model. Throws `RangeError` for an unknown API or an undocumented code.
   */
  failNext(api: OpenApiName, resultCode: string | null): void;
  /**
   * The user consents to `scopes` (as if they tapped Allow on getAuthCode's sheet): resolves the
   * authCode the backend's applyToken redeems once. Throws `TypeError` for bad options and
   * `SandboxWalletError` when the wallet refuses (an unknown user, a scope the user's role lacks).
   */
  authCode(options: AuthCodeOptions): Promise<string>;
  /**
   * The user settles the cashier payment `paymentIdOrUrl` (pay's `paymentId`, or the cashier URL it
   * answered) as in the emulator's cashier: `outcome` pay (default), cancel, fail or pending. Resolves
   * tradePay's resultCode and the payment after it; the notification goes out as for a tap.
   */
  pay(paymentIdOrUrl: string, options?: PayOptions): Promise<CashierDecisionResponse>;
  /** The user signs the contract behind prepare's `authUrl`: resolves the authCode applyToken redeems for the agreement. */
  sign(authUrl: string, options?: SignOptions): Promise<string>;
  /** Runs due work now (expiry, settling, notifications due) — for tests with their own clock. */
  tick(): Promise<void>;
  /** Resolves when every change is saved and no notification attempt is under way. */
  settled(): Promise<void>;
  /** Stops listening, lets attempts under way finish, saves the state. */
  close(): Promise<void>;
}

/** Starts a sandbox gateway; resolves once it listens. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (!options || typeof options.dir !== 'string' || !options.dir) throw new TypeError('startSandbox: options.dir (a directory for keys and state) is required');
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`startSandbox: port must be an integer 0–65535, got ${String(port)}`);
  const host = options.host ?? '127.0.0.1';
  // checked before anything is made on disk (start() reads them again)
  checkAllowedHosts('startSandbox: `allowedHosts`', options.allowedHosts);
  checkAllowOrigins('startSandbox: `allowOrigins`', options.allowOrigins);
  const dir = resolve(options.dir);
  const warn = options.onWarning ?? ((m: string) => console.warn(m));
  const clock = options.clock ?? Date.now;
  if (options.notifySignatureEncoding !== undefined && !SIGNATURE_ENCODINGS.includes(options.notifySignatureEncoding)) {
    throw new TypeError(`startSandbox: options.notifySignatureEncoding must be ${SIGNATURE_ENCODINGS.map((e) => `'${e}'`).join(' or ')}, got ${JSON.stringify(options.notifySignatureEncoding)}`);
  }
  // the lock first: keys, client id and state are made and read by the one start that holds it
  mkdirSync(dir, { recursive: true });
  const unlock = lockDir(dir);
  try {
    removeLeftoverTemps(dir);
    const credentials = ensureCredentials(dir);
    return await start(options, { dir, warn, clock, credentials, port, host, unlock });
  } catch (e) {
    unlock();
    throw e;
  }
}

interface Started {
  dir: string;
  warn: (m: string) => void;
  clock: () => number;
  credentials: ReturnType<typeof ensureCredentials>;
  port: number;
  host: string;
  unlock: () => void;
}

async function start(options: SandboxOptions, { dir, warn, clock, credentials, port, host, unlock }: Started): Promise<Sandbox> {
  const merchantPrivateKeyPkcs1Path = writeMerchantKeyPkcs1(dir);
  const store = new Store({ dir, clientId: credentials.clientId, ...(options.merchantName ? { merchantName: options.merchantName } : {}), onWarning: warn });
  const notifier = new Notifier({
    store,
    walletPrivateKey: credentials.walletPrivateKey,
    clock,
    schedule: options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
    timeoutMs: options.notifyTimeoutMs ?? 5000,
    signatureEncoding: options.notifySignatureEncoding ?? 'plain',
  });
  const rt: Runtime = {
    store,
    credentials,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    clock,
    notifier,
    url: '',
    slowMs: options.slowMs ?? 3000,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    failNext: new Map(),
    warn,
    allowedHosts: listenedHosts(checkAllowedHosts('startSandbox: `allowedHosts`', options.allowedHosts), host),
    allowOrigins: checkAllowOrigins('startSandbox: `allowOrigins`', options.allowOrigins),
  };
  const server = createGatewayServer(rt);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    // a deep accept queue: a burst of merchant calls (a load test, 1,000 at once) must not be reset
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', fail);
      ok();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  rt.url = `http://${urlHost}:${actualPort}`;
  try {
    if (options.writeEnv !== false) writeEnv(credentials, rt.url);
  } catch (e) {
    server.close();
    throw e;
  }
  const wallet = localWallet(rt);

  // due work (expiry, settling) without a request to trigger it
  const tick = () => run(rt, credentials.clientId, () => undefined);
  const sweeper = setInterval(() => {
    if (store.nextDue() <= clock()) void tick().catch((e: Error) => warn(`superqi-sandbox: sweep: ${e.message}`));
  }, 250);
  sweeper.unref();
  notifier.kick();

  let closing: Promise<void> | undefined;
  return {
    url: rt.url,
    port: actualPort,
    clientId: credentials.clientId,
    dir,
    envPath: credentials.envPath,
    merchantPrivateKeyPath: credentials.merchantPrivateKeyPath,
    merchantPrivateKeyPkcs1Path,
    walletPublicKeyPath: credentials.walletPublicKeyPath,
    ...(store.corruptFile ? { corruptStateFile: store.corruptFile } : {}),
    state: (query) => stateView(rt, query),
    list: (name, query) => listPage(rt, name, query),
    force: async (outcome) => {
      store.transact((tx) => tx.put('forced', 'next', outcome ?? undefined));
      await store.flush();
    },
    failNext: (api, resultCode) => {
      const wrong = setFailNext(rt, api, resultCode);
      if (wrong) throw new RangeError(`sandbox.failNext: ${wrong}`);
    },
    authCode: async (o) => (await grantAuthCode(wallet, o)).authCode,
    pay: (paymentIdOrUrl, o) => payAsUser(wallet, paymentIdOrUrl, o),
    sign: (authUrl, o) => signContract(wallet, authUrl, o),
    tick,
    settled: async () => {
      await notifier.idle();
      await store.flush();
    },
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweeper);
        await new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        });
        try {
          await notifier.close();
        } finally {
          store.close();
          // a save that fails here (a full disk) still lets the directory go
          unlock();
        }
      })()),
  };
}
