/** Which APIs each handler file answers (the docs' groups). `handlers/index.ts` checks they add up to the table. */
export type EssentialApis =
  | 'getAuthCode' | 'qicardSignContract' | 'tradePay' | 'getDeviceInfo'
  | 'navigateToMiniProgram' | 'navigateBackMiniProgram' | 'qicardShareAppMessage';
export type UiApis =
  | 'setNavigationBar' | 'multiLevelSelect' | 'alert' | 'confirm' | 'prompt' | 'showActionSheet'
  | 'showLoading' | 'hideLoading' | 'showToast' | 'hideToast' | 'choosePhoneContact' | 'datePicker';
export type MediaApis = 'chooseImage' | 'previewImage' | 'saveImage' | 'getImageInfo' | 'compressImage' | 'chooseVideo';
export type StorageApis = 'getStorage' | 'setStorage' | 'removeStorage' | 'clearStorage';
export type FileApis =
  | 'saveFile' | 'getFileInfo' | 'getSavedFileInfo' | 'getSavedFileList' | 'removeSavedFile'
  | 'openDocument' | 'chooseFileFromDisk';
export type LocationApis = 'getLocation' | 'chooseLocation' | 'openLocation';
export type NetworkApis = 'request' | 'httpRequest' | 'downloadFile' | 'uploadFile';
export type DeviceApis =
  | 'getSystemInfo' | 'getNetworkType' | 'getClipboard' | 'setClipboard' | 'getBatteryInfo'
  | 'getScreenBrightness' | 'setScreenBrightness' | 'addPhoneContact' | 'makePhoneCall' | 'scan' | 'vibrate';
export type FrameworkApis = 'canIUse';
export type UndocumentedApis =
  | 'hideKeyboard' | 'setKeepScreenOn' | 'getSetting' | 'openSetting' | 'openInBrowser' | 'beehiveGetPOI' | 'getFacePhotoData';
/** The undocumented APIs whose handlers load with the extras (face-photo.ts: its answer carries a JPEG). */
export type LazyUndocumentedApis = 'getFacePhotoData';
