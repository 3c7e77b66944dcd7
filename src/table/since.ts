/**
 * Every API of the table with the host version its row needs (`since`), read off the rows one by one:
 * what `canIUse` needs of the table. Static reads, so a bundler that tree-shakes object properties
 * keeps only `since` of each row here, and `canIUse` never pulls `TABLE` (and its documentation) in.
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
import type { ApiName } from './index.js';

/** API name → the lowest host version it needs, or undefined. `satisfies`: exactly the names of `TABLE`. */
export const SINCE = {
  getAuthCode: essential.getAuthCode.since,
  qicardSignContract: essential.qicardSignContract.since,
  tradePay: essential.tradePay.since,
  getDeviceInfo: essential.getDeviceInfo.since,
  navigateToMiniProgram: essential.navigateToMiniProgram.since,
  navigateBackMiniProgram: essential.navigateBackMiniProgram.since,
  setNavigationBar: ui.setNavigationBar.since,
  multiLevelSelect: ui.multiLevelSelect.since,
  alert: ui.alert.since,
  confirm: ui.confirm.since,
  prompt: ui.prompt.since,
  showActionSheet: ui.showActionSheet.since,
  showLoading: ui.showLoading.since,
  hideLoading: ui.hideLoading.since,
  showToast: ui.showToast.since,
  hideToast: ui.hideToast.since,
  choosePhoneContact: ui.choosePhoneContact.since,
  datePicker: ui.datePicker.since,
  chooseImage: media.chooseImage.since,
  previewImage: media.previewImage.since,
  saveImage: media.saveImage.since,
  getImageInfo: media.getImageInfo.since,
  compressImage: media.compressImage.since,
  chooseVideo: media.chooseVideo.since,
  getStorage: storage.getStorage.since,
  setStorage: storage.setStorage.since,
  removeStorage: storage.removeStorage.since,
  clearStorage: storage.clearStorage.since,
  saveFile: file.saveFile.since,
  getFileInfo: file.getFileInfo.since,
  getSavedFileInfo: file.getSavedFileInfo.since,
  getSavedFileList: file.getSavedFileList.since,
  removeSavedFile: file.removeSavedFile.since,
  openDocument: file.openDocument.since,
  chooseFileFromDisk: file.chooseFileFromDisk.since,
  getLocation: location.getLocation.since,
  chooseLocation: location.chooseLocation.since,
  openLocation: location.openLocation.since,
  request: network.request.since,
  httpRequest: network.httpRequest.since,
  downloadFile: network.downloadFile.since,
  uploadFile: network.uploadFile.since,
  qicardShareAppMessage: essential.qicardShareAppMessage.since,
  getSystemInfo: device.getSystemInfo.since,
  getNetworkType: device.getNetworkType.since,
  getClipboard: device.getClipboard.since,
  setClipboard: device.setClipboard.since,
  getBatteryInfo: device.getBatteryInfo.since,
  getScreenBrightness: device.getScreenBrightness.since,
  setScreenBrightness: device.setScreenBrightness.since,
  addPhoneContact: device.addPhoneContact.since,
  makePhoneCall: device.makePhoneCall.since,
  scan: device.scan.since,
  vibrate: device.vibrate.since,
  canIUse: framework.canIUse.since,
} satisfies { readonly [K in ApiName]: string | undefined };
