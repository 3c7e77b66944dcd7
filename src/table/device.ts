import type { ApiRow } from './row.js';
import type { HostAck, NoParams } from '../types/common.js';
import type { SystemInfo, NetworkTypeResult, ClipboardText, BatteryInfo, ScreenBrightness, AddPhoneContactParams, AddPhoneContactResult, MakePhoneCallParams, ScanParams, ScanResult } from '../types/device.js';

/** getSystemInfo: model, screen, language, host version and more. */
export const getSystemInfo: ApiRow<NoParams, SystemInfo> = { params: {} };

/** getNetworkType: whether the network is available and its type. */
export const getNetworkType: ApiRow<NoParams, NetworkTypeResult> = {
  params: {},
};

/** getClipboard: the clipboard's text. */
export const getClipboard: ApiRow<NoParams, ClipboardText> = { params: {} };

/** setClipboard: writes text to the clipboard. */
export const setClipboard: ApiRow<ClipboardText, HostAck> = {
  params: { text: 'S' },
};

/** getBatteryInfo: battery level (0–100) and charging state. */
export const getBatteryInfo: ApiRow<NoParams, BatteryInfo> = {
  params: {},
};

/** getScreenBrightness: the screen brightness, 0–1. */
export const getScreenBrightness: ApiRow<NoParams, ScreenBrightness> = {
  params: {},
};

/** setScreenBrightness: sets the screen brightness; the value must be between 0 and 1. */
export const setScreenBrightness: ApiRow<ScreenBrightness, HostAck> = {
  params: { brightness: 'N' },
};

/** addPhoneContact: adds a contact to the phone, from a form the user confirms. */
export const addPhoneContact: ApiRow<AddPhoneContactParams, AddPhoneContactResult> = {
  params: {
    photoFilePath: 's', nickName: 's', lastName: 's', middleName: 's', firstName: 's', remark: 's',
    mobilePhoneNumber: 's', homePhoneNumber: 's', workPhoneNumber: 's', homeFaxNumber: 's', workFaxNumber: 's',
    hostNumber: 's', addressCountry: 's', addressState: 's', addressCity: 's', addressStreet: 's',
    addressPostalCode: 's', workAddressCountry: 's', workAddressState: 's', workAddressCity: 's',
    workAddressStreet: 's', workAddressPostalCode: 's', homeAddressCountry: 's', homeAddressState: 's',
    homeAddressCity: 's', homeAddressStreet: 's', homeAddressPostalCode: 's', organization: 's', title: 's',
    email: 's', url: 's',
  },
  cancel: [11],
  ui: true,
};

/** makePhoneCall: opens the dialer with a number. (Classic hosts do this with `openInBrowser` and a `tel:` URL.) */
export const makePhoneCall: ApiRow<MakePhoneCallParams, HostAck> = {
  params: { number: 'S' },
  // The host asks the user before dialling (the emulator waits for that answer).
  ui: true,
};

/** scan: reads a QR code or barcode. */
export const scan: ApiRow<ScanParams, ScanResult> = {
  params: { type: 's', hideAlbum: 'b' },
  cancel: [10],
  ui: true,
};

/** vibrate: a short vibration. */
export const vibrate: ApiRow<NoParams, HostAck> = { params: {} };
