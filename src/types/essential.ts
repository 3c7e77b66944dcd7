import type { Registered } from './register.js';


/**
 * Customer user scopes (`getAuthCode` page, "Customer User Scope"), and NOTIFICATION_PUSH, which Qi's
 * own demo asks of customers before sendPush (the page lists it for business users only).
 */
export type CustomerScope =
  | 'auth_base'
  | 'USER_ID'
  | 'USER_LOGIN_ID'
  | 'HASH_LOGIN_ID'
  | 'auth_user'
  | 'USER_NAME'
  | 'USER_AVATAR'
  | 'USER_GENDER'
  | 'USER_BIRTHDAY'
  | 'USER_NATIONALITY'
  | 'USER_CONTACTINFO'
  | 'NOTIFICATION_INBOX'
  | 'AGREEMENT_PAY'
  | 'CARD_LIST'
  | 'ACCOUNT_LIST'
  | 'NOTIFICATION_PUSH';

/** Business (merchant) user scopes (`getAuthCode` page, "Business (Merchant) User Scope"). */
export type BusinessScope =
  | 'auth_base'
  | 'MERCHANT_ID'
  | 'MERCHANT_NAME'
  | 'MERCHANT_LOGO'
  | 'AGREEMENT_PAY'
  | 'NOTIFICATION_PUSH'
  | 'NOTIFICATION_INBOX'
  | 'NOTIFICATION_WhatsApp'
  | 'CARD_LIST';

/**
 * A documented scope, or one added to `Register['scopes']` (a scope newer than the docs): a typo such
 * as `'USER_NAMES'` is a type error.
 */
export type AuthScope = CustomerScope | BusinessScope | Registered<'scopes'>;

/** Parameters of `my.getAuthCode`. */
export interface GetAuthCodeParams {
  /** Authorization scopes to request. Customer and business users have different sets. */
  scopes: readonly AuthScope[];
}
/** Success payload of `my.getAuthCode`. */
export interface GetAuthCodeResult {
  /** Authorization code to exchange via `applyToken` (on your backend). */
  authCode: string;
  /** Map of scopes that failed with associated error codes. */
  authErrorScopes?: Record<string, string>;
  /** List of scopes that were successfully authorized. */
  authSuccessScopes?: string[];
}

/** Parameters of `AlipayJSBridge.call('qicardSignContract')`. */
export interface QicardSignContractParams {
  /** Authorization URL returned by the wallet to start the signing experience. */
  authUrl: string;
  /** Optional additional parameters, for example `subClientId`. */
  extParams?: Record<string, unknown>;
}
/** Success payload of `qicardSignContract`. */
export interface QicardSignContractResult {
  /** Authorization code used to obtain an agreement token. Maximum length 32 characters. */
  authCode: string;
}

/**
 * `tradePay` result codes, as the "Result Codes" table lists them, and those added to
 * `Register['tradePayResultCodes']`. A host that answers another code still reaches the page (its
 * `status` is `'unknown'`); comparing with an unlisted code is a type error until it is registered.
 */
export type TradePayResultCode = '9000' | '8000' | '4000' | '6001' | '6002' | '6004' | Registered<'tradePayResultCodes'>;
/** What a `resultCode` means for the page. */
export type TradePayStatus = 'success' | 'processing' | 'failed' | 'cancelled' | 'network-error' | 'unknown';

/** Parameters of `my.tradePay`. */
export interface TradePayParams {
  /** The cashier URL from the `pay` response field `redirectActionForm.redirectionUrl`. */
  paymentUrl?: string;
}
/** Result of `tradePay`, the same whether the host answered through `success` or `fail`. */
export interface TradePayResult {
  /** Result code representing the payment outcome. */
  resultCode: TradePayResultCode;
  /** The outcome: 9000 success, 8000 processing, 4000 failed, 6001 cancelled, 6002 network-error, else unknown. */
  status: TradePayStatus;
}

/** Success payload of `my.getDeviceInfo`. */
export interface DeviceInfo {
  /** The user's preferred language (e.g., `"en-US"`). */
  language: string;
  /** `"true"` in production, `"false"` otherwise (a string, as the host sends it). */
  isProdEnv: 'true' | 'false';
  /** `"customer"` (individual consumer) or `"business"` (merchant/business account). */
  currentRole: 'customer' | 'business';
  /** Operating system information (e.g., `"Android 15"`). */
  systemInfo: string;
  /** Device hardware model information (e.g., `"HONOR_PGT-AN00"`). */
  hardwareInfo: string;
  /** Timestamp indicating when the user logged in (in milliseconds), as a string. */
  loginTime: string;
}

/** Parameters of `my.navigateToMiniProgram`. */
export interface NavigateToMiniProgramParams {
  /** The appId of the target Mini Program to jump to. */
  appId: string;
  /** The path of the target Mini Program; opens the homepage if it is empty. */
  path?: string;
  /** Extra data passed to the target Mini Program. */
  extraData?: Record<string, unknown>;
}
/** Parameters of `my.navigateBackMiniProgram`. */
export interface NavigateBackMiniProgramParams {
  /** The extra data returned to the previous Mini Program. */
  extraData?: Record<string, unknown>;
}

/** Parameters of `AlipayJSBridge.call('qicardShareAppMessage')` (the "share" page). */
export interface QicardShareAppMessageParams {
  /** Share title. */
  title: string;
  /** Share description. */
  desc?: string;
  /** Share path. */
  path?: string;
  /** Share image URL. */
  imageUrl?: string;
}
/** Success payload of `qicardShareAppMessage`. */
export interface QicardShareAppMessageResult {
  /** Whether the sharing is successful. */
  shareResult: boolean;
}
