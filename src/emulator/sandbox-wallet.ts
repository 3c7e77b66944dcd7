/**
 * The emulator linked to a sandbox wallet (`install({ sandbox: url })`): the emulated user is a
 * sandbox user, getAuthCode's codes come from the wallet, the cashier and the signing page show the
 * wallet's payment and contract and tell it what the user chose. A link holds the wallet side of the
 * three Essential APIs; the handlers in handlers/essential.ts use it when the emulator is linked.
 * Part of the emulator's extras (extras.ts): sandbox.ts loads it at install when `sandbox` is given.
 */
import { own } from '../core/own.js';
import type { CashierDecision, SigningDecisionResponse, WalletUser } from '../sandbox/protocol.js';
import type { GetAuthCodeResult } from '../types/essential.js';
import { createSandboxClient, sandboxError, type SandboxClient, type SandboxError } from './sandbox-client.js';
import { failLoose } from './loose.js';
import type { HandlerContext, HostFailure } from './types.js';

/** The sandbox wallet an emulator is linked to. */
export interface SandboxLink {
  readonly client: SandboxClient;
  /** The emulated user (`sandboxUser`, else the session's default user). A failed lookup is retried on the next call. */
  user(): Promise<WalletUser>;
  /** An authCode from the wallet for the scopes the user granted (rejects with the wallet's failure). */
  authCode(grantedScopes: string[]): Promise<GetAuthCodeResult>;
  /** The cashier for a wallet payment: tradePay's resultCode. */
  cashier(ctx: HandlerContext<'tradePay'>, paymentUrl: string): Promise<string>;
  /** The signing page for a wallet contract: the wallet's authCode, or its errorCode. */
  signing(ctx: HandlerContext<'qicardSignContract'>, authUrl: string): Promise<{ authCode: string } | HostFailure>;
}

/** A link to the sandbox at `url`; `onUser` gets the emulated user once known. Starts the session lookup now. */
export function walletLink(url: string, userId: string | undefined, onUser: (user: WalletUser) => void): SandboxLink {
  const client = createSandboxClient(url);
  let pending: Promise<WalletUser> | undefined;
  const user = () =>
    (pending ??= client.session().then(
      (s) => {
        const u = userId === undefined ? s.user : s.users.find((x) => x.userId === userId);
        if (!u) throw sandboxError('USER_NOT_FOUND', `sandboxUser "${userId}" is not a user of the sandbox at ${client.url}`);
        onUser(u);
        return u;
      },
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  const link: SandboxLink = {
    client,
    user,
    authCode: (scopes) => sandboxAuthCode(link, scopes),
    cashier: (ctx, paymentUrl) => sandboxCashier(ctx, link, paymentUrl),
    signing: (ctx, authUrl) => sandboxSigning(ctx, link, authUrl),
  };
  user().catch(() => {}); // reported by the first call that needs the user
  return link;
}

const warn = (e: unknown) => console.warn(`[superqi-bridge emulator] ${(e as Error).message}`);
const unreachable = (e: unknown) => (e as SandboxError).code === 'UNREACHABLE';

async function sandboxAuthCode(link: SandboxLink, grantedScopes: string[]): Promise<GetAuthCodeResult> {
  const { userId } = await link.user();
  const { authCode, authSuccessScopes } = await link.client.authCode({ userId, grantedScopes });
  return { authCode, authSuccessScopes };
}

/** IQD for an amount in fils (`'1234500'` → `'1,234.5'`). */
export const filsToIqdText = (fils: string): string => (Number(fils) / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 });

/**
 * The cashier for a wallet payment: tradePay's resultCode as the wallet answers the user's choice.
 * The wallet unreachable: 6002; any other failure (a payment it does not know…): 4000, with a warning.
 */
async function sandboxCashier(ctx: HandlerContext<'tradePay'>, link: SandboxLink, paymentUrl: string): Promise<string> {
  let decision: CashierDecision;
  try {
    const [{ userId }, payment] = await Promise.all([link.user(), link.client.payment(paymentUrl)]);
    decision = await ctx.ui.cashier({
      paymentUrl,
      orderId: payment.paymentId,
      amount: filsToIqdText(payment.paymentAmount.value),
      merchantName: payment.merchantName,
      ...(payment.orderDescription ? { description: payment.orderDescription } : {}),
    });
    return (await link.client.decidePayment({ paymentId: payment.paymentId, userId, decision })).resultCode;
  } catch (e) {
    warn(e);
    return unreachable(e) ? '6002' : '4000';
  }
}

/**
 * The signing page for a wallet contract: the wallet's authCode, or its errorCode. The wallet
 * unreachable: '6002'; any other failure (a contract it does not know…): '6003', with a warning.
 */
async function sandboxSigning(ctx: HandlerContext<'qicardSignContract'>, link: SandboxLink, authUrl: string): Promise<{ authCode: string } | HostFailure> {
  let answer: SigningDecisionResponse;
  try {
    const [{ userId }, contract] = await Promise.all([link.user(), link.client.contract(authUrl)]);
    const decision = await ctx.ui.signing({
      authUrl,
      merchantName: contract.merchantName,
      ...(contract.contractDesc ? { contractDesc: contract.contractDesc } : {}),
    });
    answer = await link.client.decideContract({ authId: contract.authId, userId, decision });
  } catch (e) {
    warn(e);
    return ctx.fail(unreachable(e) ? '6002' : '6003', (e as Error).message);
  }
  return own(answer, 'authCode') ? { authCode: (answer as { authCode: string }).authCode } : failLoose(ctx, (answer as { errorCode: string }).errorCode);
}
