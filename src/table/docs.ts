/**
 * The documentation of every API row a host (the emulator) also needs, keyed by name: error wording,
 * defaults and limits (the docs' group, page and H5+ form are in pages.ts). Kept out of the runtime rows (src/table/<group>.ts) so that
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

/** Every row's documentation, in the docs' order (`satisfies`: the error codes stay literal types, for `ApiErrorCode`). */
export const DOCS = {
  getAuthCode: {
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
    errors: {
      6001: 'User cancelled the signing process.',
      6002: 'Network exception prevented signing.',
      6003: 'Signing failed due to service error.',
    },
  },
  tradePay: {
    errors: {
      9000: 'Payment successful.',
      8000: 'Payment processing; final status pending.',
      4000: 'Payment failed.',
      6001: 'User cancelled the payment.',
      6002: 'Network exception occurred.',
      6004: 'Unknown payment result; retry status query.',
    },
  },
  getDeviceInfo: {},
  navigateToMiniProgram: {},
  navigateBackMiniProgram: {},
  setNavigationBar: {
    defaults: { reset: false },
  },
  multiLevelSelect: {},
  alert: {
    defaults: { buttonText: 'OK' },
  },
  confirm: {
    defaults: { confirmButtonText: 'OK', cancelButtonText: 'Cancel' },
  },
  prompt: {
    defaults: { align: 'center', okButtonText: 'OK', cancelButtonText: 'Cancel' },
  },
  showActionSheet: {
    defaults: { cancelButtonText: 'Cancel' },
  },
  showLoading: {
    defaults: { delay: 0 },
  },
  hideLoading: {},
  showToast: {
    defaults: { type: 'none', duration: 2000 },
  },
  hideToast: {},
  choosePhoneContact: {
    errors: {
      10: 'No permission.',
      11: 'The user cancels the operation (or the device does not authorize use of the directory).',
    },
  },
  datePicker: {
    errors: { 11: 'The user cancels the operation and no action is required.' },
    defaults: { format: 'yyyy-MM-dd' },
  },
  chooseImage: {
    errors: { 11: 'User cancels operation.' },
    defaults: { sizeType: ['original', 'compressed'], sourceType: ['camera', 'album'] },
  },
  previewImage: {
    defaults: { current: 0 },
  },
  saveImage: {
    errors: {
      2: 'Invalid parameter, no url parameter transferred.',
      15: 'Album right not enabled (iOS only).',
      16: 'Insufficient album storage on cellphone (iOS only).',
      17: 'Other errors during picture saving.',
    },
    defaults: { showActionSheet: false },
  },
  getImageInfo: {},
  compressImage: {
    errors: { 2: 'Compress failed: failed to compress all images (Invalid parameter: failed to compress one of them).' },
    defaults: { compressLevel: 4 },
  },
  chooseVideo: {
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
  getStorage: {},
  setStorage: {
    limits: STORAGE_LIMITS,
  },
  removeStorage: {},
  clearStorage: {},
  saveFile: {
    limits: { maxTotalBytes: 10485760 },
  },
  getFileInfo: {
    defaults: { digestAlgorithm: 'md5' },
  },
  getSavedFileInfo: {},
  getSavedFileList: {},
  removeSavedFile: {},
  openDocument: {
    errors: {
      4011: 'File path is invalid or no permission to access incoming path.',
      4012: 'Preview files do not exist.',
      4013: 'File format is not supported.',
    },
  },
  chooseFileFromDisk: {
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
    errors: {
      11: 'Make sure the location related right has been enabled.',
      12: 'Network abnormity, try again later.',
      13: 'Location failure, try again later.',
      14: 'Service location timeout.',
    },
    defaults: { cacheTimeout: 30, type: 0 },
  },
  chooseLocation: {
    errors: {
      11: 'Location permission not enabled.',
      12: 'Network abnormity, try again later.',
      13: 'User cancelled the selection.',
    },
  },
  openLocation: {
    errors: {
      11: 'Invalid coordinates provided.',
      12: 'Network abnormity, try again later.',
      13: 'Failed to open map application.',
    },
    defaults: { scale: 15 },
    limits: { minScale: 3, maxScale: 19 },
  },
  request: {
    errors: requestErrors,
    defaults: requestDefaults,
  },
  httpRequest: {
    errors: requestErrors,
    defaults: requestDefaults,
  },
  downloadFile: {
    errors: { 12: 'Downloading failed.', 13: 'No right.' },
  },
  uploadFile: {
    errors: { 11: 'File nonexistent.', 12: 'File uploading failed.', 13: 'No right.' },
    defaults: { timeout: 60000, hideLoading: false },
  },
  qicardShareAppMessage: {},
  getSystemInfo: {},
  getNetworkType: {},
  getClipboard: {},
  setClipboard: {},
  getBatteryInfo: {},
  getScreenBrightness: {},
  setScreenBrightness: {
    limits: { min: 0, max: 1 },
  },
  addPhoneContact: {
    errors: { 2: 'Call failure; detail includes more information.', 11: 'User cancelled the operation.' },
  },
  makePhoneCall: {},
  scan: {
    errors: { 10: 'User cancelled.', 11: 'Operation failure.' },
    defaults: { type: 'qr', hideAlbum: false },
  },
  vibrate: {},
  canIUse: {},
  hideKeyboard: {},
  setKeepScreenOn: {},
  getSetting: {},
  openSetting: {},
  openInBrowser: {},
  beehiveGetPOI: {
    errors: { 11: 'Location permission not enabled.', 12: 'Network abnormity, try again later.', 13: 'User cancelled the selection.' },
  },
  getFacePhotoData: {},
} satisfies { readonly [K in ApiName]: ApiDocs<ApiParams<K>> };
