import type { ForcedOutcome } from './protocol.js';

/**
 * The sandbox's state: plain JSON (so it saves and loads as is). Money is in fils (1 IQD = 1000 fils)
 * as safe integers; the Open APIs carry it as strings. Records are replaced, never edited in place
 * (see `Tx` in store.ts), which makes a request all-or-nothing.
 */

export type Role = 'customer' | 'business';

export interface UserRecord {
  userId: string;
  role: Role;
  status: 'NORMAL' | 'FROZEN';
  /** inquiryUserInfo's profile. */
  firstName: string;
  secondName: string;
  thirdName: string;
  lastName: string;
  fullName: string;
  mobile: string;
  maskedMobile: string;
  avatar: string;
  gender: 'M' | 'F';
  birthDate: string;
  nationality: string;
  cards: Array<{ maskedCardNo: string; accountNumber: string }>;
  accounts: Array<{ accountNumber: string }>;
  /** Available balance, fils. */
  balance: number;
  /** Largest single payment this user may make, fils (USER_AMOUNT_EXCEED_LIMIT beyond). */
  singleLimit: number;
  /** A business user's merchant profile (inquiryMerchantInfo). */
  merchant?: { merchantId: string; merchantName: string; merchantNameArabic: string; merchantLogo: string };
}

export interface MerchantRecord {
  clientId: string;
  merchantName: string;
  merchantNameArabic: string;
  status: 'NORMAL' | 'FROZEN';
  /** Settled funds, fils: refunds come out of it. */
  balance: number;
}

export interface AuthCodeRecord {
  code: string;
  clientId: string;
  userId: string;
  scopes: string[];
  /** `contract`: from a signed agreement (qicardSignContract). */
  source: 'consent' | 'contract';
  contractId?: string;
  expiresAt: number;
  usedAt?: number;
}

export interface TokenRecord {
  token: string;
  clientId: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
  refreshToken: string;
  contractId?: string;
  /** The authCode it was issued for (single use: no two tokens share one). */
  fromCode?: string;
}

export interface RefreshRecord {
  token: string;
  clientId: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
  usedAt?: number;
  contractId?: string;
}

export type PaymentKind = 'cashier' | 'agreement' | 'escrow';
/** PROCESSING until paid or closed. CLOSED: expired or cancelled before payment. */
export type PaymentStatus = 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CLOSED' | 'CANCELLED';
export type EscrowStatus = 'HELD' | 'ACCEPTED' | 'CONFIRMED' | 'VOIDED';

export interface TransactionRecord {
  transactionId: string;
  transactionType: 'PAY' | 'REFUND' | 'CANCEL' | 'VOID' | 'CAPTURE';
  transactionStatus: 'SUCCESS' | 'PROCESSING' | 'FAIL';
  amount: number;
  time: number;
}

export interface PaymentRecord {
  paymentId: string;
  paymentRequestId: string;
  clientId: string;
  kind: PaymentKind;
  productCode: string;
  amount: number;
  currency: string;
  orderDescription: string;
  referenceBuyerId?: string;
  /** Who paid (cashier: whoever the app says; agreement: the agreement's user). */
  payerId?: string;
  status: PaymentStatus;
  /** Why it failed or closed (a result code). */
  failCode?: string;
  createdAt: number;
  expiresAt: number;
  paidAt?: number;
  closedAt?: number;
  /** When a PROCESSING payment settles by itself (an agreement payment forced `pending`). */
  settleAt?: number;
  paymentNotifyUrl?: string;
  paymentRedirectUrl?: string;
  voidNotifyUrl?: string;
  extendInfo?: string;
  /** Escrow only. */
  escrow?: EscrowStatus;
  /** Fils still held in escrow (escrow only). */
  held: number;
  refunded: number;
  voided: number;
  transactions: TransactionRecord[];
}

export interface RefundRecord {
  refundId: string;
  refundRequestId: string;
  clientId: string;
  paymentId: string;
  amount: number;
  currency: string;
  reason?: string;
  status: 'PROCESSING' | 'SUCCESS' | 'FAIL';
  failReason?: string;
  createdAt: number;
  refundTime?: number;
  /** When a PROCESSING refund settles (a forced `pending`). */
  settleAt?: number;
}

export interface ContractRecord {
  authId: string;
  clientId: string;
  scopes: string;
  contractDesc?: string;
  language?: string;
  status: 'PENDING' | 'SIGNED' | 'CANCELLED';
  userId?: string;
  createdAt: number;
}

export interface AgreementRecord {
  agreementId: string;
  contractId: string;
  clientId: string;
  userId: string;
  accessToken: string;
  createdAt: number;
}

export interface MessageRecord {
  messageId: string;
  channel: 'inbox' | 'push';
  clientId: string;
  userId: string;
  requestId: string;
  templateCode: string;
  title: string;
  content: string;
  url: string;
  at: number;
}

export interface DeliveryAttempt {
  at: number;
  /** HTTP status, when an answer came. */
  status?: number;
  /** What went wrong, or `ok`. */
  outcome: string;
  ms: number;
}

export interface DeliveryRecord {
  deliveryId: string;
  /** `payment`: notifyPayment to paymentNotifyUrl; `void`: the void result to voidNotifyUrl. */
  kind: 'payment' | 'void';
  clientId: string;
  paymentId: string;
  url: string;
  /** The exact body sent (signed at each attempt with a fresh Request-Time). */
  body: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: DeliveryAttempt[];
  /** Attempts since it was (re)queued: the retry schedule restarts on resend. */
  tries: number;
  nextAt: number;
  createdAt: number;
}

export interface IdempotencyRecord {
  /** SHA-256 of the body with sorted keys. */
  hash: string;
  /** The final answer (S, F, A) to replay; null after U (the next try runs again). */
  response: Record<string, unknown> | null;
}

export interface ConfirmRecord {
  confirmId: string;
  paymentId: string;
  at: number;
}


/** Tables: id → record. */
export interface Tables {
  users: Record<string, UserRecord>;
  merchants: Record<string, MerchantRecord>;
  authCodes: Record<string, AuthCodeRecord>;
  tokens: Record<string, TokenRecord>;
  refreshTokens: Record<string, RefreshRecord>;
  payments: Record<string, PaymentRecord>;
  /** `${clientId} ${paymentRequestId}` → paymentId. */
  paymentsByRequest: Record<string, string>;
  refunds: Record<string, RefundRecord>;
  /** `${clientId} ${refundRequestId}` → refundId. */
  refundsByRequest: Record<string, string>;
  contracts: Record<string, ContractRecord>;
  agreements: Record<string, AgreementRecord>;
  /** `${userId} ${clientId}` → scopes the user granted that miniapp. */
  consents: Record<string, string[]>;
  messages: Record<string, MessageRecord>;
  deliveries: Record<string, DeliveryRecord>;
  /** `${clientId} ${api} ${requestId}` → the stored answer. */
  idempotency: Record<string, IdempotencyRecord>;
  confirms: Record<string, ConfirmRecord>;
  /** One-entry table: `next` → the forced outcome. */
  forced: Record<string, ForcedOutcome>;
}

export interface State extends Tables {
  version: 1;
  /** Fils in the system (users + merchants + escrow): constant, checked after every change. */
  totalFils: number;
}

export const TABLE_NAMES: ReadonlyArray<keyof Tables> = [
  'users', 'merchants', 'authCodes', 'tokens', 'refreshTokens', 'payments', 'paymentsByRequest', 'refunds',
  'refundsByRequest', 'contracts', 'agreements', 'consents', 'messages', 'deliveries', 'idempotency', 'confirms', 'forced',
];

/**
 * A table: an object without a prototype, so an id from outside (`constructor`, `toString`,
 * `__proto__`) is only ever an own key — never a method of `Object.prototype`, never the prototype.
 */
export function newTable<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  for (const [id, value] of entries) table[id] = value;
  return table;
}

/** The record under `id` when `table` has it as an own key (any table or lookup object), else undefined. */
export const own = <T>(table: Readonly<Record<string, T>>, id: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, id) ? table[id] : undefined;

const IQD = 1000;

function user(
  userId: string,
  role: Role,
  [firstName, secondName, thirdName, lastName]: [string, string, string, string],
  mobileTail: string,
  balanceIqd: number,
  extra: Partial<UserRecord> = {},
): UserRecord {
  return {
    userId,
    role,
    status: 'NORMAL',
    firstName,
    secondName,
    thirdName,
    lastName,
    fullName: [firstName, secondName, thirdName, lastName].join(' '),
    mobile: `9647700000${mobileTail}`,
    maskedMobile: `964*******${mobileTail}`,
    avatar: `https://sandbox.superqi.invalid/avatars/${userId}.png`,
    gender: 'M',
    birthDate: '1990-01-01',
    nationality: 'IRQ',
    cards: [{ maskedCardNo: `6396*****${mobileTail}21`, accountNumber: `1001${mobileTail}0001` }],
    accounts: [{ accountNumber: `1001${mobileTail}0001` }, { accountNumber: `1001${mobileTail}0002` }],
    balance: balanceIqd * IQD,
    singleLimit: 2_000_000 * IQD,
    ...extra,
  };
}

/** A fresh sandbox: four users (customers first), one merchant for `clientId`. */
export function initialState(clientId: string, merchantName = 'Sandbox Merchant'): State {
  const users = [
    user('2160000000000001', 'customer', ['Ali', 'Hassan', 'Kareem', 'Al-Tamimi'], '01', 1_000_000),
    user('2160000000000002', 'customer', ['Zainab', 'Ahmed', 'Jasim', 'Al-Saadi'], '02', 5_000, { gender: 'F', birthDate: '1995-06-15', cards: [], accounts: [] }),
    user('2160000000000004', 'customer', ['Omar', 'Khalid', 'Salim', 'Al-Jubouri'], '04', 50_000, { status: 'FROZEN' }),
    user('2160000000000003', 'business', ['Noor', 'Market', 'Baghdad', 'Branch'], '03', 250_000, {
      merchant: { merchantId: '2188000000000003', merchantName: 'Noor Market', merchantNameArabic: 'سوق نور', merchantLogo: 'https://sandbox.superqi.invalid/logos/noor.png' },
    }),
  ];
  const merchantBalance = 1_000_000 * IQD;
  const state: State = {
    version: 1,
    totalFils: 0,
    users: newTable(users.map((u) => [u.userId, u] as const)),
    merchants: newTable([[clientId, { clientId, merchantName, merchantNameArabic: 'تاجر التجربة', status: 'NORMAL', balance: merchantBalance }]]),
    authCodes: newTable(),
    tokens: newTable(),
    refreshTokens: newTable(),
    payments: newTable(),
    paymentsByRequest: newTable(),
    refunds: newTable(),
    refundsByRequest: newTable(),
    contracts: newTable(),
    agreements: newTable(),
    consents: newTable(),
    messages: newTable(),
    deliveries: newTable(),
    idempotency: newTable(),
    confirms: newTable(),
    forced: newTable(),
  };
  state.totalFils = sumFils(state);
  return state;
}

/** Fils held by users, merchants and escrow. */
export function sumFils(state: State): number {
  let total = 0;
  for (const u of Object.values(state.users)) total += u.balance;
  for (const m of Object.values(state.merchants)) total += m.balance;
  for (const p of Object.values(state.payments)) total += p.held;
  return total;
}

/**
 * Every invariant, in one place; a message for the first one broken, or null. Checked after each
 * change (a change that breaks one is undone and answered UNKNOWN_EXCEPTION).
 */
export function brokenInvariant(state: State): string | null {
  if (sumFils(state) !== state.totalFils) return `fils not conserved: ${sumFils(state)} ≠ ${state.totalFils}`;
  for (const u of Object.values(state.users)) {
    if (!Number.isSafeInteger(u.balance) || u.balance < 0) return `user ${u.userId} balance ${u.balance}`;
  }
  for (const m of Object.values(state.merchants)) {
    if (!Number.isSafeInteger(m.balance) || m.balance < 0) return `merchant ${m.clientId} balance ${m.balance}`;
  }
  const refundedBy = new Map<string, number>();
  for (const r of Object.values(state.refunds)) {
    if (r.status !== 'FAIL') refundedBy.set(r.paymentId, (refundedBy.get(r.paymentId) ?? 0) + r.amount);
  }
  for (const p of Object.values(state.payments)) {
    const refunded = refundedBy.get(p.paymentId) ?? 0;
    if (refunded !== p.refunded) return `payment ${p.paymentId} refunded ${p.refunded} but its refunds sum to ${refunded}`;
    if (p.refunded + p.voided > p.amount) return `payment ${p.paymentId} gave back ${p.refunded + p.voided} of ${p.amount}`;
    if (p.held < 0 || p.held > p.amount) return `payment ${p.paymentId} holds ${p.held} of ${p.amount}`;
    if (p.status !== 'SUCCESS' && (p.refunded > 0 || p.held > 0)) return `payment ${p.paymentId} is ${p.status} yet holds or refunded money`;
  }
  const fromCode = new Set<string>();
  for (const t of Object.values(state.tokens)) {
    if (t.fromCode === undefined) continue;
    if (fromCode.has(t.fromCode)) return `authCode ${t.fromCode} redeemed twice`;
    fromCode.add(t.fromCode);
  }
  return null;
}
