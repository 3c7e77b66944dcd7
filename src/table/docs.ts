/**
 * The documentation of every API row, keyed by name: the docs' group and page, error wording,
 * defaults, limits and the H5+ form. Kept out of the runtime rows (src/table/<group>.ts) so that
 * only bundles that import `TABLE` (or the playground) carry it — every bundler, not only the ones
 * that drop unread object properties. Typed against `ApiName`: a row without its documentation, or
 * documentation for a name that is no row, fails the type check. Plain data, no expressions: nothing
 * here runs or keeps anything alive at import.
 */
import type { ApiDocs } from './row.js';
import type { ApiName, ApiParams } from './index.js';
import type { RequestParams } from '../types/network.js';

/** The request page defaults (request and httpRequest). */
const requestDefaults: Partial<RequestParams> = {
  method: 'GET',
  timeout: 30000,
  dataType: 'json',
  headers: { 'content-type': 'application/json' },
};
/** The request page error codes (request and httpRequest). */
const requestErrors = {
  2: 'Incorrect parameter. Check whether the URL is in HTTPS format and all parameters are correct.',
  4: 'Not authorized to call the interface (is the server domain in the whitelist?).',
  12: 'Network error.',
  13: 'Timeout.',
  14: 'Decoding failure.',
  19: 'HTTP error.',
  20: 'Request stopped/service end traffic limit.',
} as const;
/** The documented storage limits. */
const STORAGE_LIMITS = { maxItemChars: 204800, maxTotalBytes: 10485760 } as const;

/** Every row's documentation, in the docs' order. */
export const DOCS: { readonly [K in ApiName]: ApiDocs<ApiParams<K>> } = {
  getAuthCode: {
    group: 'essential',
    doc: '02-getAuthCode',
    errors: {
      3: 'ERROR_CODE_UNKNOWN_ERROR',
      1000: 'ERROR_CODE_UNKNOWN_ERROR',
      1001: 'ERROR_CODE_USER_CANCEL',
      1002: 'ERROR_CODE_APP_SERVICE_ERROR',
      1003: 'ERROR_CODE_TIMEOUT',
      2001: 'ERRORLCODE_AUTH_PENDING_AGREEMENT',
    },
  },
  qicardSignContract: {
    group: 'essential',
    doc: '03-qicardSignContract',
    errors: {
      6001: 'User cancelled the signing process.',
      6002: 'Network exception prevented signing.',
      6003: 'Signing failed due to service error.',
    },
  },
  tradePay: {
    group: 'essential',
    doc: '04-tradePay',
    errors: {
      9000: 'Payment successful.',
      8000: 'Payment processing; final status pending.',
      4000: 'Payment failed.',
      6001: 'User cancelled the payment.',
      6002: 'Network exception occurred.',
      6004: 'Unknown payment result; retry status query.',
    },
  },
  getDeviceInfo: {
    group: 'essential',
    doc: '05-getDeviceInfo',
    h5: true,
  },
  navigateToMiniProgram: {
    group: 'essential',
    doc: '06-navigateToMiniProgram',
  },
  navigateBackMiniProgram: {
    group: 'essential',
    doc: '07-navigateBackMiniProgram',
  },
  setNavigationBar: {
    group: 'ui',
    doc: '08-setNavigationBar',
    defaults: { reset: false },
  },
  multiLevelSelect: {
    group: 'ui',
    doc: '09-multiLevelSelect',
  },
  alert: {
    group: 'ui',
    doc: '10-alert',
    defaults: { buttonText: 'OK' },
  },
  confirm: {
    group: 'ui',
    doc: '11-confirm',
    defaults: { confirmButtonText: 'OK', cancelButtonText: 'Cancel' },
  },
  prompt: {
    group: 'ui',
    doc: '12-prompt',
    defaults: { align: 'center', okButtonText: 'OK', cancelButtonText: 'Cancel' },
  },
  showActionSheet: {
    group: 'ui',
    doc: '13-showActionSheet',
    defaults: { cancelButtonText: 'Cancel' },
  },
  showLoading: {
    group: 'ui',
    doc: '14-showLoading-hideLoading',
    defaults: { delay: 0 },
  },
  hideLoading: {
    group: 'ui',
    doc: '14-showLoading-hideLoading',
  },
  showToast: {
    group: 'ui',
    doc: '15-showToast-hideToast',
    defaults: { type: 'none', duration: 2000 },
  },
  hideToast: {
    group: 'ui',
    doc: '15-showToast-hideToast',
  },
  choosePhoneContact: {
    group: 'ui',
    doc: '16-choosePhoneContact',
    errors: {
      10: 'No permission.',
      11: 'The user cancels the operation (or the device does not authorize use of the directory).',
    },
  },
  datePicker: {
    group: 'ui',
    doc: '17-datePicker',
    errors: { 11: 'The user cancels the operation and no action is required.' },
    defaults: { format: 'yyyy-MM-dd' },
  },
  chooseImage: {
    group: 'media',
    doc: '18-chooseImage',
    errors: { 11: 'User cancels operation.' },
    defaults: { sizeType: ['original', 'compressed'], sourceType: ['camera', 'album'] },
  },
  previewImage: {
    group: 'media',
    doc: '19-previewImage',
    defaults: { current: 0 },
  },
  saveImage: {
    group: 'media',
    doc: '20-saveImage',
    errors: {
      2: 'Invalid parameter, no url parameter transferred.',
      15: 'Album right not enabled (iOS only).',
      16: 'Insufficient album storage on cellphone (iOS only).',
      17: 'Other errors during picture saving.',
    },
    defaults: { showActionSheet: false },
  },
  getImageInfo: {
    group: 'media',
    doc: '21-getImageInfo',
  },
  compressImage: {
    group: 'media',
    doc: '22-compressImage',
    errors: { 2: 'Compress failed: failed to compress all images (Invalid parameter: failed to compress one of them).' },
    defaults: { compressLevel: 4 },
  },
  chooseVideo: {
    group: 'media',
    doc: '23-chooseVideo',
    errors: {
      2: 'Invalid parameters.',
      3: 'An unknown error occurs.',
      11: 'The operation was canceled by the user.',
      12: 'An error occurs in data processing.',
      13: 'The file size exceeds the limit.',
      14: 'No access to camera.',
      15: 'No access to album.',
    },
    defaults: { sourceType: ['album', 'camera'], compressed: true, maxDuration: 60, camera: 'back' },
  },
  getStorage: {
    group: 'storage',
    doc: '24-getStorage',
  },
  setStorage: {
    group: 'storage',
    doc: '25-setStorage',
    limits: STORAGE_LIMITS,
  },
  removeStorage: {
    group: 'storage',
    doc: '26-removeStorage',
  },
  clearStorage: {
    group: 'storage',
    doc: '27-clearStorage',
  },
  saveFile: {
    group: 'file',
    doc: '28-saveFile',
    limits: { maxTotalBytes: 10485760 },
  },
  getFileInfo: {
    group: 'file',
    doc: '29-getFileInfo',
    defaults: { digestAlgorithm: 'md5' },
  },
  getSavedFileInfo: {
    group: 'file',
    doc: '30-getSavedFileInfo',
  },
  getSavedFileList: {
    group: 'file',
    doc: '31-getSavedFileList',
  },
  removeSavedFile: {
    group: 'file',
    doc: '32-removeSavedFile',
  },
  openDocument: {
    group: 'file',
    doc: '33-openDocument',
    errors: {
      4011: 'File path is invalid or no permission to access incoming path.',
      4012: 'Preview files do not exist.',
      4013: 'File format is not supported.',
    },
  },
  chooseFileFromDisk: {
    group: 'file',
    doc: '34-chooseFileFromDisk',
    h5: true,
    errors: {
      4: 'The JSAPI call is denied.',
      12: 'Errors occur when copying the file.',
      15: 'The user cancels the file selection.',
      16: 'The user denies the permission to read the storage.',
      17: 'No permission to read the storage.',
      18: 'Choosing large file is not supported.',
    },
    limits: { maxFileBytes: 52428800 }, // 50 MB
  },
  getLocation: {
    group: 'location',
    doc: '35-getLocation',
    errors: {
      11: 'Make sure the location related right has been enabled.',
      12: 'Network abnormity, try again later.',
      13: 'Location failure, try again later.',
      14: 'Service location timeout.',
    },
    defaults: { cacheTimeout: 30, type: 0 },
  },
  chooseLocation: {
    group: 'location',
    doc: '36-chooseLocation',
    errors: {
      11: 'Location permission not enabled.',
      12: 'Network abnormity, try again later.',
      13: 'User cancelled the selection.',
    },
  },
  openLocation: {
    group: 'location',
    doc: '37-openLocation',
    errors: {
      11: 'Invalid coordinates provided.',
      12: 'Network abnormity, try again later.',
      13: 'Failed to open map application.',
    },
    defaults: { scale: 15 },
    limits: { minScale: 3, maxScale: 19 },
  },
  request: {
    group: 'network',
    doc: '38-request',
    errors: requestErrors,
    defaults: requestDefaults,
  },
  httpRequest: {
    group: 'network',
    doc: '01-overview',
    errors: requestErrors,
    defaults: requestDefaults,
  },
  downloadFile: {
    group: 'network',
    doc: '39-downloadFile',
    errors: { 12: 'Downloading failed.', 13: 'No right.' },
  },
  uploadFile: {
    group: 'network',
    doc: '40-uploadFile',
    errors: { 11: 'File nonexistent.', 12: 'File uploading failed.', 13: 'No right.' },
    defaults: { timeout: 60000, hideLoading: false },
  },
  qicardShareAppMessage: {
    group: 'essential',
    doc: '41-share',
  },
  getSystemInfo: {
    group: 'device',
    doc: '42-getSystemInfo',
  },
  getNetworkType: {
    group: 'device',
    doc: '43-getNetworkType',
  },
  getClipboard: {
    group: 'device',
    doc: '44-Clipboard',
  },
  setClipboard: {
    group: 'device',
    doc: '44-Clipboard',
  },
  getBatteryInfo: {
    group: 'device',
    doc: '45-getBatteryInfo',
  },
  getScreenBrightness: {
    group: 'device',
    doc: '46-Screen-Brightness',
  },
  setScreenBrightness: {
    group: 'device',
    doc: '46-Screen-Brightness',
    limits: { min: 0, max: 1 },
  },
  addPhoneContact: {
    group: 'device',
    doc: '47-addPhoneContact',
    errors: { 2: 'Call failure; detail includes more information.', 11: 'User cancelled the operation.' },
  },
  makePhoneCall: {
    group: 'device',
    doc: '48-makePhoneCall',
  },
  scan: {
    group: 'device',
    doc: '49-scan',
    errors: { 10: 'User cancelled.', 11: 'Operation failure.' },
    defaults: { type: 'qr', hideAlbum: false },
  },
  vibrate: {
    group: 'device',
    doc: '50-vibrate',
  },
  canIUse: {
    group: 'framework',
    // No page of its own: `my.canIUse` appears in the addPhoneContact page's sample.
    doc: '47-addPhoneContact',
  },
  hideKeyboard: {
    group: 'undocumented',
    doc: 'undocumented',
  },
  setKeepScreenOn: {
    group: 'undocumented',
    doc: 'undocumented',
  },
  getSetting: {
    group: 'undocumented',
    doc: 'undocumented',
  },
  openSetting: {
    group: 'undocumented',
    doc: 'undocumented',
  },
  openInBrowser: {
    group: 'undocumented',
    doc: 'undocumented',
  },
  beehiveGetPOI: {
    group: 'undocumented',
    doc: 'undocumented',
    errors: { 11: 'Location permission not enabled.', 12: 'Network abnormity, try again later.', 13: 'User cancelled the selection.' },
  },
  getFacePhotoData: {
    group: 'undocumented',
    doc: 'undocumented',
  },
};
