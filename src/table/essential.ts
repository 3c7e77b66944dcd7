import type { ApiRow } from './row.js';
import type { GetAuthCodeParams, GetAuthCodeResult, QicardSignContractParams, QicardSignContractResult, TradePayParams, TradePayResult, DeviceInfo, NavigateToMiniProgramParams, NavigateBackMiniProgramParams, QicardShareAppMessageParams, QicardShareAppMessageResult } from '../types/essential.js';
import type { HostAck, NoParams } from '../types/common.js';

/** getAuthCode: prompts the user to authorize scopes and returns an `authCode`. */
export const getAuthCode: ApiRow<GetAuthCodeParams, GetAuthCodeResult> = {
  group: 'essential',
  doc: '02-getAuthCode',
  params: { scopes: 'A' },
  alias: { name: 'getAuthCode', params: { scopes: 'scopeNicks' } },
  ui: true,
  errors: {
    3: 'ERROR_CODE_UNKNOWN_ERROR',
    1000: 'ERROR_CODE_UNKNOWN_ERROR',
    1001: 'ERROR_CODE_USER_CANCEL',
    1002: 'ERROR_CODE_APP_SERVICE_ERROR',
    1003: 'ERROR_CODE_TIMEOUT',
    2001: 'ERRORLCODE_AUTH_PENDING_AGREEMENT',
  },
  cancel: [1001],
};

/** qicardSignContract: opens the QiCard signing page for an agreement; returns an `authCode`. */
export const qicardSignContract: ApiRow<QicardSignContractParams, QicardSignContractResult> = {
  group: 'essential',
  doc: '03-qicardSignContract',
  params: { authUrl: 'S', extParams: 'o' },
  surface: 'bridge',
  ui: true,
  errors: {
    6001: 'User cancelled the signing process.',
    6002: 'Network exception prevented signing.',
    6003: 'Signing failed due to service error.',
  },
  cancel: ['6001'],
  since: '1.24.6',
};

/** tradePay: opens the wallet cashier for a `paymentUrl`. */
export const tradePay: ApiRow<TradePayParams, TradePayResult> = {
  group: 'essential',
  doc: '04-tradePay',
  params: { paymentUrl: 's' },
  ui: true,
  errors: {
    9000: 'Payment successful.',
    8000: 'Payment processing; final status pending.',
    4000: 'Payment failed.',
    6001: 'User cancelled the payment.',
    6002: 'Network exception occurred.',
    6004: 'Unknown payment result; retry status query.',
  },
};

/** getDeviceInfo: device information and the current user's role. */
export const getDeviceInfo: ApiRow<NoParams, DeviceInfo> = {
  group: 'essential',
  doc: '05-getDeviceInfo',
  params: {},
  h5: true,
};

/** navigateToMiniProgram: jumps to another Mini Program. */
export const navigateToMiniProgram: ApiRow<NavigateToMiniProgramParams, HostAck> = {
  group: 'essential',
  doc: '06-navigateToMiniProgram',
  params: { appId: 'S', path: 's', extraData: 'o' },
};

/** navigateBackMiniProgram: returns to the Mini Program that opened this one. */
export const navigateBackMiniProgram: ApiRow<NavigateBackMiniProgramParams, HostAck> = {
  group: 'essential',
  doc: '07-navigateBackMiniProgram',
  params: { extraData: 'o' },
};

/** qicardShareAppMessage: shares a Miniapp message (H5+ only). */
export const qicardShareAppMessage: ApiRow<QicardShareAppMessageParams, QicardShareAppMessageResult> = {
  group: 'essential',
  doc: '41-share',
  params: { title: 'S', desc: 's', path: 's', imageUrl: 's' },
  surface: 'bridge',
  ui: true,
};
