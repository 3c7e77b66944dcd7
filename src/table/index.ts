/**
 * The API table: every JSAPI of `04-jsapi`, one row each, in the docs' order.
 * `TABLE` aggregates the rows for code that needs all of them (the shim, `canIUse`, the emulator,
 * the playground); wrappers import their own row by name so a bundler keeps only what is used.
 */
import * as essential from './essential.js';
import * as ui from './ui.js';
import * as media from './media.js';
import * as storage from './storage.js';
import * as file from './file.js';
import * as location from './location.js';
import * as network from './network.js';
import * as device from './device.js';
import * as framework from './framework.js';
import * as undocumented from './undocumented.js';
import type { ApiRow } from './row.js';

type Rows = typeof essential &
  typeof ui &
  typeof media &
  typeof storage &
  typeof file &
  typeof location &
  typeof network &
  typeof device &
  typeof framework &
  typeof undocumented;

/**
 * Every API row, keyed by documented name, in the order of the doc pages (module namespaces would
 * list them alphabetically). `satisfies` makes a row missing here, or a name that is not a row, a type error.
 */
export const TABLE = {
  getAuthCode: essential.getAuthCode,
  qicardSignContract: essential.qicardSignContract,
  tradePay: essential.tradePay,
  getDeviceInfo: essential.getDeviceInfo,
  navigateToMiniProgram: essential.navigateToMiniProgram,
  navigateBackMiniProgram: essential.navigateBackMiniProgram,
  setNavigationBar: ui.setNavigationBar,
  multiLevelSelect: ui.multiLevelSelect,
  alert: ui.alert,
  confirm: ui.confirm,
  prompt: ui.prompt,
  showActionSheet: ui.showActionSheet,
  showLoading: ui.showLoading,
  hideLoading: ui.hideLoading,
  showToast: ui.showToast,
  hideToast: ui.hideToast,
  choosePhoneContact: ui.choosePhoneContact,
  datePicker: ui.datePicker,
  chooseImage: media.chooseImage,
  previewImage: media.previewImage,
  saveImage: media.saveImage,
  getImageInfo: media.getImageInfo,
  compressImage: media.compressImage,
  chooseVideo: media.chooseVideo,
  getStorage: storage.getStorage,
  setStorage: storage.setStorage,
  removeStorage: storage.removeStorage,
  clearStorage: storage.clearStorage,
  saveFile: file.saveFile,
  getFileInfo: file.getFileInfo,
  getSavedFileInfo: file.getSavedFileInfo,
  getSavedFileList: file.getSavedFileList,
  removeSavedFile: file.removeSavedFile,
  openDocument: file.openDocument,
  chooseFileFromDisk: file.chooseFileFromDisk,
  getLocation: location.getLocation,
  chooseLocation: location.chooseLocation,
  openLocation: location.openLocation,
  request: network.request,
  httpRequest: network.httpRequest,
  downloadFile: network.downloadFile,
  uploadFile: network.uploadFile,
  qicardShareAppMessage: essential.qicardShareAppMessage,
  getSystemInfo: device.getSystemInfo,
  getNetworkType: device.getNetworkType,
  getClipboard: device.getClipboard,
  setClipboard: device.setClipboard,
  getBatteryInfo: device.getBatteryInfo,
  getScreenBrightness: device.getScreenBrightness,
  setScreenBrightness: device.setScreenBrightness,
  addPhoneContact: device.addPhoneContact,
  makePhoneCall: device.makePhoneCall,
  scan: device.scan,
  vibrate: device.vibrate,
  canIUse: framework.canIUse,
  // Not in the docs: real pages call them (src/table/undocumented.ts).
  hideKeyboard: undocumented.hideKeyboard,
  setKeepScreenOn: undocumented.setKeepScreenOn,
  getSetting: undocumented.getSetting,
  openSetting: undocumented.openSetting,
  openInBrowser: undocumented.openInBrowser,
  beehiveGetPOI: undocumented.beehiveGetPOI,
  getFacePhotoData: undocumented.getFacePhotoData,
} satisfies { [K in keyof Rows]: Rows[K] };

/** The table's type. */
export type Table = typeof TABLE;
/** A documented JSAPI name. */
export type ApiName = keyof Table;
/** The documented parameters of an API (without callbacks). */
export type ApiParams<K extends ApiName> = Table[K] extends ApiRow<infer P, infer _R> ? P : never;
/** The typed success payload of an API. */
export type ApiResult<K extends ApiName> = Table[K] extends ApiRow<infer _P, infer R> ? R : never;

/** Every documented API name, in the docs' order. */
export const API_NAMES = /* @__PURE__ */ Object.keys(TABLE) as ApiName[];
