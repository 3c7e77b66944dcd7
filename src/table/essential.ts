import type { ApiRow } from './row.js';
import type { GetAuthCodeParams, GetAuthCodeResult, QicardSignContractParams, QicardSignContractResult, TradePayParams, TradePayResult, DeviceInfo, NavigateToMiniProgramParams, NavigateBackMiniProgramParams, QicardShareAppMessageParams, QicardShareAppMessageResult } from '../types/essential.js';
import type { HostAck, NoParams } from '../types/common.js';

/** getAuthCode: prompts the user to authorize scopes and returns an `authCode`. */
export const getAuthCode: ApiRow<GetAuthCodeParams, GetAuthCodeResult> = {
  params: { scopes: 'A' },
  ui: true,
  cancel: [1001],
};

/** qicardSignContract: opens the QiCard signing page for an agreement; returns an `authCode`. */
export const qicardSignContract: ApiRow<QicardSignContractParams, QicardSignContractResult> = {
  params: { authUrl: 'S', extParams: 'o' },
  surface: 'bridge',
  ui: true,
  cancel: ['6001'],
};

/** tradePay: opens the wallet cashier for a `paymentUrl`. */
export const tradePay: ApiRow<TradePayParams, TradePayResult> = {
  params: { paymentUrl: 's' },
  ui: true,
};

/** getDeviceInfo: device information and the current user's role. */
export const getDeviceInfo: ApiRow<NoParams, DeviceInfo> = {
  params: {},
};

/** navigateToMiniProgram: jumps to another Mini Program. */
export const navigateToMiniProgram: ApiRow<NavigateToMiniProgramParams, HostAck> = {
  params: { appId: 'S', path: 's', extraData: 'o' },
};

/** navigateBackMiniProgram: returns to the Mini Program that opened this one. */
export const navigateBackMiniProgram: ApiRow<NavigateBackMiniProgramParams, HostAck> = {
  params: { extraData: 'o' },
};

/** qicardShareAppMessage: shares a Miniapp message (H5+ only). */
export const qicardShareAppMessage: ApiRow<QicardShareAppMessageParams, QicardShareAppMessageResult> = {
  params: { title: 'S', desc: 's', path: 's', imageUrl: 's' },
  surface: 'bridge',
  ui: true,
};
