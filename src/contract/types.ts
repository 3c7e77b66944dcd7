/**
 * The Open APIs' TypeScript types, derived from the table (open-apis.ts) so that the client's request
 * types, method names and code unions cannot drift from what the sandbox validates and answers:
 * request fields, their required/optional status, nesting (`order.buyer.referenceBuyerId`) and
 * documented values come from each row's `fields`; result codes from its `codes`. Response fields are
 * written out below (the table lists their names only) and checked against the row's `response` list
 * at compile time.
 */
import type { ResultStatus } from './codes.js';
import type { CodeOf, OPEN_APIS, OpenApiName } from './open-apis.js';

/** A money amount: `value` is a whole number of the currency's smallest unit as a string (fils for IQD: 100 IQD = `"100000"`). */
export interface Amount {
  /** ISO 4217 code; Super Qi pays in `IQD`. */
  currency: 'IQD' | (string & {});
  /** Whole fils as a string, e.g. `"100000"` for 100 IQD. */
  value: string;
}

type Rows = typeof OPEN_APIS;
type Fields<K extends OpenApiName> = Rows[K]['fields'];

/** The TypeScript type of one field's rule (objects get the shape of their dotted children). */
type ValueOf<F, K extends keyof F & string> = F[K] extends { type: 'amount' }
  ? Amount
  : F[K] extends { known: readonly (infer V)[] }
    ? V
    : F[K] extends { type: 'string' }
      ? string
      : F[K] extends { type: 'array' }
        ? ReadonlyArray<Record<string, unknown>>
        : keyof ChildrenOf<F, K> extends never
          ? Record<string, unknown>
          : ShapeOf<ChildrenOf<F, K>>;

/** The rules under `P.` with that prefix removed. */
type ChildrenOf<F, P extends string> = { [K in keyof F as K extends `${P}.${infer Rest}` ? Rest : never]: F[K] };

type TopLevel<K> = K extends `${string}.${string}` ? never : K;
type RequiredKeys<F> = { [K in keyof F]: F[K] extends { required: true } ? TopLevel<K> : never }[keyof F];
type OptionalKeys<F> = Exclude<TopLevel<keyof F>, RequiredKeys<F>>;
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The object type a set of field rules describes. */
export type ShapeOf<F> = Flat<{ [K in RequiredKeys<F> & string]: ValueOf<F, K> } & { [K in OptionalKeys<F> & string]?: ValueOf<F, K> }>;

/**
 * The request body of Open API `K`, field by field as its page lists them. Where a page says "one of
 * these" (`anyOf`, e.g. paymentId or paymentRequestId), each is optional in the type and the client
 * checks that one is there before sending.
 */
export type RequestOf<K extends OpenApiName> = ShapeOf<Fields<K>>;


/** The `result` object of an answer of Open API `K`. */
export interface ResultOf<K extends OpenApiName> {
  /** What happened: SUCCESS, ACCEPT, or one of the page's (and the common) error codes. */
  resultCode: CodeOf<K>;
  /** S success, A accepted (wait for the user or a notification), U unknown (ask again), F failed. */
  resultStatus: ResultStatus;
  /** The gateway's words for it. */
  resultMessage: string;
}

/** inquiryUserInfo's `userInfo`: what the token's scopes granted (the userId always). */
export interface UserInfo {
  userId: string;
  loginIdInfos?: Array<{ loginIdType: string; maskLoginId?: string; hashLoginId?: string }>;
  userName?: { fullName?: string; firstName?: string; secondName?: string; thirdName?: string; lastName?: string };
  avatar?: string;
  gender?: string;
  birthDate?: string;
  nationality?: string;
  contactInfos?: Array<{ contactType: string; contactNo: string }>;
}

/** One entry of inquiryPayment's `transactions`. */
export interface Transaction {
  transactionId: string;
  transactionAmount: Amount;
  transactionTime?: string;
  transactionType?: string;
  transactionStatus?: string;
}

/** One card of inquiryUserCardList's `cardList`. */
export interface Card {
  accountNumber: string;
  maskedCardNo: string;
}

/** inquiryMerchantInfo's `merchantInfo`: what the token's scopes granted. */
export interface MerchantInfo {
  merchantId?: string;
  merchantName?: string;
  merchantNameArabic?: string;
  merchantLogo?: string;
}

/** pay's cashier link (the docs say `redirectionUrl`; Qi's demo backend and Go client read `redirectUrl`; the sandbox sends both). */
export interface RedirectActionForm {
  redirectionUrl?: string;
  redirectUrl?: string;
}

/**
 * The fields beside `result` in each Open API's answer, as its page lists them. All are optional: the
 * pages give them on success (some on A or F too).
 */
export interface ResponseFields {
  applyToken: { accessToken?: string; accessTokenExpiryTime?: string; refreshToken?: string; refreshTokenExpiryTime?: string; customerId?: string; extendInfo?: string };
  prepare: { authUrl?: string };
  inquiryPayment: {
    paymentId?: string;
    paymentRequestId?: string;
    paymentAmount?: Amount;
    paymentTime?: string;
    paymentStatus?: 'PROCESSING' | 'AUTH_SUCCESS' | 'SUCCESS' | 'FAIL';
    transactions?: Transaction[];
    extendInfo?: string;
  };
  inquiryRefund: {
    refundId?: string;
    refundRequestId?: string;
    refundAmount?: Amount;
    refundReason?: string;
    refundTime?: string;
    refundStatus?: 'PROCESSING' | 'SUCCESS' | 'FAIL';
    refundFailReason?: string;
    extendInfo?: string;
  };
  pay: { paymentId?: string; paymentTime?: string; redirectActionForm?: RedirectActionForm };
  refund: { refundId?: string; refundTime?: string };
  merchantAccept: {};
  confirm: { confirmId?: string; confirmTime?: string };
  cancel: { paymentId?: string; paymentRequestId?: string; cancelTime?: string };
  void: { voidRequestId?: string; voidId?: string };
  inquiryUserInfo: { userInfo?: UserInfo };
  inquiryUserCardList: { cardList?: Card[] };
  inquiryUserAccountList: { accountList?: Array<{ accountNumber: string }> };
  sendInbox: { messageId?: string; extendInfo?: string };
  sendPush: { messageId?: string; extendInfo?: string };
  inquiryMerchantInfo: { merchantInfo?: MerchantInfo };
}

/** The full answer of Open API `K`: `result` and its fields. */
export type ResponseOf<K extends OpenApiName> = { result: ResultOf<K> } & ResponseFields[K];

// ── compile-time checks: the written-out response fields are exactly the table's ─────────────────
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = { [K in OpenApiName]: Same<keyof ResponseFields[K], Rows[K]['response'][number]> extends true ? never : K }[OpenApiName];
/** Fails to compile (naming the API) when ResponseFields and the table's `response` lists differ. */
const responsesMatchTable: [Mismatched] extends [never] ? true : Mismatched = true;
void responsesMatchTable;
