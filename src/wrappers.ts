/**
 * One Promise-first wrapper per row of the API table. Each returns a Promise of the typed result,
 * also honours success/fail/complete in its options, and takes per-call `{ timeout, signal }`.
 * Rejections are `SuperQiError`s: `UserCancelledError` for the page's cancel codes, `HostError` for
 * other documented codes (`code`, `errorMessage`, `raw`), `InvalidParamsError`, `TimeoutError`,
 * `AbortedError`, `NotInHostError`, `UnsupportedError`.
 */
import { api, type ApiFunction } from './core/api.js';
import type { CallOptions } from './core/invoke.js';
import { needs } from './core/needs.js';
import { renamed } from './core/renames.js';
import { finishTradePay } from './core/trade-pay.js';
import type { SuperQiError } from './errors/superqi-error.js';
import type { HostAck, JsonValue } from './types/common.js';
import type { TradePayParams, TradePayResult } from './types/essential.js';
import type { RequestParams, RequestResult } from './types/network.js';
import type { StorageKeyParams, GetStorageResult, SetStorageParams } from './types/storage.js';
import type { ApiCallbacks } from './core/api.js';
import * as essential from './table/essential.js';
import * as ui from './table/ui.js';
import * as media from './table/media.js';
import * as storage from './table/storage.js';
import * as file from './table/file.js';
import * as location from './table/location.js';
import * as network from './table/network.js';
import * as device from './table/device.js';
import * as undocumented from './table/undocumented.js';

// ── essential ────────────────────────────────────────────────────────────────────────────────────

/**
 * `my.getAuthCode`: asks the user to authorize `scopes` and resolves `{ authCode }`, which your backend
 * exchanges through `applyToken`. Silent scopes (`auth_base`, `USER_ID`, `USER_LOGIN_ID`, `HASH_LOGIN_ID`)
 * show no UI. Errors: 3/1000 unknown, 1001 user cancel (`UserCancelledError`), 1002 app service error,
 * 1003 timeout, 2001 auth pending agreement. Failures keep `authErrorScopes`; an answer without
 * `authCode` (the docs' failure example has only `authErrorScopes`) rejects with a `HostError` (code 3).
 * @example const { authCode } = await getAuthCode({ scopes: ['auth_base', 'USER_ID'] });
 */
export const getAuthCode = /* @__PURE__ */ api('getAuthCode', essential.getAuthCode, /* @__PURE__ */ needs('authCode'));

/**
 * `AlipayJSBridge.call('qicardSignContract')`: opens the QiCard signing page for `authUrl` (from the
 * wallet) and resolves `{ authCode }` (max 32 characters) for an agreement token. Needs host runtime
 * 1.24.6 or higher. Errors (string `errorCode`): '6001' user cancelled (`UserCancelledError`), '6002'
 * network exception, '6003' service error. An answer without `authCode` rejects with a `HostError` (code 3).
 */
export const qicardSignContract = /* @__PURE__ */ api('qicardSignContract', essential.qicardSignContract, /* @__PURE__ */ needs('authCode'));

/**
 * `my.tradePay`: opens the cashier for `paymentUrl` (the `pay` response's
 * `redirectActionForm.redirectionUrl`). Resolves `{ resultCode, status }` for every documented result
 * code, whichever callback the host used: 9000 success, 8000 processing, 4000 failed, 6001 cancelled,
 * 6002 network-error, 6004 unknown (query the payment status). `fail` callbacks still receive
 * 4000/6001/6002, as pages written for the closed SDK expect. Rejects only for other failures.
 * @example const { status } = await tradePay({ paymentUrl });
 */
export const tradePay: ApiFunction<TradePayParams, TradePayResult, SuperQiError | TradePayResult> =
  /* @__PURE__ */ api('tradePay', essential.tradePay, finishTradePay);

/**
 * `my.getDeviceInfo` (also documented as `AlipayJSBridge.call('getDeviceInfo')`): language, `isProdEnv`
 * ("true"/"false"), `currentRole` ("customer"/"business"), systemInfo, hardwareInfo, loginTime.
 */
export const getDeviceInfo = /* @__PURE__ */ api('getDeviceInfo', essential.getDeviceInfo);

/** `my.navigateToMiniProgram`: jumps to the Mini Program `appId`, at `path` (homepage if empty), with `extraData`. */
export const navigateToMiniProgram = /* @__PURE__ */ api('navigateToMiniProgram', essential.navigateToMiniProgram);

/** `my.navigateBackMiniProgram`: returns to the Mini Program that opened this one, with `extraData`. */
export const navigateBackMiniProgram = /* @__PURE__ */ api('navigateBackMiniProgram', essential.navigateBackMiniProgram);

/**
 * `AlipayJSBridge.call('qicardShareAppMessage')` (the "share" page, H5+ only): shares `title` (required),
 * `desc`, `path`, `imageUrl`; resolves `{ shareResult }`.
 */
export const qicardShareAppMessage = /* @__PURE__ */ api('qicardShareAppMessage', essential.qicardShareAppMessage);

// ── UI ───────────────────────────────────────────────────────────────────────────────────────────

/** `my.setNavigationBar`: `title`, `image` (https, 3x, no SVG; hides the title), `backgroundColor`, `borderBottomColor`, `reset`. */
export const setNavigationBar = /* @__PURE__ */ api('setNavigationBar', ui.setNavigationBar);

/** `my.multiLevelSelect`: cascade selection over `list`; resolves `{ success, result }`, `success: false` when cancelled. */
export const multiLevelSelect = /* @__PURE__ */ api('multiLevelSelect', ui.multiLevelSelect);

/** `my.alert`: a modal dialog with `title`, `content` and one button (`buttonText`, "OK" by default); resolves when tapped. */
export const alert = /* @__PURE__ */ api('alert', ui.alert);

/** `my.confirm`: a modal dialog with two buttons; resolves `{ confirm }` — true for confirm, false for cancel. */
export const confirm = /* @__PURE__ */ api('confirm', ui.confirm, renamed);

/** `my.prompt`: a dialog with a text input (`message` required); resolves `{ ok, inputValue }`. */
export const prompt = /* @__PURE__ */ api('prompt', ui.prompt);

/** `my.showActionSheet`: a menu of `items`; resolves `{ index }`, `-1` for the cancel button. */
export const showActionSheet = /* @__PURE__ */ api('showActionSheet', ui.showActionSheet);

/** `my.showLoading`: a blocking loading indicator; with `delay` (ms), not shown if `hideLoading` comes first. */
export const showLoading = /* @__PURE__ */ api('showLoading', ui.showLoading);

/** `my.hideLoading`: hides the loading indicator. */
export const hideLoading = /* @__PURE__ */ api('hideLoading', ui.hideLoading);

/** `my.showToast`: a toast of `type` success/fail/exception/none (`content` mandatory for exception) for `duration` ms (2000 by default). */
export const showToast = /* @__PURE__ */ api('showToast', ui.showToast);

/** `my.hideToast`: dismisses the toast before its duration expires. */
export const hideToast = /* @__PURE__ */ api('hideToast', ui.hideToast);

/** `my.choosePhoneContact`: resolves `{ name, mobile }`. Errors: 10 no permission, 11 user cancels (`UserCancelledError`). */
export const choosePhoneContact = /* @__PURE__ */ api('choosePhoneContact', ui.choosePhoneContact);

/** `my.datePicker`: resolves `{ date }` in `format` (yyyy-MM-dd by default; HH:mm, yyyy-MM-dd HH:mm, yyyy-MM, yyyy). Error 11: user cancels. */
export const datePicker = /* @__PURE__ */ api('datePicker', ui.datePicker);

// ── media ────────────────────────────────────────────────────────────────────────────────────────

/** `my.chooseImage`: resolves `{ apFilePaths }` from camera or album. Error 11: user cancels. */
export const chooseImage = /* @__PURE__ */ api('chooseImage', media.chooseImage);

/** `my.previewImage`: full-screen preview of http(s) `urls` (local paths are not supported), starting at `current`. */
export const previewImage = /* @__PURE__ */ api('previewImage', media.previewImage);

/** `my.saveImage`: saves the image at `url` to the gallery. Errors: 2 no url, 15 album right not enabled, 16 insufficient storage, 17 other. */
export const saveImage = /* @__PURE__ */ api('saveImage', media.saveImage);

/** `my.getImageInfo`: `{ width, height, path, orientation, type }` of a network, apFilePath or relative `src`. */
export const getImageInfo = /* @__PURE__ */ api('getImageInfo', media.getImageInfo);

/** `my.compressImage`: re-encodes `apFilePaths` at `compressLevel` 0/1/2/4 (4 by default); resolves new `apFilePaths`. Error 2: compress failed. */
export const compressImage = /* @__PURE__ */ api('compressImage', media.compressImage);

/** `my.chooseVideo`: resolves `{ tempFilePath, duration, size, height, width }`. Errors 2, 3, 11 cancel, 12, 13 too large, 14 camera, 15 album. */
export const chooseVideo = /* @__PURE__ */ api('chooseVideo', media.chooseVideo);

// ── storage ──────────────────────────────────────────────────────────────────────────────────────

/** `my.getStorage`: resolves `{ data }` for `key`; `data` is `null` when the key is missing. */
export const getStorage: <T = JsonValue>(
  params: StorageKeyParams & ApiCallbacks<GetStorageResult<T>>,
  options?: CallOptions,
) => Promise<GetStorageResult<T>> = /* @__PURE__ */ api('getStorage', storage.getStorage) as never;

/**
 * `my.setStorage`: stores `data` (object or string) under `key`; an item is at most 200×1024 characters,
 * a miniapp's cache at most 10 MB. `data` may be any JSON-compatible value, interfaces included; a
 * function, symbol or bigint anywhere in it is a type error.
 */
export const setStorage: <T>(
  params: SetStorageParams<T> & ApiCallbacks<HostAck>,
  options?: CallOptions,
) => Promise<HostAck> = /* @__PURE__ */ api('setStorage', storage.setStorage) as never;

/** `my.removeStorage`: removes `key`; succeeds when it does not exist. */
export const removeStorage = /* @__PURE__ */ api('removeStorage', storage.removeStorage);

/** `my.clearStorage`: clears this miniapp's cache. */
export const clearStorage = /* @__PURE__ */ api('clearStorage', storage.clearStorage);

// ── file ─────────────────────────────────────────────────────────────────────────────────────────

/** `my.saveFile`: persists a temporary `apFilePath`; resolves the saved `apFilePath`. Saved files total at most 10 MB. */
export const saveFile = /* @__PURE__ */ api('saveFile', file.saveFile);

/** `my.getFileInfo`: `{ size, digest }` with `digestAlgorithm` md5 (default) or sha1. */
export const getFileInfo = /* @__PURE__ */ api('getFileInfo', file.getFileInfo);

/** `my.getSavedFileInfo`: `{ size, createTime }` of a saved file. */
export const getSavedFileInfo = /* @__PURE__ */ api('getSavedFileInfo', file.getSavedFileInfo);

/** `my.getSavedFileList`: `{ fileList }` of every file saved with `saveFile`. */
export const getSavedFileList = /* @__PURE__ */ api('getSavedFileList', file.getSavedFileList);

/** `my.removeSavedFile`: deletes a saved file. */
export const removeSavedFile = /* @__PURE__ */ api('removeSavedFile', file.removeSavedFile);

/** `my.openDocument`: previews a PDF (`fileType: 'pdf'`). Errors: 4011 invalid path, 4012 file does not exist, 4013 format not supported. */
export const openDocument = /* @__PURE__ */ api('openDocument', file.openDocument);

/**
 * `my.chooseFileFromDisk` (also `AlipayJSBridge.call('chooseFileFromDisk')`): resolves `{ apFilePath }`.
 * Files over 50 MB give error 18. Errors: 4 denied, 12 copy failed, 15 user cancels, 16/17 storage permission.
 */
export const chooseFileFromDisk = /* @__PURE__ */ api('chooseFileFromDisk', file.chooseFileFromDisk);

// ── location ─────────────────────────────────────────────────────────────────────────────────────

/** `my.getLocation`: `{ longitude, latitude, accuracy }` as strings. Errors: 11 permission, 12 network, 13 failure, 14 timeout. */
export const getLocation = /* @__PURE__ */ api('getLocation', location.getLocation);

/** `my.chooseLocation`: the user picks a place; `{ name, address, latitude, longitude }` (numbers). Errors: 11 permission, 12 network, 13 user cancelled. */
export const chooseLocation = /* @__PURE__ */ api('chooseLocation', location.chooseLocation);

/** `my.openLocation`: shows `longitude`/`latitude` (strings) on a map, `scale` 3–19 (15 by default). Errors: 11 invalid coordinates, 12 network, 13 failed to open. */
export const openLocation = /* @__PURE__ */ api('openLocation', location.openLocation);

// ── network ──────────────────────────────────────────────────────────────────────────────────────

/** A request in flight: a Promise of the result with `abort()`, like the docs' `RequestTask`. */
export type RequestTask<T> = Promise<T> & {
  /** Stops waiting: the call rejects with `AbortedError`. */
  abort(): void;
};

/** Signature of `request` and `httpRequest`. */
export type RequestFunction = <T = JsonValue>(
  params: RequestParams & ApiCallbacks<RequestResult<T>>,
  options?: CallOptions,
) => RequestTask<RequestResult<T>>;

/**
 * `my.request`: GET or POST to `url`; resolves `{ data, status, headers }`. Default headers
 * `{'content-type': 'application/json'}`, timeout 30000 ms, `dataType` json. Returns a RequestTask with
 * `abort()`. Errors: 2 bad parameter, 4 domain not whitelisted, 12 network, 13 timeout, 14 decoding, 19 HTTP, 20 stopped.
 */
export const request: RequestFunction = /* @__PURE__ */ api('request', network.request, undefined, true) as never;

/** `my.httpRequest`: the docs' overview name for `request`, with the same parameters and answers. */
export const httpRequest: RequestFunction = /* @__PURE__ */ api('httpRequest', network.httpRequest, undefined, true) as never;

/** `my.downloadFile`: downloads `url` to a temporary `apFilePath`. Errors: 12 downloading failed, 13 no right. */
export const downloadFile = /* @__PURE__ */ api('downloadFile', network.downloadFile);

/**
 * `my.uploadFile`: multipart upload of `filePath` under the field `fileName`, with `formData`; resolves
 * `{ data, statusCode, header }`. Timeout 60000 ms by default. Errors: 11 file nonexistent, 12 upload failed, 13 no right.
 */
export const uploadFile = /* @__PURE__ */ api('uploadFile', network.uploadFile);

// ── device ───────────────────────────────────────────────────────────────────────────────────────

/** `my.getSystemInfo`: model, pixelRatio, window and screen sizes, language, version, platform, safeArea and more. */
export const getSystemInfo = /* @__PURE__ */ api('getSystemInfo', device.getSystemInfo);

/** `my.getNetworkType`: `{ networkAvailable, networkType }` — WIFI, 2G, 3G, 4G, UNKNOWN, NOTREACHABLE or NONE. */
export const getNetworkType = /* @__PURE__ */ api('getNetworkType', device.getNetworkType);

/** `my.getClipboard`: `{ text }` of the clipboard. */
export const getClipboard = /* @__PURE__ */ api('getClipboard', device.getClipboard);

/** `my.setClipboard`: copies `text` to the clipboard. */
export const setClipboard = /* @__PURE__ */ api('setClipboard', device.setClipboard);

/** `my.getBatteryInfo`: `{ level, isCharging }`, level 0–100. */
export const getBatteryInfo = /* @__PURE__ */ api('getBatteryInfo', device.getBatteryInfo);

/** `my.getScreenBrightness`: `{ brightness }`, 0–1. */
export const getScreenBrightness = /* @__PURE__ */ api('getScreenBrightness', device.getScreenBrightness);

/** `my.setScreenBrightness`: sets `brightness`, which must be between 0 and 1. */
export const setScreenBrightness = /* @__PURE__ */ api('setScreenBrightness', device.setScreenBrightness);

/** `my.addPhoneContact`: adds a contact (every field optional); resolves `{ success: true }`. Errors: 11 user cancelled, 2 call failure. */
export const addPhoneContact = /* @__PURE__ */ api('addPhoneContact', device.addPhoneContact);

/** `my.makePhoneCall`: opens the dialer with `number`. */
export const makePhoneCall = /* @__PURE__ */ api('makePhoneCall', device.makePhoneCall);

/** `my.scan`: reads a QR code (`type: 'qr'`, default) or barcode; `{ code, qrCode?, barCode? }`. Errors: 10 user cancelled, 11 operation failure. */
export const scan = /* @__PURE__ */ api('scan', device.scan);

/** `my.vibrate`: a short vibration. */
export const vibrate = /* @__PURE__ */ api('vibrate', device.vibrate);

// ── not in the docs ──────────────────────────────────────────────────────────────────────────────
// Real Super Qi pages call these; the docs (04-jsapi) omit them. Typed from what Alipay+ hosts
// answer: a given Super Qi build may answer differently (check with `isSupported(name)`).

/** `my.hideKeyboard` (not in the Super Qi docs): closes the soft keyboard. */
export const hideKeyboard = /* @__PURE__ */ api('hideKeyboard', undocumented.hideKeyboard);

/** `my.setKeepScreenOn` (not in the Super Qi docs): `keepScreenOn: true` keeps the screen on while the miniapp is in front. */
export const setKeepScreenOn = /* @__PURE__ */ api('setKeepScreenOn', undocumented.setKeepScreenOn);

/** `my.getSetting` (not in the Super Qi docs): `{ authSetting }`, permission → allowed, for the permissions this miniapp asked for. */
export const getSetting = /* @__PURE__ */ api('getSetting', undocumented.getSetting);

/** `my.openSetting` (not in the Super Qi docs): opens the permission settings; resolves `{ authSetting }` when the user returns. */
export const openSetting = /* @__PURE__ */ api('openSetting', undocumented.openSetting);

/** `AlipayJSBridge.call('openInBrowser')` (not in the Super Qi docs): opens `url` in the system browser. */
export const openInBrowser = /* @__PURE__ */ api('openInBrowser', undocumented.openInBrowser);

/**
 * `AlipayJSBridge.call('beehiveGetPOI')` (not in the Super Qi docs): a point-of-interest picker, like
 * chooseLocation; resolves `{ name, address, latitude, longitude }`. Error 13: user cancelled (`UserCancelledError`).
 */
export const beehiveGetPOI = /* @__PURE__ */ api('beehiveGetPOI', undocumented.beehiveGetPOI);

/**
 * `AlipayJSBridge.call('getFacePhotoData', { scene })` (not in the Super Qi docs): the host's face
 * capture. Qi's own page sends `scene: 'QUERY_KYC_INFO'` and reads `status === 'success'` and `photo`
 * (base64 JPEG, with or without a `data:` prefix); the result is the host's object as it came.
 */
export const getFacePhotoData = /* @__PURE__ */ api('getFacePhotoData', undocumented.getFacePhotoData);
