/**
 * Every API name of the table, for `canIUse` — kept apart from `TABLE` so `canIUse` never pulls the
 * table (and its documentation) in. An array of string literals, because gzip then matches each
 * `"name",` whole against a wrapper's own `api("name",{…})` (one space-separated string cost all the
 * wrappers ~45 B min+gz more; a name → value object ~100 B more). The type check below keeps the list
 * equal to the table's names (a missing, extra or misspelt name fails it); test/core/table.test.ts
 * checks the order. The script-tag build, which has every wrapper anyway, reads the names off them
 * instead (names-script-tag.ts, swapped in by rollup.config.mjs).
 */
import type { ApiName } from './index.js';

const LIST = [
  'getAuthCode', 'qicardSignContract', 'tradePay', 'getDeviceInfo', 'navigateToMiniProgram',
  'navigateBackMiniProgram', 'setNavigationBar', 'multiLevelSelect', 'alert', 'confirm', 'prompt',
  'showActionSheet', 'showLoading', 'hideLoading', 'showToast', 'hideToast', 'choosePhoneContact',
  'datePicker', 'chooseImage', 'previewImage', 'saveImage', 'getImageInfo', 'compressImage', 'chooseVideo',
  'getStorage', 'setStorage', 'removeStorage', 'clearStorage', 'saveFile', 'getFileInfo', 'getSavedFileInfo',
  'getSavedFileList', 'removeSavedFile', 'openDocument', 'chooseFileFromDisk', 'getLocation',
  'chooseLocation', 'openLocation', 'request', 'httpRequest', 'downloadFile', 'uploadFile',
  'qicardShareAppMessage', 'getSystemInfo', 'getNetworkType', 'getClipboard', 'setClipboard',
  'getBatteryInfo', 'getScreenBrightness', 'setScreenBrightness', 'addPhoneContact', 'makePhoneCall', 'scan',
  'vibrate', 'canIUse', 'hideKeyboard', 'setKeepScreenOn', 'getSetting', 'openSetting', 'openInBrowser',
  'beehiveGetPOI', 'getFacePhotoData',
] as const;

/** `true` only when the two unions are equal. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time: the list is exactly the table's names (no more, no fewer).
const namesMatchTable: Same<(typeof LIST)[number], ApiName> = true;
void namesMatchTable;

/** Every API name of the table, in its order. */
export const NAMES: readonly string[] = LIST;
