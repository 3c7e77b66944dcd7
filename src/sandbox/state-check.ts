/**
 * The saved state, checked record by record when it loads: every table's records field by field
 * (types, required fields, enums, nested arrays), each record's id equal to its key, and the
 * references handlers follow (a payment's merchant and payer, a refund's payment, a token's user).
 * Handlers trust what they read, so a record that passes here cannot crash one; a state that fails is
 * treated as a corrupt file (store.ts moves it aside and starts afresh).
 */
import type { ForcedOutcome } from './protocol.js';
import {
  newTable,
  own,
  TABLE_NAMES,
  type AgreementRecord,
  type AuthCodeRecord,
  type ConfirmRecord,
  type ContractRecord,
  type DeliveryAttempt,
  type DeliveryRecord,
  type IdempotencyRecord,
  type MerchantRecord,
  type MessageRecord,
  type PaymentRecord,
  type RefreshRecord,
  type RefundRecord,
  type State,
  type Tables,
  type TokenRecord,
  type TransactionRecord,
  type UserRecord,
} from './state.js';

/** What is wrong with a value (`must be a string`, `.attempts must be an array`), or null. */
type Check = ((value: unknown) => string | null) & { optional?: true };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Prefixes a nested problem with where it is (`.attempts`, `[2]`). */
const at = (where: string, problem: string): string => (problem.startsWith('.') || problem.startsWith('[') ? where + problem : `${where} ${problem}`);

const leaf = (ok: (v: unknown) => boolean, what: string): Check => (v) => (ok(v) ? null : `must be ${what}`);
const str = leaf((v) => typeof v === 'string', 'a string');
const whole = leaf((v) => Number.isSafeInteger(v) && (v as number) >= 0, 'a whole number ≥ 0');
const ms = leaf((v) => typeof v === 'number' && v >= 0 && Number.isFinite(v), 'a number of ms ≥ 0');
/** Times are ms since 1970 that `Date` can show (formatTime adds 3 h: keep a day of margin). */
const time = leaf((v) => typeof v === 'number' && v >= 0 && v <= 8.64e15 - 86_400_000, 'a time (ms since 1970)');
const oneOf = (...values: readonly string[]): Check => leaf((v) => values.includes(v as string), `one of ${values.join(', ')}`);
const opt = (check: Check): Check => Object.assign((v: unknown) => (v === undefined ? null : check(v)), { optional: true as const });
const orNull = (check: Check): Check => (v) => (v === null ? null : check(v));

function arrayOf(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return 'must be an array';
    for (let i = 0; i < v.length; i++) {
      const bad = item(v[i]);
      if (bad) return at(`[${i}]`, bad);
    }
    return null;
  };
}

/** An object with these fields (every field of `T` named once; extra fields are let be) and optional cross-field rules. */
function shape<T>(fields: { readonly [K in keyof T]-?: Check }, rules?: (v: T) => string | null): Check {
  return (v) => {
    if (!isObject(v)) return 'must be an object';
    for (const [name, check] of Object.entries(fields) as Array<[string, Check]>) {
      const value = own(v, name);
      if (value === undefined && !check.optional) return `.${name} is missing`;
      const bad = check(value);
      if (bad) return at(`.${name}`, bad);
    }
    return rules ? rules(v as T) : null;
  };
}

const strings = arrayOf(str);
const OUTCOMES = ['decline', 'pending', 'expire', 'network-error', 'slow'] as const satisfies readonly ForcedOutcome[];
const enumOf = <T extends string>(...values: T[]): Check => oneOf(...values);

const user = shape<UserRecord>({
  userId: str,
  role: enumOf<UserRecord['role']>('customer', 'business'),
  status: enumOf<UserRecord['status']>('NORMAL', 'FROZEN'),
  firstName: str,
  secondName: str,
  thirdName: str,
  lastName: str,
  fullName: str,
  mobile: str,
  maskedMobile: str,
  avatar: str,
  gender: enumOf<UserRecord['gender']>('M', 'F'),
  birthDate: str,
  nationality: str,
  cards: arrayOf(shape<UserRecord['cards'][number]>({ maskedCardNo: str, accountNumber: str })),
  accounts: arrayOf(shape<UserRecord['accounts'][number]>({ accountNumber: str })),
  balance: whole,
  singleLimit: whole,
  merchant: opt(shape<NonNullable<UserRecord['merchant']>>({ merchantId: str, merchantName: str, merchantNameArabic: str, merchantLogo: str })),
});

const merchant = shape<MerchantRecord>({ clientId: str, merchantName: str, merchantNameArabic: str, status: enumOf<MerchantRecord['status']>('NORMAL', 'FROZEN'), balance: whole });

const authCode = shape<AuthCodeRecord>({
  code: str,
  clientId: str,
  userId: str,
  scopes: strings,
  source: enumOf<AuthCodeRecord['source']>('consent', 'contract'),
  contractId: opt(str),
  expiresAt: time,
  usedAt: opt(time),
});

const token = shape<TokenRecord>({ token: str, clientId: str, userId: str, scopes: strings, expiresAt: time, refreshToken: str, contractId: opt(str), fromCode: opt(str) });

const refresh = shape<RefreshRecord>({ token: str, clientId: str, userId: str, scopes: strings, expiresAt: time, usedAt: opt(time), contractId: opt(str) });

const transaction = shape<TransactionRecord>({
  transactionId: str,
  transactionType: enumOf<TransactionRecord['transactionType']>('PAY', 'REFUND', 'CANCEL', 'VOID', 'CAPTURE'),
  transactionStatus: enumOf<TransactionRecord['transactionStatus']>('SUCCESS', 'PROCESSING', 'FAIL'),
  amount: whole,
  time,
});

const payment = shape<PaymentRecord>(
  {
    paymentId: str,
    paymentRequestId: str,
    clientId: str,
    kind: enumOf<PaymentRecord['kind']>('cashier', 'agreement', 'escrow'),
    productCode: str,
    amount: whole,
    currency: str,
    orderDescription: str,
    referenceBuyerId: opt(str),
    payerId: opt(str),
    status: enumOf<PaymentRecord['status']>('PROCESSING', 'SUCCESS', 'FAIL', 'CLOSED', 'CANCELLED'),
    failCode: opt(str),
    createdAt: time,
    expiresAt: time,
    paidAt: opt(time),
    closedAt: opt(time),
    settleAt: opt(time),
    paymentNotifyUrl: opt(str),
    paymentRedirectUrl: opt(str),
    voidNotifyUrl: opt(str),
    extendInfo: opt(str),
    escrow: opt(enumOf<NonNullable<PaymentRecord['escrow']>>('HELD', 'ACCEPTED', 'CONFIRMED', 'VOIDED')),
    held: whole,
    refunded: whole,
    voided: whole,
    transactions: arrayOf(transaction),
  },
  // what the handlers read of a paid or ended payment (paymentTime, cancelTime, the payer's refund)
  (p) =>
    p.status === 'SUCCESS' && (p.paidAt === undefined || p.payerId === undefined)
      ? 'is SUCCESS without paidAt and payerId'
      : p.status !== 'SUCCESS' && p.status !== 'PROCESSING' && p.closedAt === undefined
        ? `is ${p.status} without closedAt`
        : null,
);

const refund = shape<RefundRecord>(
  {
    refundId: str,
    refundRequestId: str,
    clientId: str,
    paymentId: str,
    amount: whole,
    currency: str,
    reason: opt(str),
    status: enumOf<RefundRecord['status']>('PROCESSING', 'SUCCESS', 'FAIL'),
    failReason: opt(str),
    createdAt: time,
    refundTime: opt(time),
    settleAt: opt(time),
  },
  (r) => (r.status === 'SUCCESS' && r.refundTime === undefined ? 'is SUCCESS without refundTime' : null),
);

const contract = shape<ContractRecord>({
  authId: str,
  clientId: str,
  scopes: str,
  contractDesc: opt(str),
  language: opt(str),
  status: enumOf<ContractRecord['status']>('PENDING', 'SIGNED', 'CANCELLED'),
  userId: opt(str),
  createdAt: time,
});

const agreement = shape<AgreementRecord>({ agreementId: str, contractId: str, clientId: str, userId: str, accessToken: str, createdAt: time });

const message = shape<MessageRecord>({
  messageId: str,
  channel: enumOf<MessageRecord['channel']>('inbox', 'push'),
  clientId: str,
  userId: str,
  requestId: str,
  templateCode: str,
  title: str,
  content: str,
  url: str,
  at: time,
});

const attempt = shape<DeliveryAttempt>({ at: time, status: opt(whole), outcome: str, ms });

const delivery = shape<DeliveryRecord>({
  deliveryId: str,
  kind: enumOf<DeliveryRecord['kind']>('payment', 'void'),
  clientId: str,
  paymentId: str,
  url: str,
  body: str,
  status: enumOf<DeliveryRecord['status']>('PENDING', 'DELIVERED', 'FAILED'),
  attempts: arrayOf(attempt),
  tries: whole,
  nextAt: time,
  createdAt: time,
});

const idempotency = shape<IdempotencyRecord>({
  hash: str,
  response: orNull(shape<{ result: unknown }>({ result: shape<{ resultCode: string; resultStatus: string; resultMessage: string }>({ resultCode: str, resultStatus: oneOf('S', 'F', 'U', 'A'), resultMessage: str }) })),
});

const confirm = shape<ConfirmRecord>({ confirmId: str, paymentId: str, at: time });

interface TableRule {
  record: Check;
  /** The record's field that holds its key. */
  id?: string;
  /** Records a value or field of this table must name (checked once every table is well-formed). */
  refs?: ReadonlyArray<{ field?: string; table: keyof Tables }>;
}

const clientRef = { field: 'clientId', table: 'merchants' } as const;
const userRef = { field: 'userId', table: 'users' } as const;

const TABLE_RULES: { readonly [K in keyof Tables]: TableRule } = {
  users: { record: user, id: 'userId' },
  merchants: { record: merchant, id: 'clientId' },
  authCodes: { record: authCode, id: 'code', refs: [clientRef, userRef] },
  tokens: { record: token, id: 'token', refs: [clientRef, userRef] },
  refreshTokens: { record: refresh, id: 'token', refs: [clientRef, userRef] },
  payments: { record: payment, id: 'paymentId', refs: [clientRef, { field: 'payerId', table: 'users' }] },
  paymentsByRequest: { record: str, refs: [{ table: 'payments' }] },
  refunds: { record: refund, id: 'refundId', refs: [clientRef, { field: 'paymentId', table: 'payments' }] },
  refundsByRequest: { record: str, refs: [{ table: 'refunds' }] },
  contracts: { record: contract, id: 'authId', refs: [clientRef] },
  agreements: { record: agreement, id: 'agreementId', refs: [clientRef, userRef] },
  consents: { record: strings },
  messages: { record: message, id: 'messageId', refs: [clientRef] },
  deliveries: { record: delivery, id: 'deliveryId', refs: [clientRef] },
  idempotency: { record: idempotency },
  confirms: { record: confirm, id: 'confirmId' },
  forced: { record: oneOf(...OUTCOMES) },
};

/** `deliveries["x"]`: where a record is, for messages. */
const where = (table: string, id: string): string => `${table}[${JSON.stringify(id)}]`;

function badRecord(state: Record<string, Record<string, unknown>>): string | null {
  for (const name of TABLE_NAMES) {
    const rule = TABLE_RULES[name];
    for (const [id, record] of Object.entries(state[name]!)) {
      if (name === 'forced' && id !== 'next') return `${where(name, id)} is not "next" (the one forced outcome)`;
      const bad = rule.record(record);
      if (bad) return at(where(name, id), bad);
      if (rule.id && (record as Record<string, unknown>)[rule.id] !== id) return `${where(name, id)}.${rule.id} is not its key`;
    }
  }
  for (const name of TABLE_NAMES) {
    for (const ref of TABLE_RULES[name].refs ?? []) {
      for (const [id, record] of Object.entries(state[name]!)) {
        const target = ref.field ? (record as Record<string, unknown>)[ref.field] : record;
        if (target !== undefined && own(state[ref.table]!, target as string) === undefined) {
          return `${where(name, id)}${ref.field ? `.${ref.field}` : ''} names ${where(ref.table, String(target))}, which does not exist`;
        }
      }
    }
  }
  return null;
}

/**
 * Reads a parsed state file: the state with every table prototype-free (ids are own keys only), or
 * what is wrong with it (the first bad record named by table and id).
 */
export function readState(value: unknown): State | string {
  if (!isObject(value) || value['version'] !== 1) return 'not a sandbox state (version 1)';
  if (!Number.isSafeInteger(value['totalFils'])) return 'not a sandbox state (totalFils must be a whole number)';
  const missing = TABLE_NAMES.find((t) => !isObject(value[t]));
  if (missing) return `not a sandbox state (${missing} must be an object of records)`;
  const bad = badRecord(value as Record<string, Record<string, unknown>>);
  if (bad) return `a state with a bad record: ${bad}`;
  const state = { ...value } as unknown as State;
  for (const t of TABLE_NAMES) (state as unknown as Record<string, unknown>)[t] = newTable(Object.entries(value[t] as Record<string, unknown>));
  return state;
}
