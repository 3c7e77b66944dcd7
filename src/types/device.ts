/** Success payload of `my.getSystemInfo`. */
export interface SystemInfo {
  /** Device model. */
  model: string;
  /** Device pixel ratio. */
  pixelRatio: number;
  /** Window width in px. */
  windowWidth: number;
  /** Window height in px. */
  windowHeight: number;
  /** System language. */
  language: string;
  /** Version number. */
  version: string;
  /** Storage capacity of the device. */
  storage: string;
  /** Current battery level. */
  currentBattery: string;
  /** System version. */
  system: string;
  /** System platform. */
  platform: string;
  /** Title bar height. */
  titleBarHeight: string;
  /** Status bar height. */
  statusBarHeight: string;
  /** Screen width in px. */
  screenWidth: number;
  /** Screen height in px. */
  screenHeight: number;
  /** Device brand. */
  brand: string;
  /** User font size setting. */
  fontSizeSetting: number;
  /** Host app name. */
  app: string;
  /** Safe area information. */
  safeArea: {
    /** Top edge, px from the top of the screen. */
    top: number;
    /** Left edge, px from the left of the screen. */
    left: number;
    /** Right edge, px from the left of the screen. */
    right: number;
    /** Bottom edge, px from the top of the screen. */
    bottom: number;
    /** Width in px. */
    width: number;
    /** Height in px. */
    height: number;
  };
}

/** `getNetworkType` values. */
export type NetworkType = 'WIFI' | '2G' | '3G' | '4G' | 'UNKNOWN' | 'NOTREACHABLE' | 'NONE';
/** Success payload of `my.getNetworkType`. */
export interface NetworkTypeResult {
  /** Whether the network is available. */
  networkAvailable: boolean;
  /** Network type. */
  networkType: NetworkType;
}
/** Success payload of `my.getClipboard`; parameters of `my.setClipboard`. */
export interface ClipboardText {
  /** Clipboard content. */
  text: string;
}
/** Success payload of `my.getBatteryInfo`. */
export interface BatteryInfo {
  /** Battery level of the current device (0–100). */
  level: number;
  /** Whether the device is currently charging. */
  isCharging: boolean;
}
/** Success payload of `my.getScreenBrightness`; parameters of `my.setScreenBrightness`. */
export interface ScreenBrightness {
  /** Screen brightness, range 0–1. */
  brightness: number;
}
/** Parameters of `my.addPhoneContact`; every field is optional. */
export interface AddPhoneContactParams {
  /** Local file path of avatar. */ photoFilePath?: string;
  /** Nickname. */ nickName?: string;
  /** Surname. */ lastName?: string;
  /** Middle name. */ middleName?: string;
  /** First name. */ firstName?: string;
  /** Remarks. */ remark?: string;
  /** Cell number. */ mobilePhoneNumber?: string;
  /** Home phone. */ homePhoneNumber?: string;
  /** Work phone. */ workPhoneNumber?: string;
  /** Home fax. */ homeFaxNumber?: string;
  /** Work fax. */ workFaxNumber?: string;
  /** Company phone number. */ hostNumber?: string;
  /** Country in contact address. */ addressCountry?: string;
  /** Province in contact address. */ addressState?: string;
  /** City in contact address. */ addressCity?: string;
  /** Street in contact address. */ addressStreet?: string;
  /** Postcode in contact address. */ addressPostalCode?: string;
  /** Country in work address. */ workAddressCountry?: string;
  /** Province in work address. */ workAddressState?: string;
  /** City in work address. */ workAddressCity?: string;
  /** Street in work address. */ workAddressStreet?: string;
  /** Postcode in work address. */ workAddressPostalCode?: string;
  /** Country in home address. */ homeAddressCountry?: string;
  /** Province in home address. */ homeAddressState?: string;
  /** City in home address. */ homeAddressCity?: string;
  /** Street in home address. */ homeAddressStreet?: string;
  /** Postcode in home address. */ homeAddressPostalCode?: string;
  /** Company. */ organization?: string;
  /** Job title. */ title?: string;
  /** Email. */ email?: string;
  /** Website. */ url?: string;
}
/** Success payload of `my.addPhoneContact`. */
export interface AddPhoneContactResult {
  /** `true`. */
  success: boolean;
}
/** Parameters of `my.makePhoneCall`. */
export interface MakePhoneCallParams {
  /** Phone number to call. */
  number: string;
}
/** Parameters of `my.scan`. */
export interface ScanParams {
  /** `qr` (default) or `bar`. */
  type?: 'qr' | 'bar';
  /** `true`: camera only; `false` (default): the user may pick an image from the album. */
  hideAlbum?: boolean;
}
/** Success payload of `my.scan`. */
export interface ScanResult {
  /** Data returned from scanning (generic). */
  code: string;
  /** QR code data returned from scanning. */
  qrCode?: string;
  /** Barcode data returned from scanning. */
  barCode?: string;
}
