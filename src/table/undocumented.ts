/**
 * APIs that `04-jsapi` omits but Qi's own public sample pages call (with the closed SDK they exist, so
 * a page ported to the shim must find them on `my`). Typed from what Alipay+ hosts answer; group
 * `undocumented` marks them for the playground and docs/wrappers.md.
 */
import type { ApiRow } from './row.js';
import type { HostAck, NoParams } from '../types/common.js';
import type { AuthSettingResult, FacePhotoDataParams, FacePhotoDataResult, OpenInBrowserParams, PoiResult, SetKeepScreenOnParams } from '../types/undocumented.js';

/** hideKeyboard: closes the soft keyboard. */
export const hideKeyboard: ApiRow<NoParams, HostAck> = {
  params: {},
};

/** setKeepScreenOn: keeps the screen on (or lets it sleep) while the miniapp is in front. */
export const setKeepScreenOn: ApiRow<SetKeepScreenOnParams, HostAck> = {
  params: { keepScreenOn: 'B' },
};

/** getSetting: which permissions the user gave this miniapp (only those it asked for). */
export const getSetting: ApiRow<NoParams, AuthSettingResult> = {
  params: {},
};

/** openSetting: opens the miniapp's permission settings; answers them when the user comes back. */
export const openSetting: ApiRow<NoParams, AuthSettingResult> = {
  params: {},
  ui: true,
};

/** openInBrowser: opens a URL in the system browser (bridge only). */
export const openInBrowser: ApiRow<OpenInBrowserParams, HostAck> = {
  params: { url: 'S' },
  surface: 'bridge',
};

/** beehiveGetPOI: a point-of-interest picker, like chooseLocation (bridge only; hosts route it there). */
export const beehiveGetPOI: ApiRow<NoParams, PoiResult> = {
  params: {},
  surface: 'bridge',
  cancel: [13],
  ui: true,
};

/** getFacePhotoData: the host's face capture (bridge only); Qi's own page reads `status` and `photo`. */
export const getFacePhotoData: ApiRow<FacePhotoDataParams, FacePhotoDataResult> = {
  params: { scene: 's' },
  surface: 'bridge',
  ui: true,
};
