import type { LiteralUnion } from 'type-fest';

/**
 * Types of the APIs real Super Qi pages call that the docs (`04-jsapi`) omit. They follow what
 * Alipay+ (mPaaS/Griver) hosts answer for the same names; a given Super Qi build may differ.
 */

/** Parameters of `my.setKeepScreenOn`. */
export interface SetKeepScreenOnParams {
  /** Keep the screen on while this miniapp is in front. */
  keepScreenOn: boolean;
}

/** Success payload of `my.getSetting` and `my.openSetting`. */
export interface AuthSettingResult {
  /**
   * Permission → whether the user allows it, only for permissions the miniapp has asked for
   * (Alipay+ names: `location`, `album`, `camera`, …).
   */
  authSetting: Record<string, boolean>;
}

/** Parameters of `AlipayJSBridge.call('openInBrowser')`. */
export interface OpenInBrowserParams {
  /** The URL the system browser opens (classic hosts also dial `tel:` URLs this way). */
  url: string;
}

/** Success payload of `AlipayJSBridge.call('beehiveGetPOI')`: the place the user picked. */
export interface PoiResult {
  /** Name of the place. */
  name: string;
  /** Its address. */
  address: string;
  /** Latitude in degrees (WGS 84). */
  latitude: number;
  /** Longitude in degrees (WGS 84). */
  longitude: number;
}

/** Parameters of `AlipayJSBridge.call('getFacePhotoData')`, as Qi's own published page sends them. */
export interface FacePhotoDataParams {
  /** What the photo is for: Qi's page sends `'QUERY_KYC_INFO'`. */
  scene?: string;
}

/**
 * Success payload of `AlipayJSBridge.call('getFacePhotoData')`. No doc page has it: Qi's own published
 * page reads `status === 'success'` and `photo`, a base64 JPEG (with or without a `data:` prefix).
 * Other fields are left open: read them as the host sends them.
 */
export interface FacePhotoDataResult {
  /** `'success'` when a photo was taken. */
  readonly status?: LiteralUnion<'success', string>;
  /** The face photo: base64 JPEG, with or without a `data:image/jpeg;base64,` prefix. */
  readonly photo?: string;
  readonly [field: string]: unknown;
}
