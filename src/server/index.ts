/**
 * `superqi-bridge/server`: a typed Super Qi Open API client for merchant backends (Node ≥ 20, no
 * dependencies: node:crypto and fetch). One method per Open API of `03-open-apis`, derived from the
 * same contract the sandbox wallet validates and answers with; every answer verified with the wallet
 * key before it is parsed; safe retries; notification verification and ready endpoints.
 *
 * ```ts
 * import { clientFromEnv, iqd } from 'superqi-bridge/server';
 * const qi = clientFromEnv(); // ALIPAY_GATEWAY_URL, ALIPAY_CLIENT_ID, …_PRIVATE_KEY_PATH, ALIPAY_PUBLIC_KEY_PATH
 * const paid = await qi.pay({ productCode: '51051000101000000011', paymentRequestId, paymentAmount: iqd(25), order: { orderDescription: 'Tea', buyer: { referenceBuyerId: customerId } } });
 * if (paid.status === 'A') redirect(paid.redirectActionForm?.redirectionUrl);
 * ```
 * @packageDocumentation
 */
export { createClient, type CallOptions, type Client, type ClientOptions, type OpenApiMethods, type Outcome } from './client.js';
export { clientFromEnv, readEnvFile, type SuperQiEnv } from './env.js';
export { fils, iqd, toFils, toIqd } from './amount.js';
export type { KeyInput } from './keys.js';
export {
  GatewayConfigError,
  GatewayError,
  GatewayHttpError,
  GatewayTransportError,
  InvalidRequestError,
  MalformedResponseError,
  NotificationError,
  ResponseSignatureError,
  type GatewayErrorCode,
  type NotificationProblem,
  type SignatureProblem,
  type TransportReason,
} from './errors.js';
export {
  NOTIFICATION_ACK,
  verifyNotification,
  type HeadersInput,
  type IncomingNotification,
  type Notification,
  type NotificationResult,
  type PaymentNotification,
  type VerifyNotificationOptions,
  type VoidNotification,
} from './notifications.js';
export {
  expressNotificationHandler,
  nodeNotificationHandler,
  webNotificationHandler,
  type NodeNotificationRequest,
  type NotificationHandlerOptions,
  type NotificationVerifier,
  type OnNotification,
} from './handlers.js';
export { PRODUCT_CODES, type OpenApiName, type CodeOf } from '../contract/open-apis.js';
export { OPEN_API_PATHS } from './paths.js';
export type { ResultStatus } from '../contract/codes.js';
export type {
  Account,
  AccountListFields,
  Amount,
  ApplyTokenFields,
  CancelFields,
  Card,
  CardListFields,
  ConfirmFields,
  InquiryPaymentFields,
  InquiryRefundFields,
  MerchantInfo,
  MerchantInfoFields,
  MessageFields,
  PayFields,
  PrepareFields,
  RedirectActionForm,
  RefundFields,
  RequestOf,
  ResponseFields,
  ResponseOf,
  ResultOf,
  ShapeOf,
  Transaction,
  UserInfo,
  UserInfoFields,
  VoidFields,
} from '../contract/types.js';
