/**
 * The API table: every JSAPI of `04-jsapi` (and the ones real pages call that the docs omit), one row
 * each, in the docs' order. Runtime rows live in one file per docs group; wrappers import their own
 * row by name so a bundler keeps only what is used. `TABLE` joins each row with its documentation
 * (docs.ts), classic alias (classic.ts) and required host version (since.ts), for the code that
 * needs all of it: the emulator, the playground, `TABLE`'s importers.
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
import { ownValue } from '../core/own.js';
import { CLASSIC_NATIVES } from './classic.js';
import { DOCS } from './docs.js';
import type { Registered, RegisteredApi, RegisteredApis } from '../types/register.js';
import type { HostAck } from '../types/common.js';
import { PAGES } from './pages.js';
import { SINCE } from './since.js';
import type { ApiRow, HostRow, TableRow } from './row.js';

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
 * Every runtime row, keyed by documented name, in the order of the doc pages (module namespaces would
 * list them alphabetically). `satisfies` makes a row missing here, or a name that is not a row, a type error.
 */
export const ROWS = {
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

/** A documented JSAPI name. */
export type ApiName = keyof typeof ROWS;
/** The documented parameters of an API (without callbacks). */
export type ApiParams<K extends ApiName> = (typeof ROWS)[K] extends ApiRow<infer P, infer _R> ? P : never;
/** The typed success payload of an API. */
export type ApiResult<K extends ApiName> = (typeof ROWS)[K] extends ApiRow<infer _P, infer R> ? R : never;
/** An API name `call()`, `AlipayJSBridge.call` and the test helpers take: a table API, or one added to `Register['apis']`. */
export type KnownApiName = ApiName | Extract<keyof RegisteredApis, string>;
/** The parameters of a table API or a registered one (`Record<string, unknown>` when it registered none). */
export type KnownParams<K extends KnownApiName> = K extends ApiName
  ? ApiParams<K>
  : K extends keyof RegisteredApis
    ? RegisteredApis[K] extends Required<Pick<RegisteredApi, 'params'>> ? RegisteredApis[K]['params'] : Record<string, unknown>
    : never;
/** The success payload of a table API or a registered one (`HostAck` when it registered none). */
export type KnownResult<K extends KnownApiName> = K extends ApiName
  ? ApiResult<K>
  : K extends keyof RegisteredApis
    ? RegisteredApis[K] extends Required<Pick<RegisteredApi, 'result'>> ? RegisteredApis[K]['result'] : HostAck
    : never;
/** The codes every API may fail with (platform notes: 1 API not found, 2 invalid parameter, 3 unknown, 4 not authorized). */
export type CommonErrorCode = 1 | 2 | 3 | 4;
/** The codes `K`'s page documents (numbers as the page writes them). */
type DocumentedErrorCode<K extends ApiName> = (typeof DOCS)[K] extends { readonly errors: infer E } ? Extract<keyof E, number | string> : never;
/**
 * The error codes an API can fail with: its page's codes, the common ones (1–4), and those added to
 * `Register['errorCodes']`; each number also as its string (Qi's own APIs answer `errorCode: '6001'`).
 */
export type ApiErrorCode<K extends ApiName> =
  | DocumentedErrorCode<K>
  | CommonErrorCode
  | `${DocumentedErrorCode<K> | CommonErrorCode}`
  | Registered<'errorCodes'>;
/** The table's type: every row with its documentation. */
export type Table = { readonly [K in ApiName]: TableRow<ApiParams<K>, ApiResult<K>> };
/** The table as a host reads it: every row without where it is documented. */
export type HostTable = { readonly [K in ApiName]: HostRow<ApiParams<K>, ApiResult<K>> };

/** Each runtime row joined with its documented answers, alias and host version (new objects; the rows stay as they are). */
const joinHost = (): HostTable => {
  const out: Record<string, HostRow> = {};
  for (const name of Object.keys(ROWS) as ApiName[]) {
    // Own entries only: an API name a page put on Object.prototype is no alias or version (DOCS has every API).
    const alias = ownValue(CLASSIC_NATIVES, name);
    const since = ownValue(SINCE, name);
    out[name] = { ...(ROWS[name] as ApiRow), ...DOCS[name], ...(alias && { alias }), ...(since && { since }) };
  }
  return out as HostTable;
};

/** Each host row joined with where it is documented. */
const joinPages = (host: HostTable): Table => {
  const out: Record<string, TableRow> = {};
  for (const name of Object.keys(host) as ApiName[]) out[name] = { ...host[name], ...PAGES[name] };
  return out as Table;
};

/**
 * Every API row as the emulator reads it: runtime fields, error wording, defaults, limits, alias,
 * since — not the docs' group and page, which only the playground and `TABLE`'s importers need.
 */
export const HOST_TABLE: HostTable = /* @__PURE__ */ joinHost();

/** Every API row with its documentation, keyed by documented name, in the order of the doc pages. */
export const TABLE: Table = /* @__PURE__ */ joinPages(HOST_TABLE);

/** Every documented API name, in the docs' order. */
export const API_NAMES = /* @__PURE__ */ Object.keys(ROWS) as ApiName[];
