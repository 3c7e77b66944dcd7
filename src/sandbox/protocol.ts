/**
 * The wallet API: the small HTTP surface the sandbox wallet offers the emulated Super Qi app (the
 * emulator), beside the signed Open APIs it offers merchant backends. The emulator plays the phone:
 * it asks the wallet for authCodes after consent, reads a payment behind a cashier URL and tells the
 * wallet what the user chose, reads a contract behind an authUrl and signs it.
 *
 * Both sides import these types (the emulator type-only, so nothing of the Node sandbox reaches a
 * browser bundle). Every path is under `WALLET_API_PREFIX`, answers JSON, and allows CORS from pages on
 * this machine (loopback origins, any port) and the origins the sandbox lists (`allowOrigins`,
 * `--allow-origin`); these endpoints only: the Open APIs and the sandbox page do not. Requests are JSON
 * bodies (`POST`) or query strings (`GET`); failures are HTTP 4xx/5xx with a `WalletApiError` body
 * (403 `ORIGIN_NOT_ALLOWED` for a page of another origin, saying how to allow it).
 *
 * Unlike the Open APIs, nothing here is signed: on a real phone this traffic is the app talking to its
 * own backend over its own session, which no merchant code ever sees.
 */

/** Every wallet API path starts with this. */
export const WALLET_API_PREFIX = '/wallet-api';

/** A failure of the wallet API (HTTP status ≥ 400). */
export interface WalletApiError {
  /** e.g. `USER_NOT_FOUND`, `PAYMENT_NOT_FOUND`, `CONTRACT_NOT_FOUND`, `INVALID_REQUEST`, `AUTH_CODE_FAILED`. */
  error: string;
  /** Human-readable, English. */
  message: string;
}

/** A sandbox user as the app sees its own account. */
export interface WalletUser {
  /** The wallet's user id; the Open APIs' `customerId` and `userInfo.userId` have the same value. */
  userId: string;
  /** `getDeviceInfo().currentRole` when the emulator plays this user. */
  role: 'customer' | 'business';
  /** Display name (English). */
  fullName: string;
  /** Masked mobile, as the app shows it: `964*******01`. */
  maskedMobile: string;
  /** Available balance in fils (1 IQD = 1000 fils), as an integer string. */
  balance: string;
  /** Always `IQD`. */
  currency: 'IQD';
}

/** `GET {prefix}/session` → who the app is signed in as, and the other sandbox users. */
export interface WalletSession {
  /** The default user the emulator plays (the first customer) unless told otherwise. */
  user: WalletUser;
  /** Every sandbox user, customers first. */
  users: WalletUser[];
  /** The sandbox's merchant(s): what a miniapp's `clientId` maps to. */
  merchants: Array<{ clientId: string; merchantName: string }>;
}

/**
 * `POST {prefix}/auth-codes`: the user granted `grantedScopes` to the miniapp of `clientId` (consent
 * was shown by the app, or the scopes are silent). The wallet records the grant per scope and answers
 * a single-use, short-lived authCode that `applyToken` redeems; `inquiryUserInfo` with the resulting
 * token returns only what was granted.
 */
export interface AuthCodeRequest {
  userId: string;
  /** Omitted: the sandbox's first merchant. */
  clientId?: string;
  /** The scopes the user granted (already checked against the user's role by the app). */
  grantedScopes: string[];
}

/** Answer of `POST {prefix}/auth-codes`. */
export interface AuthCodeResponse {
  authCode: string;
  /** The scopes the code carries. */
  authSuccessScopes: string[];
  /** ISO 8601 expiry of the code. */
  expiresAt: string;
}

/** A payment as the cashier shows it: `GET {prefix}/payments?paymentUrl=<url>` (or `?paymentId=`). */
export interface CashierPayment {
  paymentId: string;
  paymentRequestId: string;
  /** The merchant's name as registered in the sandbox. */
  merchantName: string;
  /** `order.orderDescription` of the pay request, when given. */
  orderDescription?: string;
  /** Amount in fils as the pay request gave it (`{ currency: 'IQD', value: '100000' }`). */
  paymentAmount: { currency: string; value: string };
  /** The buyer the merchant named (`order.buyer.referenceBuyerId`), when given. */
  referenceBuyerId?: string;
  /** Where the payment stands now. */
  status: 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CANCELLED';
  /** ISO 8601; unpaid payments close then. */
  paymentExpiryTime?: string;
}

/** What the user did in the cashier: the emulator's `CashierChoice`. */
export type CashierDecision = 'pay' | 'cancel' | 'fail' | 'pending';

/** `POST {prefix}/payments/decide`: the user's choice moves the payment in the sandbox. */
export interface CashierDecisionRequest {
  paymentId: string;
  /** The user paying (their balance is debited on `pay`). */
  userId: string;
  decision: CashierDecision;
}

/**
 * Answer of `POST {prefix}/payments/decide`: the `tradePay` resultCode the app gives the page, which
 * agrees with what `inquiryPayment` and the notification say: 9000 paid, 8000 still processing, 4000
 * failed (declined, insufficient balance, expired, forced decline), 6001 cancelled, 6002 network.
 */
export interface CashierDecisionResponse {
  resultCode: '9000' | '8000' | '4000' | '6001' | '6002' | '6004';
  /** The payment after the decision. */
  payment: CashierPayment;
}

/** An agreement contract as the signing page shows it: `GET {prefix}/contracts?authUrl=<url>`. */
export interface SigningContract {
  /** The id inside the authUrl. */
  authId: string;
  merchantName: string;
  /** `contractDesc` of prepare's `extendInfo`. */
  contractDesc?: string;
  /** `language` of prepare's `extendInfo` (`en-US` / `ar-IQ`). */
  language?: string;
  status: 'PENDING' | 'SIGNED' | 'CANCELLED';
}

/** What the user did on the signing page: the emulator's `SigningChoice`. */
export type SigningDecision = 'sign' | 'cancel' | 'network-error' | 'fail';

/** `POST {prefix}/contracts/decide`. */
export interface SigningDecisionRequest {
  authId: string;
  userId: string;
  decision: SigningDecision;
}

/**
 * Answer of `POST {prefix}/contracts/decide`: on `sign`, an authCode that the agreement `applyToken`
 * (`grantType: AUTHORIZATION_CODE`) accepts; otherwise the qicardSignContract errorCode
 * ('6001' cancel, '6002' network, '6003' fail).
 */
export type SigningDecisionResponse = { authCode: string } | { errorCode: '6001' | '6002' | '6003' };

/** Paths of the wallet API, relative to the gateway URL. */
export const WALLET_API = {
  session: `${WALLET_API_PREFIX}/session`,
  authCodes: `${WALLET_API_PREFIX}/auth-codes`,
  payments: `${WALLET_API_PREFIX}/payments`,
  decidePayment: `${WALLET_API_PREFIX}/payments/decide`,
  contracts: `${WALLET_API_PREFIX}/contracts`,
  decideContract: `${WALLET_API_PREFIX}/contracts/decide`,
} as const;

// ── The sandbox's admin API: what the sandbox page (and devtools) read and steer ────────────────────
//
// Same-origin only (no CORS; a request whose Origin or Sec-Fetch-Site says another site is refused
// with 403), JSON in and out; failures are HTTP 4xx with a `WalletApiError` body.

/** Every admin API path starts with this. */
export const SANDBOX_API_PREFIX = '/sandbox-api';

/** Paths of the admin API, relative to the gateway URL. */
export const SANDBOX_API = {
  /** `GET` (query: `SandboxListQuery` without `before`) → `SandboxStateView`: each list's first page. */
  state: `${SANDBOX_API_PREFIX}/state`,
  /** `GET ?name=<SandboxListName>` (and `SandboxListQuery`) → `SandboxListResponse`: one list, one page. */
  list: `${SANDBOX_API_PREFIX}/list`,
  /** `POST` `ForceRequest` → `ForceResponse`. */
  force: `${SANDBOX_API_PREFIX}/force`,
  /** `POST` `ResendRequest` → `ResendResponse`. */
  resend: `${SANDBOX_API_PREFIX}/deliveries/resend`,
  /** `POST` `FailNextRequest` → `FailNextResponse`. */
  failNext: `${SANDBOX_API_PREFIX}/fail-next`,
} as const;

/** The largest body the admin API (and the devtools' pass-through to it) reads; a larger one gets HTTP 413. */
export const SANDBOX_API_MAX_BODY_BYTES = 64 * 1024;

/**
 * `POST {SANDBOX_API.failNext}`: the next signed call of Open API `api` (once its signature checks
 * out) answers `resultCode` — one of the codes its page documents or a common one, with the docs'
 * status and message — and changes nothing. For the codes whose cause the sandbox does not model (a frozen
 * merchant, a mutex held elsewhere, agreement rules…), so a backend's handling of each can be tried.
 * `resultCode: null` clears what was set for `api`.
 */
export interface FailNextRequest {
  /** The Open API's name as the docs name it: `pay`, `refund`, `applyToken`… */
  api: string;
  resultCode: string | null;
}

/** Answer of `POST {SANDBOX_API.failNext}`: every scripted answer waiting, by API. */
export interface FailNextResponse {
  failNext: Record<string, string>;
}

/**
 * An outcome forced on the next payment step: the next cashier `pay` decision, agreement `pay` or
 * `refund` (whichever comes first). `decline` fails it (4000 / RISK_REJECT), `pending` leaves it
 * processing (8000 / PAYMENT_IN_PROCESS / REFUND_IN_PROCESS; agreement payments and refunds then settle
 * by themselves), `expire` closes the order, `network-error` changes nothing and answers 6002 /
 * UNKNOWN_EXCEPTION, `slow` answers normally after a delay.
 */
export type ForcedOutcome = 'decline' | 'pending' | 'expire' | 'network-error' | 'slow';

/** `POST {SANDBOX_API.force}`: `null` clears it. */
export interface ForceRequest {
  outcome: ForcedOutcome | null;
}

/** Answer of `POST {SANDBOX_API.force}`: what is forced now. */
export interface ForceResponse {
  forced: ForcedOutcome | null;
}

/** `POST {SANDBOX_API.resend}`: queue a notification delivery again (its retry schedule restarts). */
export interface ResendRequest {
  deliveryId: string;
}

/** Answer of `POST {SANDBOX_API.resend}`: the delivery, queued again. */
export interface ResendResponse {
  delivery: SandboxDelivery;
}

/** A payment as the sandbox page lists it. Amounts in fils (integer strings), times ISO 8601. */
export interface SandboxPayment {
  paymentId: string;
  paymentRequestId: string;
  kind: 'cashier' | 'agreement' | 'escrow';
  status: 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CLOSED' | 'CANCELLED';
  /** Escrow payments: HELD → ACCEPTED → CONFIRMED, or VOIDED. */
  escrowStatus?: 'HELD' | 'ACCEPTED' | 'CONFIRMED' | 'VOIDED';
  /**
   * Why a failed or closed payment ended: the pay code that declined it (USER_BALANCE_NOT_ENOUGH,
   * RISK_REJECT…), or the sandbox's own reason: ORDER_IS_CLOSED (expired unpaid), USER_CANCELLED /
   * PROCESS_FAIL (the cashier), MERCHANT_CANCELLED (cancel), VOIDED (a full void). An unpaid payment's
   * notification carries the pay code, or ORDER_STATUS_INVALID with a message for the sandbox's reasons.
   */
  failCode?: string;
  amount: string;
  refunded: string;
  voided: string;
  orderDescription: string;
  payerId?: string;
  createdAt: string;
  paidAt?: string;
  expiresAt: string;
}

/** A refund as the sandbox page lists it (amount in fils, time ISO 8601). */
export interface SandboxRefund {
  refundId: string;
  refundRequestId: string;
  paymentId: string;
  amount: string;
  status: 'PROCESSING' | 'SUCCESS' | 'FAIL';
  createdAt: string;
}

/** An agreement: a signed contract whose authCode was redeemed by applyToken. */
export interface SandboxAgreement {
  agreementId: string;
  userId: string;
  clientId: string;
  contractDesc?: string;
  createdAt: string;
}

/** One attempt to deliver a notification. */
export interface SandboxDeliveryAttempt {
  at: string;
  /** HTTP status, when the merchant answered. */
  status?: number;
  /** `ok`, or what went wrong. */
  outcome: string;
  ms: number;
}

/** A payment notification to the merchant's `paymentNotifyUrl`, with every attempt. */
export interface SandboxDelivery {
  deliveryId: string;
  /** `payment`: the payment result to paymentNotifyUrl; `void`: a void's result to voidNotifyUrl. */
  kind: 'payment' | 'void';
  paymentId: string;
  url: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: SandboxDeliveryAttempt[];
  /** When the next attempt is due (PENDING only). */
  nextAt?: string;
  /** The notification body exactly as sent. */
  body: string;
}

/** A message sent with sendInbox or sendPush. */
export interface SandboxMessage {
  messageId: string;
  channel: 'inbox' | 'push';
  userId: string;
  title: string;
  content: string;
  url: string;
  at: string;
}

/** The lists the page shows a page at a time, newest first (the wallet keeps all of history). */
export type SandboxListName = 'payments' | 'refunds' | 'agreements' | 'deliveries' | 'messages';

export const SANDBOX_LISTS: readonly SandboxListName[] = ['payments', 'refunds', 'agreements', 'deliveries', 'messages'];

/** A page's size when none is asked for. */
export const SANDBOX_PAGE_DEFAULT = 50;
/** The largest page the admin API answers. */
export const SANDBOX_PAGE_MAX = 500;

/**
 * Which records of a list, as query parameters of `GET {SANDBOX_API.state}` and `GET {SANDBOX_API.list}`
 * (every list of the state, or the one `name`d).
 */
export interface SandboxListQuery {
  /** Records per list, 1–`SANDBOX_PAGE_MAX`. @default SANDBOX_PAGE_DEFAULT */
  limit?: number;
  /** The `next` of the page before (list only): the records older than its last one. */
  before?: string;
  /**
   * Only records one of whose ids starts with this: a payment's id, paymentRequestId or payer; a
   * refund's id, refundRequestId or paymentId; an agreement's or message's id or userId; a delivery's
   * id or paymentId.
   */
  q?: string;
  /** Only records in this status (payments, refunds, deliveries). */
  status?: string;
}

/** How much of a list there is beyond the page shown. */
export interface SandboxListInfo {
  /** Records that match the query, on every page. */
  total: number;
  /** `before` for the next page; null on the last one. */
  next: string | null;
}

/** The items of each list. */
export interface SandboxListItems {
  payments: SandboxPayment;
  refunds: SandboxRefund;
  agreements: SandboxAgreement;
  deliveries: SandboxDelivery;
  messages: SandboxMessage;
}

/** Answer of `GET {SANDBOX_API.list}`. */
export interface SandboxListResponse<N extends SandboxListName = SandboxListName> extends SandboxListInfo {
  name: N;
  items: Array<SandboxListItems[N]>;
}

/** `GET {SANDBOX_API.state}`: what the page shows, each list's first page (newest first). */
export interface SandboxStateView {
  gatewayUrl: string;
  clientId: string;
  forced: ForcedOutcome | null;
  users: Array<WalletUser & { status: 'NORMAL' | 'FROZEN' }>;
  merchants: Array<{ clientId: string; merchantName: string; balance: string }>;
  payments: SandboxPayment[];
  refunds: SandboxRefund[];
  agreements: SandboxAgreement[];
  deliveries: SandboxDelivery[];
  messages: SandboxMessage[];
  /** The Open APIs the gateway serves, from its table: name, path, doc page, the page's error codes. */
  openApis: Array<{ name: string; path: string; doc: string; codes: string[] }>;
  /** Scripted next answers waiting (`FailNextRequest`), by API. */
  failNext: Record<string, string>;
  /** Each list's total and the cursor of its next page (`GET {SANDBOX_API.list}`). */
  pages: Record<SandboxListName, SandboxListInfo>;
}
