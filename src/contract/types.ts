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
  /** The user's id for your app (the same value as applyToken's customerId). */
  userId: string;
  /** Login ids (USER_LOGIN_ID, HASH_LOGIN_ID). */
  loginIdInfos?: Array<{
    /** E.g. `MOBILE_PHONE`. */
    loginIdType: string;
    /** The masked login id. */
    maskLoginId?: string;
    /** A hash of the login id (HASH_LOGIN_ID). */
    hashLoginId?: string;
  }>;
  /** The user's name (USER_NAME). */
  userName?: {
    /** The full name. */
    fullName?: string;
    /** First name. */
    firstName?: string;
    /** Second name (father's name). */
    secondName?: string;
    /** Third name (grandfather's name). */
    thirdName?: string;
    /** Last (family) name. */
    lastName?: string;
  };
  /** Avatar URL (USER_AVATAR). */
  avatar?: string;
  /** Gender (USER_GENDER). */
  gender?: string;
  /** Birth date (USER_BIRTHDAY). */
  birthDate?: string;
  /** Nationality (USER_NATIONALITY). */
  nationality?: string;
  /** Contact details (USER_CONTACTINFO). */
  contactInfos?: Array<{
    /** E.g. `MOBILE_PHONE`. */
    contactType: string;
    /** The (masked) contact number. */
    contactNo: string;
  }>;
}

/** One entry of inquiryPayment's `transactions`. */
export interface Transaction {
  /** The wallet's id for the transaction. */
  transactionId: string;
  /** Its amount. */
  transactionAmount: Amount;
  /** When (ISO 8601). */
  transactionTime?: string;
  /** PAY, REFUND, CANCEL, VOID, CAPTURE… */
  transactionType?: string;
  /** SUCCESS, FAIL, PROCESSING. */
  transactionStatus?: string;
}

/** One card of inquiryUserCardList's `cardList`. */
export interface Card {
  /** The account number (at most 32 characters). */
  accountNumber: string;
  /** The masked card number (at most 32 characters). */
  maskedCardNo: string;
}

/** One account of inquiryUserAccountList's `accountList`. */
export interface Account {
  /** The account number (at most 32 characters). */
  accountNumber: string;
}

/** inquiryMerchantInfo's `merchantInfo`: what the token's scopes granted. */
export interface MerchantInfo {
  /** The merchant's id in Super Qi (MERCHANT_ID). */
  merchantId?: string;
  /** Its English name (MERCHANT_NAME). */
  merchantName?: string;
  /** Its Arabic name (MERCHANT_NAME). */
  merchantNameArabic?: string;
  /** Its logo URL (MERCHANT_LOGO). */
  merchantLogo?: string;
}

/** pay's cashier link, for `tradePay({ paymentUrl })`. */
export interface RedirectActionForm {
  /** The wallet cashier page URL, as the docs name it. */
  redirectionUrl?: string;
  /** The same URL as Qi's demo backend and Go client read it (the sandbox sends both). */
  redirectUrl?: string;
}

/** applyToken's answer fields. */
export interface ApplyTokenFields {
  /** The access token for the user APIs (and, for an agreement, pay's paymentAuthCode). */
  accessToken?: string;
  /** When it expires (ISO 8601). */
  accessTokenExpiryTime?: string;
  /** Exchange it with grantType REFRESH_TOKEN for a new pair (once). */
  refreshToken?: string;
  /** When the refresh token expires (ISO 8601). */
  refreshTokenExpiryTime?: string;
  /** The user (use it as pay's order.buyer.referenceBuyerId). */
  customerId?: string;
  /** Extra information. */
  extendInfo?: string;
}

/** prepare's answer fields. */
export interface PrepareFields {
  /** The contract page to pass to `qicardSignContract`. */
  authUrl?: string;
}

/** inquiryPayment's answer fields. */
export interface InquiryPaymentFields {
  /** The wallet's payment id. */
  paymentId?: string;
  /** Your payment id. */
  paymentRequestId?: string;
  /** The amount. */
  paymentAmount?: Amount;
  /** When it was paid (ISO 8601). */
  paymentTime?: string;
  /** Where the payment stands (resultStatus S only says the inquiry worked). */
  paymentStatus?: 'PROCESSING' | 'AUTH_SUCCESS' | 'SUCCESS' | 'FAIL';
  /** Its transactions (pay, refunds…). */
  transactions?: Transaction[];
  /** Extra information (the sandbox puts its own status here). */
  extendInfo?: string;
}

/** inquiryRefund's answer fields. */
export interface InquiryRefundFields {
  /** The wallet's refund id. */
  refundId?: string;
  /** Your refund id. */
  refundRequestId?: string;
  /** The amount. */
  refundAmount?: Amount;
  /** The reason given. */
  refundReason?: string;
  /** When the money left the merchant (ISO 8601). */
  refundTime?: string;
  /** Where the refund stands. */
  refundStatus?: 'PROCESSING' | 'SUCCESS' | 'FAIL';
  /** Why it failed (refundStatus FAIL). */
  refundFailReason?: string;
  /** Extra information. */
  extendInfo?: string;
}

/** pay's answer fields. */
export interface PayFields {
  /** The wallet's payment id (on A and S). */
  paymentId?: string;
  /** When it was paid (S). */
  paymentTime?: string;
  /** The cashier link (A: send the user there with tradePay). */
  redirectActionForm?: RedirectActionForm;
}

/** refund's answer fields. */
export interface RefundFields {
  /** The wallet's refund id (S). */
  refundId?: string;
  /** When the money left the merchant (S). */
  refundTime?: string;
}

/** confirm's answer fields. */
export interface ConfirmFields {
  /** The wallet's id for the confirmation. */
  confirmId?: string;
  /** When (ISO 8601). */
  confirmTime?: string;
}

/** cancel's answer fields. */
export interface CancelFields {
  /** The wallet's payment id. */
  paymentId?: string;
  /** Your payment id. */
  paymentRequestId?: string;
  /** When it was cancelled (S). */
  cancelTime?: string;
}

/** void's answer fields. */
export interface VoidFields {
  /** Your void id. */
  voidRequestId?: string;
  /** The wallet's void id. */
  voidId?: string;
}

/** sendInbox's and sendPush's answer fields. */
export interface MessageFields {
  /** The message's id (S). */
  messageId?: string;
  /** Extra information. */
  extendInfo?: string;
}

/** inquiryUserInfo's answer fields. */
export interface UserInfoFields {
  /** The user's granted attributes (S). */
  userInfo?: UserInfo;
}

/** inquiryUserCardList's answer fields. */
export interface CardListFields {
  /** The user's cards (S; `[]` when none). */
  cardList?: Card[];
}

/** inquiryUserAccountList's answer fields. */
export interface AccountListFields {
  /** The user's accounts (S; `[]` when none). */
  accountList?: Account[];
}

/** inquiryMerchantInfo's answer fields. */
export interface MerchantInfoFields {
  /** The merchant's granted attributes (S). */
  merchantInfo?: MerchantInfo;
}

/**
 * The fields beside `result` in each Open API's answer, as its page lists them. All are optional: the
 * pages give them on success (some on A or F too).
 */
export interface ResponseFields {
  /** applyToken (02-applyToken). */
  applyToken: ApplyTokenFields;
  /** prepare (03-prepare). */
  prepare: PrepareFields;
  /** inquiryPayment (04-inquiryPayment). */
  inquiryPayment: InquiryPaymentFields;
  /** inquiryRefund (05-inquiryRefund). */
  inquiryRefund: InquiryRefundFields;
  /** pay (06-pay). */
  pay: PayFields;
  /** refund (07-refund). */
  refund: RefundFields;
  /** merchantAccept (08-merchantAccept): `result` only. */
  merchantAccept: {};
  /** confirm (09-confirm). */
  confirm: ConfirmFields;
  /** cancel (10-cancel). */
  cancel: CancelFields;
  /** void (11-void). */
  void: VoidFields;
  /** inquiryUserInfo (12-inquiryUserInfo). */
  inquiryUserInfo: UserInfoFields;
  /** inquiryUserCardList (13-inquiryUserCardList). */
  inquiryUserCardList: CardListFields;
  /** inquiryUserAccountList (14-inquiryUserAccountList). */
  inquiryUserAccountList: AccountListFields;
  /** sendInbox (15-sendInbox). */
  sendInbox: MessageFields;
  /** sendPush (16-sendPush). */
  sendPush: MessageFields;
  /** inquiryMerchantInfo (17-inquiryMerchantInfo). */
  inquiryMerchantInfo: MerchantInfoFields;
}

/** The full answer of Open API `K`: `result` and its fields. */
export type ResponseOf<K extends OpenApiName> = ResponseFields[K] & {
  /** What happened. */
  result: ResultOf<K>;
};

// ── compile-time checks: the written-out response fields are exactly the table's ─────────────────
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = { [K in OpenApiName]: Same<keyof ResponseFields[K], Rows[K]['response'][number]> extends true ? never : K }[OpenApiName];
/** Fails to compile (naming the API) when ResponseFields and the table's `response` lists differ. */
const responsesMatchTable: [Mismatched] extends [never] ? true : Mismatched = true;
void responsesMatchTable;
