/**
 * The Open API table: one row per endpoint of `03-open-apis`, declared once, the contract both ends
 * derive from. The sandbox gateway routes by `path`, validates the body from `fields`, keys
 * idempotency on `idempotencyKey`; its handlers may answer only the row's `codes` (and the common
 * ones), which the type of `fail` enforces; the sandbox page derives from it. The
 * server client (`superqi-bridge/server`) takes its methods, paths, request types, code unions,
 * request checks and retry policy from the same rows (src/contract/types.ts).
 */
import { COMMON_CODES, resultOf, type OpenApiResult } from './codes.js';

/** How one request field is checked. Empty strings count as absent (the Go client sends `""` for unset fields). */
export interface FieldRule {
  /** `amount` is `{ currency, value }` with `value` a whole number of fils as a string. */
  type: 'string' | 'object' | 'array' | 'amount';
  required?: boolean;
  /** Longest accepted length (strings), as the page states. */
  max?: number;
  /** The page says "no `@#?`". */
  plain?: boolean;
  /** The page says the string is JSON ("The format should be JSON format"): a JSON object as a string. */
  json?: boolean;
  /** Accepted values. */
  values?: readonly string[];
  /**
   * The values the page documents. Not checked by the sandbox's validation (the gateway answers its
   * own code for another one, e.g. AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE); the client's
   * request type is their union.
   */
  known?: readonly string[];
}

/** One Open API endpoint. */
export interface OpenApiRow {
  /** The name the docs use (file name of its page). */
  readonly name: string;
  /** `POST` path. */
  readonly path: string;
  /** Its page under `03-open-apis/`. */
  readonly doc: string;
  /** Top-level and dotted (`order.buyer.referenceBuyerId`) fields with their checks. */
  readonly fields: Readonly<Record<string, FieldRule>>;
  /** At least one of these must be present ("Conditional" pairs). */
  readonly anyOf?: readonly string[];
  /** Field whose repeat means "the same request" (same body → same answer; other body → REPEAT_REQ_INCONSISTENT). */
  readonly idempotencyKey?: string;
  /**
   * The page says a repeated key gets the stored result, whatever the body ("if the same `requestId` is
   * stored, the stored result is returned"): no REPEAT_REQ_INCONSISTENT. Only a success is stored (a
   * failed call sent nothing, so its key may be used again).
   */
  readonly storedResult?: true;
  /**
   * A read-only inquiry: sending it twice changes nothing, so the client may retry it after a network
   * fault, a timeout or U (an API with an `idempotencyKey` may be retried too; any other may not).
   */
  readonly readOnly?: true;
  /** The page's own error codes. */
  readonly codes: readonly string[];
  /** `resultMessage` as this page words it, where that differs from `CODE_INFO` (SUCCESS: `"Success."` on some pages). */
  readonly messages?: Readonly<Record<string, string>>;
  /** Response fields beside `result`, as the page lists them. */
  readonly response: readonly string[];
}

/**
 * `productCode` values: the examples of 06-pay (online purchase, online purchase with auth capture,
 * agreement, escrow) and the names Qi's demo backend sends.
 */
export const PRODUCT_CODES = [
  '51051000101000000011',
  '51051000101000000012',
  '51051000101000100031',
  '51051000101000100008',
  'ONLINE_PURCHASE',
  'AGREEMENT_PAYMENT',
  'ESCROW_PAYMENT',
] as const;

/** A string field; `max` only where the page states one (no limit the docs do not state). */
/** (Generic so that each row keeps its literal rule types: the client's request types derive from them.) */
const str = <const E extends Partial<FieldRule> = {}>(max?: number, extra?: E): { type: 'string'; max?: number } & E =>
  ({ type: 'string', ...(max === undefined ? {} : { max }), ...extra }) as { type: 'string'; max?: number } & E;
const req = <const E extends Partial<FieldRule> = {}>(max?: number, extra?: E): { type: 'string'; max?: number; required: true } & E => ({ ...str(max, extra), required: true });

/** Every Open API, in the docs' order. */
export const OPEN_APIS = {
  applyToken: {
    name: 'applyToken',
    path: '/v1/authorizations/applyToken',
    doc: '02-applyToken.md',
    fields: {
      grantType: req(undefined, { known: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'] }),
      authCode: str(64, { plain: true }),
      refreshToken: str(128, { plain: true }),
      extendInfo: str(4096, { plain: true }),
    },
    codes: ['AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE', 'INVALID_REFRESH_TOKEN', 'EXPIRED_REFRESH_TOKEN', 'USED_REFRESH_TOKEN', 'INVALID_CODE', 'USED_CODE', 'EXPIRED_CODE'],
    messages: { AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE: 'Merchant client does not support this `grantType`.' },
    response: ['accessToken', 'accessTokenExpiryTime', 'refreshToken', 'refreshTokenExpiryTime', 'customerId', 'extendInfo'],
  },
  prepare: {
    name: 'prepare',
    path: '/v1/authorizations/prepare',
    doc: '03-prepare.md',
    fields: { scopes: req(16, { known: ['AGREEMENT_PAY'] }), extendInfo: req(4096, { plain: true, json: true }) },
    codes: ['INVALID_SCOPE', 'PARAM_ILLEGAL'],
    messages: { PARAM_ILLEGAL: 'Request parameters are invalid (e.g., non-numeric fields, malformed JSON).' },
    response: ['authUrl'],
  },
  inquiryPayment: {
    name: 'inquiryPayment',
    path: '/v1/payments/inquiryPayment',
    doc: '04-inquiryPayment.md',
    readOnly: true,
    fields: { paymentId: str(64), paymentRequestId: str(64) },
    anyOf: ['paymentId', 'paymentRequestId'],
    codes: ['ORDER_NOT_EXIST'],
    messages: { ORDER_NOT_EXIST: 'Order does not exist.' },
    response: ['paymentId', 'paymentRequestId', 'paymentAmount', 'paymentTime', 'paymentStatus', 'transactions', 'extendInfo'],
  },
  inquiryRefund: {
    name: 'inquiryRefund',
    path: '/v1/payments/inquiryRefund',
    doc: '05-inquiryRefund.md',
    readOnly: true,
    fields: { refundId: str(64), refundRequestId: str(64) },
    anyOf: ['refundId', 'refundRequestId'],
    codes: ['REFUND_NOT_EXIST'],
    response: ['refundId', 'refundRequestId', 'refundAmount', 'refundReason', 'refundTime', 'refundStatus', 'refundFailReason', 'extendInfo'],
  },
  pay: {
    name: 'pay',
    path: '/v1/payments/pay',
    doc: '06-pay.md',
    fields: {
      productCode: req(32, { known: PRODUCT_CODES }),
      paymentRequestId: req(64),
      paymentAuthCode: str(128),
      paymentAmount: { type: 'amount', required: true },
      order: { type: 'object', required: true },
      'order.orderDescription': req(),
      'order.buyer': { type: 'object' },
      'order.buyer.referenceBuyerId': str(),
      paymentExpiryTime: str(),
      paymentRedirectUrl: str(1024),
      paymentNotifyUrl: str(1024),
      voidNotifyUrl: str(1024),
      extendInfo: str(2048, { json: true }),
    },
    idempotencyKey: 'paymentRequestId',
    codes: [
      'PAYMENT_IN_PROCESS', 'REPEAT_REQ_INCONSISTENT', 'PAYMENT_AMOUNT_EXCEED_LIMIT', 'USER_NOT_EXIST', 'USER_STATUS_ABNORMAL',
      'USER_BALANCE_NOT_ENOUGH', 'PARTNER_NOT_EXIST', 'PARTNER_STATUS_ABNORMAL', 'RISK_REJECT', 'CURRENCY_NOT_SUPPORT',
      'ORDER_STATUS_INVALID', 'INVALID_ACCESS_TOKEN', 'USER_AMOUNT_EXCEED_LIMIT', 'AUTH_CODE_ALREADY_USED', 'INVALID_CODE',
    ],
    messages: {
      SUCCESS: 'Success.',
      REPEAT_REQ_INCONSISTENT: 'Repeated submission, and requests are inconsistent.',
      ORDER_STATUS_INVALID: 'Order is in invalid status such closed.',
      INVALID_ACCESS_TOKEN: 'Invalid accesstoken.',
      INVALID_CODE: 'Auth code illegal.',
    },
    response: ['paymentId', 'paymentTime', 'redirectActionForm'],
  },
  refund: {
    name: 'refund',
    path: '/v1/payments/refund',
    doc: '07-refund.md',
    fields: {
      refundRequestId: req(64),
      paymentId: str(),
      paymentRequestId: str(),
      captureId: str(),
      refundAmount: { type: 'amount', required: true },
      refundReason: str(256),
      extendInfo: str(2048, { json: true }),
    },
    anyOf: ['paymentId', 'paymentRequestId', 'captureId'],
    idempotencyKey: 'refundRequestId',
    codes: [
      'REFUND_IN_PROCESS', 'MULTI_REFUND_NOT_ALLOWED', 'REFUND_NOT_ALLOWED', 'REPEAT_REQ_INCONSISTENT', 'PARTNER_STATUS_ABNORMAL',
      'ORDER_NOT_EXIST', 'ORDER_STATUS_INVALID', 'REFUND_WINDOW_EXCEED', 'REFUND_AMOUNT_EXCEED', 'PARTNER_BALANCE_NOT_ENOUGH',
      'CURRENCY_NOT_SUPPORT', 'USER_NOT_EXIST', 'USER_STATUS_ABNORMAL',
    ],
    messages: {
      SUCCESS: 'Success.',
      REPEAT_REQ_INCONSISTENT: 'Data inconsistent with prior request.',
      PARTNER_STATUS_ABNORMAL: 'Merchant status abnormal.',
      ORDER_STATUS_INVALID: 'Order has invalid status (e.g., closed).',
      PARTNER_BALANCE_NOT_ENOUGH: 'Merchant balance insufficient.',
      CURRENCY_NOT_SUPPORT: 'Currency not supported.',
      USER_NOT_EXIST: 'User identifier invalid.',
      USER_STATUS_ABNORMAL: 'User account status abnormal.',
    },
    response: ['refundId', 'refundTime'],
  },
  merchantAccept: {
    name: 'merchantAccept',
    path: '/v1/payments/merchantAccept',
    doc: '08-merchantAccept.md',
    fields: { paymentId: req(64) },
    codes: [
      'ORDER_UNSUPPORTED_OPERATION', 'ORDER_STATUS_INVALID', 'ORDER_NOT_EXIST', 'ORDER_IS_FROZEN', 'ORDER_IS_MERCHANT_ACCEPTED',
      'CURRENCY_NOT_SUPPORT', 'USER_NOT_EXIST', 'USER_STATUS_ABNORMAL', 'PARTNER_NOT_EXIST', 'PARTNER_STATUS_ABNORMAL',
    ],
    messages: { SUCCESS: 'Success.', CURRENCY_NOT_SUPPORT: "The currency of a user's payment is not supported by the merchant.", UNKNOWN_EXCEPTION: 'An API calling is failed, which is caused by unknown reasons' },
    response: [],
  },
  confirm: {
    name: 'confirm',
    path: '/v1/payments/confirm',
    doc: '09-confirm.md',
    fields: { paymentId: req(64), confirmRequestId: req(64), extendInfo: str(2048, { json: true }) },
    idempotencyKey: 'confirmRequestId',
    codes: [
      'ORDER_UNSUPPORTED_OPERATION', 'ORDER_STATUS_INVALID', 'ORDER_NOT_EXIST', 'CONFIRM_IN_PROCESS', 'CURRENCY_NOT_SUPPORT',
      'USER_NOT_EXIST', 'USER_STATUS_ABNORMAL', 'REPEAT_REQ_INCONSISTENT', 'MUTEX_OPERATION_IN_PROCESSING', 'PARTNER_NOT_EXIST',
      'PARTNER_STATUS_ABNORMAL',
    ],
    messages: {
      SUCCESS: 'Success.',
      ORDER_UNSUPPORTED_OPERATION: 'The order is not support capture.',
      CURRENCY_NOT_SUPPORT: "The currency of a user's payment is not supported by the merchant.",
      REPEAT_REQ_INCONSISTENT: 'The submitted request is not consistent with the repeated one.',
      UNKNOWN_EXCEPTION: 'An API calling is failed, which is caused by unknown reasons',
    },
    response: ['confirmId', 'confirmTime'],
  },
  cancel: {
    name: 'cancel',
    path: '/v1/payments/cancel',
    doc: '10-cancel.md',
    fields: { paymentId: str(64), paymentRequestId: str(64), extendInfo: str(2048, { json: true }) },
    anyOf: ['paymentId', 'paymentRequestId'],
    codes: [
      'ORDER_STATUS_INVALID', 'ORDER_HAS_BEEN_CAPTURED', 'ORDER_HAS_BEEN_REFUNDED', 'ORDER_HAS_BEEN_VOIDED', 'CANCEL_NOT_ALLOWED',
      'CANCEL_WINDOW_EXCEED', 'ORDER_NOT_EXIST', 'KEY_NOT_FOUND', 'CLIENT_INVALID', 'INVALID_SIGNATURE', 'METHOD_NOT_SUPPORTED',
      'MEDIA_TYPE_NOT_ACCEPTABLE', 'PARTNER_STATUS_ABNORMAL', 'PARTNER_BALANCE_NOT_ENOUGH',
    ],
    messages: { SUCCESS: 'Success.', ORDER_STATUS_INVALID: 'The order is in invalid status such as CLOSED.', UNKNOWN_EXCEPTION: 'An API calling is failed, which is caused by unknown reasons' },
    response: ['paymentId', 'paymentRequestId', 'cancelTime'],
  },
  void: {
    name: 'void',
    path: '/v1/payments/void',
    doc: '11-void.md',
    fields: { voidRequestId: req(64), paymentId: req(64), voidAmount: { type: 'amount' }, extendInfo: str(2048, { json: true }) },
    idempotencyKey: 'voidRequestId',
    codes: [
      'ORDER_NOT_EXISTS', 'ORDER_STATUS_INVALID', 'VOID_IN_PROCESS', 'CURRENCY_NOT_SAME', 'VOID_AMOUNT_EXCEEDS_AUTH_LIMIT',
      'MUTEX_OPERATION_IN_PROCESSING', 'ORDER_UNSUPPORTED_OPERATION', 'REPEAT_REQ_INCONSISTENT', 'PARTNER_NOT_EXIST',
      'USER_NOT_EXISTS', 'USER_STATUS_ABNORMAL', 'PARTNER_STATUS_ABNORMAL',
    ],
    messages: {
      SUCCESS: 'Success.',
      ORDER_UNSUPPORTED_OPERATION: 'The order is not support void.',
      REPEAT_REQ_INCONSISTENT: 'Repeated submit, and requests are inconsistent.',
      UNKNOWN_EXCEPTION: 'An API calling is failed, which is caused by unknown reasons',
    },
    response: ['voidRequestId', 'voidId'],
  },
  inquiryUserInfo: {
    name: 'inquiryUserInfo',
    path: '/v1/users/inquiryUserInfo',
    doc: '12-inquiryUserInfo.md',
    readOnly: true,
    fields: { accessToken: req(128, { plain: true }), extendInfo: str(4096, { plain: true }) },
    codes: ['INVALID_ACCESS_TOKEN', 'EXPIRED_ACCESS_TOKEN'],
    messages: { INVALID_ACCESS_TOKEN: 'Access token invalid.', EXPIRED_ACCESS_TOKEN: 'Access token expired.' },
    response: ['userInfo'],
  },
  inquiryUserCardList: {
    name: 'inquiryUserCardList',
    path: '/v1/users/inquiryUserCardList',
    doc: '13-inquiryUserCardList.md',
    readOnly: true,
    fields: { accessToken: req(128, { plain: true }) },
    codes: ['INVALID_ACCESS_TOKEN', 'ACCESS_TOKEN_NOT_COVER_THE_SCOPE'],
    messages: { SUCCESS: 'Success' },
    response: ['cardList'],
  },
  inquiryUserAccountList: {
    name: 'inquiryUserAccountList',
    path: '/v1/users/inquiryUserAccountList',
    doc: '14-inquiryUserAccountList.md',
    readOnly: true,
    fields: { accessToken: req(128, { plain: true }) },
    codes: ['INVALID_ACCESS_TOKEN', 'ACCESS_TOKEN_NOT_COVER_THE_SCOPE'],
    messages: { SUCCESS: 'Success' },
    response: ['accountList'],
  },
  sendInbox: {
    name: 'sendInbox',
    path: '/v1/messages/sendInbox',
    doc: '15-sendInbox.md',
    fields: {
      accessToken: req(128, { plain: true }),
      requestId: req(128, { plain: true }),
      templateCode: req(256, { plain: true, known: ['MINI_APP_COMMON_INBOX'] }),
      templates: { type: 'array', required: true },
    },
    idempotencyKey: 'requestId',
    storedResult: true,
    codes: ['ACCESS_TOKEN_NOT_COVER_THE_SCOPE', 'INVALID_ACCESS_TOKEN'],
    messages: { ACCESS_TOKEN_NOT_COVER_THE_SCOPE: 'Access token permission scope does not contain specified scope.', INVALID_ACCESS_TOKEN: 'Access token is invalid.' },
    response: ['messageId', 'extendInfo'],
  },
  sendPush: {
    name: 'sendPush',
    path: '/v1/messages/sendPush',
    doc: '16-sendPush.md',
    fields: {
      accessToken: req(128),
      requestId: req(128),
      templateCode: req(256, { known: ['MINI_APP_COMMON_PUSH'] }),
      templates: { type: 'array', required: true },
    },
    idempotencyKey: 'requestId',
    storedResult: true,
    codes: ['ACCESS_TOKEN_NOT_COVER_THE_SCOPE', 'INVALID_ACCESS_TOKEN', 'PARAM_ILLEGAL', 'UNKNOWN_EXCEPTION'],
    messages: { INVALID_ACCESS_TOKEN: 'The access token is invalid.', PARAM_ILLEGAL: 'Illegal parameters exist. For example, a non-numeric input, or an invalid date.' },
    response: ['messageId', 'extendInfo'],
  },
  inquiryMerchantInfo: {
    name: 'inquiryMerchantInfo',
    path: '/v1/merchants/inquiryMerchantInfo',
    doc: '17-inquiryMerchantInfo.md',
    readOnly: true,
    fields: { accessToken: req(128, { plain: true }), extendInfo: str(4096, { plain: true }) },
    codes: ['INVALID_ACCESS_TOKEN', 'EXPIRED_ACCESS_TOKEN'],
    messages: { SUCCESS: 'Success' },
    response: ['merchantInfo'],
  },
} as const satisfies Record<string, OpenApiRow>;

/** The name of an Open API. */
export type OpenApiName = keyof typeof OPEN_APIS;

/** Codes an endpoint may answer: its page's, the common ones, SUCCESS / ACCEPT. */
export type CodeOf<K extends OpenApiName> = (typeof OPEN_APIS)[K]['codes'][number] | (typeof COMMON_CODES)[number] | 'SUCCESS' | 'ACCEPT';

/** The `result` of `code` as Open API `name` answers it: `message`, else its page's wording, else `CODE_INFO`'s. */
export function resultFor(name: OpenApiName, code: string, message?: string): OpenApiResult {
  const worded = (OPEN_APIS[name] as OpenApiRow).messages;
  return resultOf(code, message ?? (worded && Object.prototype.hasOwnProperty.call(worded, code) ? worded[code] : undefined));
}

/** path → row. */
export const BY_PATH: ReadonlyMap<string, OpenApiName> = new Map(
  (Object.keys(OPEN_APIS) as OpenApiName[]).map((name) => [OPEN_APIS[name].path, name]),
);

/** Reads a dotted field of a JSON body. */
export function fieldOf(body: Record<string, unknown>, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Absent: missing, null or the empty string (the Go client sends `""` for fields it lacks). */
export const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';

const PLAIN = /[@#?]/;

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return !!v && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}
const FILS = /^(0|[1-9]\d*)$/;

/** How deep a body may nest objects and arrays (the deepest documented field is 3 levels down). */
export const MAX_BODY_DEPTH = 32;

/** Whether a JSON value nests objects/arrays more than `max` deep; walked with a stack, so no depth overflows it. */
export function nestsDeeper(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Checks a body against a row; a message naming the field, or null when it passes. */
export function validate(row: OpenApiRow, body: Record<string, unknown>): string | null {
  // first: the rest (and canonical JSON for idempotency) walks the body recursively
  if (nestsDeeper(body, MAX_BODY_DEPTH)) return `${row.name}: the body nests objects or arrays more than ${MAX_BODY_DEPTH} deep`;
  for (const [path, rule] of Object.entries(row.fields)) {
    const value = fieldOf(body, path);
    if (isAbsent(value)) {
      // a required child of an absent optional parent is not required (order.buyer.referenceBuyerId)
      const parent = path.includes('.') ? fieldOf(body, path.slice(0, path.lastIndexOf('.'))) : body;
      if (rule.required && !isAbsent(parent)) return `${row.name}: ${path} is required`;
      continue;
    }
    switch (rule.type) {
      case 'string':
        if (typeof value !== 'string') return `${row.name}: ${path} must be a string`;
        if (rule.max !== undefined && value.length > rule.max) return `${row.name}: ${path} is longer than ${rule.max} characters`;
        if (rule.plain && PLAIN.test(value)) return `${row.name}: ${path} must not contain @, # or ?`;
        if (rule.json && !isJsonObject(value)) return `${row.name}: ${path} must be a JSON object as a string, e.g. "{\\"memo\\":\\"…\\"}"`;
        if (rule.values && !rule.values.includes(value)) return `${row.name}: ${path} must be one of ${rule.values.join(', ')}`;
        break;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) return `${row.name}: ${path} must be an object`;
        break;
      case 'array':
        if (!Array.isArray(value)) return `${row.name}: ${path} must be an array`;
        break;
      case 'amount': {
        if (typeof value !== 'object' || Array.isArray(value)) return `${row.name}: ${path} must be an object { currency, value }`;
        const { currency, value: fils } = value as Record<string, unknown>;
        if (typeof currency !== 'string' || !currency) return `${row.name}: ${path}.currency is required`;
        if (typeof fils !== 'string' || !FILS.test(fils) || !Number.isSafeInteger(Number(fils))) {
          return `${row.name}: ${path}.value must be a whole number of fils as a string, e.g. "100000" for 100 IQD`;
        }
        if (fils === '0') return `${row.name}: ${path}.value must be more than 0`;
        break;
      }
    }
  }
  if (row.anyOf && row.anyOf.every((f) => isAbsent(fieldOf(body, f)))) return `${row.name}: one of ${row.anyOf.join(', ')} is required`;
  return null;
}
