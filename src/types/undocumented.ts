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

/**
 * Success payload of `AlipayJSBridge.call('getFacePhotoData')`. No public host documents its fields,
 * so they are left open: read them as the host sends them.
 */
export type FacePhotoDataResult = { readonly [field: string]: unknown };
