/**
 * Default answers of the "Essential APIs" pages: authorization, agreement signing, the cashier, device
 * info, miniapp navigation and sharing. Each asks the user through `ctx.ui` where the host would.
 */
import { BUSINESS_SCOPES, CUSTOMER_SCOPES, SILENT_SCOPES } from '../../table/scopes.js';
import type { DeviceInfo, GetAuthCodeResult, TradePayResultCode } from '../../types/essential.js';
import type { DefaultHandlers, Emulator, HostProfile } from '../types.js';
import { sandboxOf } from '../sandbox.js';
import type { SandboxLink } from '../sandbox-wallet.js';
import type { CashierChoice } from '../ui/contract.js';
import { newAuthCode, newSigningAuthCode } from './auth-codes.js';
import type { EssentialApis } from './group-apis.js';
import { isRecord, text } from './values.js';

/** The code each scope gets in `authErrorScopes`; the docs' only example value (`{ "auth_user": "10001" }`). */
export const AUTH_SCOPE_ERROR = '10001';

/** A host language tag for the profile's language: `en-US` or `ar-IQ`. */
export const hostLanguage = (profile: Pick<HostProfile, 'language'>): string => (profile.language === 'ar' ? 'ar-IQ' : 'en-US');

/** One `navigateToMiniProgram` / `navigateBackMiniProgram` the page made. */
export interface NavigationRecord {
  /** `'to'`: navigateToMiniProgram; `'back'`: navigateBackMiniProgram. */
  readonly kind: 'to' | 'back';
  /** The target Mini Program (`'to'` only). */
  readonly appId?: string;
  /** The target path (`'to'` only, when given). */
  readonly path?: string;
  /** The data passed along, when given. */
  readonly extraData?: Record<string, unknown>;
  /** `Date.now()` at the call. */
  readonly at: number;
}

/** How many navigations are kept per emulator (oldest dropped first). */
const NAVIGATION_LIMIT = 100;
const navigations = new WeakMap<Emulator, NavigationRecord[]>();

/** The navigations the page made on `emulator`, oldest first (the playground lists them). */
export function navigationsOf(emulator: Emulator): readonly NavigationRecord[] {
  return navigations.get(emulator) ?? [];
}

function recordNavigation(emulator: Emulator, record: NavigationRecord): void {
  let list = navigations.get(emulator);
  if (!list) navigations.set(emulator, (list = []));
  list.push(record);
  if (list.length > NAVIGATION_LIMIT) list.splice(0, list.length - NAVIGATION_LIMIT);
}

const filled = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** `tradePay` result codes for the cashier's choices. */
const CASHIER_CODES: Readonly<Record<CashierChoice, string>> = { pay: '9000', cancel: '6001', fail: '4000', pending: '8000' };

/** Query names that carry the order id / the amount in cashier URLs, most likely first. */
const ORDER_KEYS = ['orderId', 'order_id', 'orderNo', 'paymentId', 'tradeNo', 'outTradeNo'];
const AMOUNT_KEYS = ['amount', 'totalAmount', 'total_amount', 'paymentAmount', 'orderAmount'];

/** The order id and amount a cashier URL carries in its query, when it does. */
export function cashierDetails(paymentUrl: string): { orderId?: string; amount?: string } {
  let query: URLSearchParams;
  try {
    query = new URL(paymentUrl, 'https://cashier.invalid/').searchParams;
  } catch {
    return {};
  }
  const first = (keys: string[]) => keys.map((k) => query.get(k)?.trim()).find((v): v is string => !!v);
  const orderId = first(ORDER_KEYS);
  const amount = first(AMOUNT_KEYS);
  return { ...(orderId ? { orderId } : {}), ...(amount ? { amount } : {}) };
}

/** The success payload of `tradePay` as the host sends it: `status` is added by the library, not the host. */
// A host passes on whatever code its cashier (here: the sandbox wallet) gave.
const tradePayAnswer = (resultCode: string) => ({ resultCode: resultCode as TradePayResultCode });

/** `loginTime`: the user "logged in" to the host app before the miniapp page loaded. */
const loginTimes = new WeakMap<Emulator, string>();
function loginTime(emulator: Emulator): string {
  let t = loginTimes.get(emulator);
  if (!t) {
    const origin = typeof performance !== 'undefined' ? performance.timeOrigin : NaN;
    t = String(Math.floor(Number.isFinite(origin) && origin > 0 ? origin : Date.now()));
    loginTimes.set(emulator, t);
  }
  return t;
}

export const essentialHandlers: Pick<DefaultHandlers, EssentialApis> = {
  /**
   * Scopes must be a non-empty array of names (else 2). Scopes outside the current role's table are
   * reported in `authErrorScopes` ('10001'); when none is left the call fails with 1002. Silent scopes
   * are granted without UI; the others need consent — refused: 1001 with every refused scope in
   * `authErrorScopes`. Success: `{ authCode, authSuccessScopes }` (+ `authErrorScopes` for the rejected ones).
   * Linked to a sandbox: the role is the sandbox user's and the code is the wallet's (unreachable: 3).
   */
  getAuthCode: async (ctx) => {
    const scopes: unknown = ctx.params.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0) {
      return ctx.fail(2, 'invalid parameter `scopes`: must be a non-empty array of scope names');
    }
    if (!scopes.every(filled)) return ctx.fail(2, 'invalid parameter `scopes`: every scope must be a non-empty string');
    const linked = sandboxOf(ctx.emulator);
    let role = ctx.profile.role;
    let link: SandboxLink | undefined;
    if (linked) {
      try {
        link = await linked;
        role = (await link.user()).role;
      } catch (e) {
        return ctx.fail(3, (e as Error).message);
      }
    }
    const allowed: readonly string[] = role === 'business' ? BUSINESS_SCOPES : CUSTOMER_SCOPES;
    const requested = [...new Set(scopes)];
    const valid = requested.filter((s) => allowed.includes(s));
    const authErrorScopes: Record<string, string> = {};
    for (const s of requested) if (!allowed.includes(s)) authErrorScopes[s] = AUTH_SCOPE_ERROR;

    if (!valid.length) {
      const names = Object.keys(authErrorScopes).join(', ');
      return { ...ctx.fail(1002, `${names} ${requested.length > 1 ? 'are not scopes' : 'is not a scope'} of a ${role} user`), authErrorScopes };
    }
    const needConsent = valid.filter((s) => !(SILENT_SCOPES as readonly string[]).includes(s));
    if (needConsent.length) {
      const granted = await ctx.ui.consent({ scopes: needConsent, appName: ctx.profile.appName, role });
      if (!granted) {
        for (const s of needConsent) authErrorScopes[s] = AUTH_SCOPE_ERROR;
        return { ...ctx.fail(1001), authErrorScopes };
      }
    }
    let answer: GetAuthCodeResult;
    try {
      answer = link ? await link.authCode(valid) : { authCode: newAuthCode(), authSuccessScopes: valid };
    } catch (e) {
      return ctx.fail(3, (e as Error).message);
    }
    if (Object.keys(authErrorScopes).length) answer.authErrorScopes = authErrorScopes;
    return answer;
  },

  /**
   * authUrl required (else '6003'); the signing page: sign → authCode (32 hex), cancel '6001', network '6002', fail '6003'.
   * Linked to a sandbox: the page shows the wallet's contract and the wallet answers (unreachable: '6002').
   */
  qicardSignContract: async (ctx) => {
    const authUrl: unknown = ctx.params.authUrl;
    if (!filled(authUrl)) return ctx.fail('6003', 'invalid parameter `authUrl`: must be the non-empty URL returned by prepare');
    const linked = sandboxOf(ctx.emulator);
    if (linked) return linked.then((link) => link.signing(ctx, authUrl), (e: unknown) => ctx.fail('6002', (e as Error).message));
    const choice = await ctx.ui.signing({ authUrl });
    switch (choice) {
      case 'sign':
        return { authCode: newSigningAuthCode() };
      case 'cancel':
        return ctx.fail('6001');
      case 'network-error':
        return ctx.fail('6002');
      default:
        return ctx.fail('6003');
    }
  },

  /**
   * The cashier for `paymentUrl` (order id and amount read from its query when present):
   * pay 9000, cancel 6001, fail 4000, pending 8000. Without a URL there is nothing to pay: 4000.
   * Linked to a sandbox: the cashier shows the wallet's payment and the wallet answers the resultCode
   * (unreachable: 6002).
   */
  tradePay: async (ctx) => {
    const paymentUrl: unknown = ctx.params.paymentUrl;
    if (!filled(paymentUrl)) {
      console.warn('[superqi-bridge emulator] tradePay without a paymentUrl: the cashier has nothing to pay (resultCode 4000). Pass redirectActionForm.redirectionUrl from the pay API.');
      return tradePayAnswer('4000');
    }
    const linked = sandboxOf(ctx.emulator);
    if (linked) {
      return tradePayAnswer(
        await linked.then(
          (link) => link.cashier(ctx, paymentUrl),
          (e: unknown) => (console.warn(`[superqi-bridge emulator] ${(e as Error).message}`), '6002'),
        ),
      );
    }
    const choice = await ctx.ui.cashier({ paymentUrl, ...cashierDetails(paymentUrl) });
    return tradePayAnswer(CASHIER_CODES[choice] ?? '6004');
  },

  /** From the profile (role: the sandbox user's when linked): language, isProdEnv ("true"/"false"), currentRole, systemInfo, hardwareInfo, loginTime. */
  getDeviceInfo: async (ctx) => {
    // Linked to a sandbox, the role is its user's: wait for the session (a failure keeps the profile's).
    await sandboxOf(ctx.emulator)?.then((link) => link.user()).catch(() => {});
    const profile = ctx.emulator.profile;
    const info: DeviceInfo = {
      language: hostLanguage(profile),
      isProdEnv: profile.production ? 'true' : 'false',
      currentRole: profile.role,
      systemInfo: profile.device.system,
      hardwareInfo: profile.device.model,
      loginTime: loginTime(ctx.emulator),
    };
    return info;
  },

  /** appId required (else 2); recorded for `navigationsOf`; answers `{}`. */
  navigateToMiniProgram: (ctx) => {
    const appId: unknown = ctx.params.appId;
    if (!filled(appId)) return ctx.fail(2, 'invalid parameter `appId`: must be the non-empty appId of the target Mini Program');
    const path = text(ctx.params.path);
    const extraData = ctx.params.extraData;
    recordNavigation(ctx.emulator, {
      kind: 'to',
      appId,
      ...(path ? { path } : {}),
      ...(isRecord(extraData) ? { extraData } : {}),
      at: Date.now(),
    });
    return {};
  },

  /** Recorded for `navigationsOf`; answers `{}`. */
  navigateBackMiniProgram: (ctx) => {
    const extraData = ctx.params.extraData;
    recordNavigation(ctx.emulator, { kind: 'back', ...(isRecord(extraData) ? { extraData } : {}), at: Date.now() });
    return {};
  },

  /** title required (else 2); the share sheet → `{ shareResult }`. */
  qicardShareAppMessage: async (ctx) => {
    const title: unknown = ctx.params.title;
    if (!filled(title)) return ctx.fail(2, 'invalid parameter `title`: must be a non-empty string');
    const desc = text(ctx.params.desc);
    const path = text(ctx.params.path);
    const imageUrl = text(ctx.params.imageUrl);
    const shared = await ctx.ui.share({
      title,
      ...(desc !== undefined ? { desc } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(imageUrl !== undefined ? { imageUrl } : {}),
    });
    return { shareResult: shared === true };
  },
};
