/** Result codes: the common ones of `99-common-error-codes` and their documented messages. */

/** `result.resultStatus` values. */
export type ResultStatus = 'S' | 'F' | 'U' | 'A';

/** The `result` object of every Open API answer. */
export interface OpenApiResult {
  resultCode: string;
  resultStatus: ResultStatus;
  resultMessage: string;
}

/**
 * Codes every endpoint may answer (`99-common-error-codes`, all of its tables), beside its own; and
 * PARAM_ILLEGAL, which the sandbox answers for a body its checks refuse.
 */
export const COMMON_CODES = [
  'KEY_NOT_FOUND',
  'CLIENT_INVALID',
  'INVALID_SIGNATURE',
  'INVALID_ACCESS_TOKEN',
  'EXPIRED_ACCESS_TOKEN',
  'METHOD_NOT_SUPPORTED',
  'MEDIA_TYPE_NOT_ACCEPTABLE',
  'REPEAT_REQ_INCONSISTENT',
  'PARTNER_NOT_EXIST',
  'PARTNER_STATUS_ABNORMAL',
  'PARTNER_BALANCE_NOT_ENOUGH',
  'UNKNOWN_EXCEPTION',
  'PARAM_ILLEGAL',
] as const;

/** Status and message of each code, in the pages' wording. Codes without an entry answer F with the code as message. */
export const CODE_INFO: Readonly<Record<string, readonly [ResultStatus, string]>> = {
  SUCCESS: ['S', 'success'],
  ACCEPT: ['A', 'accept'],
  KEY_NOT_FOUND: ['F', 'The key is not found.'],
  CLIENT_INVALID: ['F', 'The client is invalid.'],
  INVALID_SIGNATURE: ['F', 'The signature is invalid.'],
  INVALID_ACCESS_TOKEN: ['F', 'The access token is not valid.'],
  EXPIRED_ACCESS_TOKEN: ['F', 'The access token is expired.'],
  METHOD_NOT_SUPPORTED: ['F', 'The server does not implement the requested HTTP method.'],
  MEDIA_TYPE_NOT_ACCEPTABLE: ['F', 'The server does not implement the media type that can be accepted by the client.'],
  REPEAT_REQ_INCONSISTENT: ['F', 'A repeated request is inconsistent with the original request.'],
  PARTNER_NOT_EXIST: ['F', 'The partner does not exist.'],
  PARTNER_STATUS_ABNORMAL: ['F', 'The partner status is abnormal.'],
  PARTNER_BALANCE_NOT_ENOUGH: ['F', 'The partner balance is not enough.'],
  UNKNOWN_EXCEPTION: ['U', 'An API calling is failed, which is caused by unknown reasons.'],
  PARAM_ILLEGAL: ['F', 'Illegal parameters exist.'],
  NOT_FOUND: ['F', 'No Open API has this path.'],
  AUTH_CLIENT_UNSUPPORTED_GRANT_TYPE: ['F', 'Merchant client does not support this grantType.'],
  INVALID_REFRESH_TOKEN: ['F', 'Refresh token is invalid.'],
  EXPIRED_REFRESH_TOKEN: ['F', 'Refresh token expired.'],
  USED_REFRESH_TOKEN: ['F', 'Refresh token already used.'],
  INVALID_CODE: ['F', 'Authorization code invalid.'],
  USED_CODE: ['F', 'Authorization code already used.'],
  EXPIRED_CODE: ['F', 'Authorization code expired.'],
  INVALID_SCOPE: ['F', 'The provided scope is invalid.'],
  ORDER_NOT_EXIST: ['F', 'The order does not exist.'],
  ORDER_NOT_EXISTS: ['F', 'The order does not exist.'],
  REFUND_NOT_EXIST: ['F', 'Refund does not exist.'],
  PAYMENT_IN_PROCESS: ['U', 'The payment is still under process.'],
  PAYMENT_AMOUNT_EXCEED_LIMIT: ['F', 'Payment amount exceeds limit.'],
  USER_NOT_EXIST: ['F', 'The user does not exist.'],
  USER_NOT_EXISTS: ['F', 'The user does not exist.'],
  USER_STATUS_ABNORMAL: ['F', 'The user status is abnormal.'],
  USER_BALANCE_NOT_ENOUGH: ['F', 'The user balance is not enough for this payment.'],
  RISK_REJECT: ['F', 'Risk reject.'],
  CURRENCY_NOT_SUPPORT: ['F', 'The currency is not supported.'],
  CURRENCY_NOT_SAME: ['F', "The currency of a user's payment is not the same as the original payment currency."],
  ORDER_STATUS_INVALID: ['F', 'The order status is invalid.'],
  USER_AMOUNT_EXCEED_LIMIT: ['F', "Payment amount exceeds user's amount limit."],
  AUTH_CODE_ALREADY_USED: ['F', 'Auth code already used.'],
  REFUND_IN_PROCESS: ['U', 'Refund is under processing.'],
  MULTI_REFUND_NOT_ALLOWED: ['F', 'Multiple refund not allowed in agreement.'],
  REFUND_NOT_ALLOWED: ['F', 'Refund not allowed in agreement.'],
  REFUND_WINDOW_EXCEED: ['F', 'Exceeded allowable refund window.'],
  REFUND_AMOUNT_EXCEED: ['F', 'Requested refund exceeds payment amount.'],
  ORDER_UNSUPPORTED_OPERATION: ['F', 'The order not supported the operation.'],
  ORDER_IS_FROZEN: ['F', 'The order is frozen.'],
  ORDER_IS_MERCHANT_ACCEPTED: ['F', 'The order has been accepted by merchant.'],
  CONFIRM_IN_PROCESS: ['U', 'The confirm is processing.'],
  MUTEX_OPERATION_IN_PROCESSING: ['F', 'There is another payment void, confirm, or capture in processing.'],
  ORDER_HAS_BEEN_CAPTURED: ['F', 'The cancellation does not support when the order has been captured.'],
  ORDER_HAS_BEEN_REFUNDED: ['F', 'The cancellation does not support when the order has been refunded.'],
  ORDER_HAS_BEEN_VOIDED: ['F', 'The cancellation does not support when the order has been voided.'],
  CANCEL_NOT_ALLOWED: ['F', 'The cancellation not allowed in agreement.'],
  CANCEL_WINDOW_EXCEED: ['F', 'The cancellation date is beyond the period that is agreed in the contract.'],
  VOID_IN_PROCESS: ['U', 'The void is still under process.'],
  VOID_AMOUNT_EXCEEDS_AUTH_LIMIT: ['F', 'The total void amount exceeds the limit of the authorized payment amount.'],
  ACCESS_TOKEN_NOT_COVER_THE_SCOPE: ['F', 'The access token permission scope does not contain specified scope.'],
};

/** The `result` object of a code; `message` replaces the documented message (to say which field, say). */
export function resultOf(code: string, message?: string): OpenApiResult {
  const [status, text] = (Object.prototype.hasOwnProperty.call(CODE_INFO, code) ? CODE_INFO[code] : undefined) ?? ['F', code];
  return { resultCode: code, resultStatus: status, resultMessage: message ?? text };
}
