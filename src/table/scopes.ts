/** Scope facts from the `getAuthCode` page's scope tables. */
import type { BusinessScope, CustomerScope } from '../types/essential.js';

/**
 * Every customer user scope, in the page's order; then NOTIFICATION_PUSH, which the page lists for
 * business users only but Qi's own published demo asks of a customer (`['auth_base', 'USER_ID',
 * 'NOTIFICATION_PUSH']`) before sendPush, whose page pushes "to the user".
 */
export const CUSTOMER_SCOPES: readonly CustomerScope[] = [
  'auth_base', 'USER_ID', 'USER_LOGIN_ID', 'HASH_LOGIN_ID', 'auth_user', 'USER_NAME', 'USER_AVATAR',
  'USER_GENDER', 'USER_BIRTHDAY', 'USER_NATIONALITY', 'USER_CONTACTINFO', 'NOTIFICATION_INBOX',
  'AGREEMENT_PAY', 'CARD_LIST', 'ACCOUNT_LIST', 'NOTIFICATION_PUSH',
];

/** Every business (merchant) user scope, in the page's order. */
export const BUSINESS_SCOPES: readonly BusinessScope[] = [
  'auth_base', 'MERCHANT_ID', 'MERCHANT_NAME', 'MERCHANT_LOGO', 'AGREEMENT_PAY', 'NOTIFICATION_PUSH',
  'NOTIFICATION_INBOX', 'NOTIFICATION_WhatsApp', 'CARD_LIST',
];

/** Scopes granted without a consent screen ("Silent authorization: Yes" in either table). */
export const SILENT_SCOPES: readonly (CustomerScope | BusinessScope)[] = [
  'auth_base', 'USER_ID', 'USER_LOGIN_ID', 'HASH_LOGIN_ID', 'MERCHANT_ID',
];
