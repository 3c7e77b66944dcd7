/**
 * What the emulator's handlers ask of a user interface. Two implementations: `createDomUi` (a phone
 * frame with real dialogs in a shadow root, `ui: 'dom'`) and `autoUi` (no UI: every question answered
 * at once with the documented default, `ui: 'auto'`). Handlers never know which one they got.
 * Every string passed in is page data and must be rendered as text, never as HTML.
 */
import type { AddPhoneContactParams } from '../../types/device.js';
import type { DatePickerFormat, MultiLevelItem, ShowActionSheetParams, ToastType } from '../../types/ui.js';

/** A contact the emulated phone book holds. */
export interface EmulatorContact {
  /** Display name. */
  name: string;
  /** Mobile number as choosePhoneContact answers it. */
  mobile: string;
}

/** A place on the emulated map. */
export interface EmulatorPlace {
  /** The place's name. */
  name: string;
  /** Its street address. */
  address: string;
  /** Degrees north. */
  latitude: number;
  /** Degrees east. */
  longitude: number;
}

/** The cashier's choices, mapped by the tradePay handler to 9000 / 6001 / 4000 / 8000. */
export type CashierChoice = 'pay' | 'cancel' | 'fail' | 'pending';
/** The signing page's choices, mapped to authCode / '6001' / '6002' / '6003'. */
export type SigningChoice = 'sign' | 'cancel' | 'network-error' | 'fail';

/** The title bar's state as `setNavigationBar` leaves it. */
export interface TitleBarState {
  /** The title text. */
  title: string;
  /** An image URL shown instead of the title. */
  image?: string;
  /** The bar's background colour. */
  backgroundColor?: string;
  /** The colour of the line under the bar. */
  borderBottomColor?: string;
}

/** The questions a host asks its user, each answered by a Promise. */
export interface EmulatorUi {
  /** `'dom'` or `'auto'`. */
  readonly kind: 'dom' | 'auto';
  /** An alert; resolves when its button is pressed. */
  alert(o: { title?: string; content?: string; buttonText: string }): Promise<void>;
  /** true: confirm, false: cancel. */
  confirm(o: { title?: string; content?: string; confirmButtonText: string; cancelButtonText: string }): Promise<boolean>;
  /** `null` when cancelled. */
  prompt(o: {
    title?: string;
    message: string;
    placeholder?: string;
    align: 'left' | 'center' | 'right';
    okButtonText: string;
    cancelButtonText: string;
  }): Promise<string | null>;
  /** The chosen index, -1 for cancel. An empty `cancelButtonText`: no cancel button (Android). */
  actionSheet(o: Omit<ShowActionSheetParams, 'cancelButtonText'> & { cancelButtonText: string }): Promise<number>;
  /** Shows a toast; resolves when it is shown. It hides itself after `duration` ms. */
  showToast(o: { content?: string; type: ToastType; duration: number }): Promise<void>;
  /** Hides the toast now. */
  hideToast(): void;
  /** Shows the loading overlay after `delay` ms unless `hideLoading` comes first. */
  showLoading(o: { content?: string; delay: number }): void;
  /** Hides the loading overlay (or cancels one still waiting for its delay). */
  hideLoading(): void;
  /**
   * A date/time picker. Dates are strings in `format`; `start`/`end` bound the choice.
   * Resolves the chosen string, or `null` when cancelled.
   */
  datePicker(o: { format: DatePickerFormat; current: string; start?: string; end?: string }): Promise<string | null>;
  /** Cascading selection: the chosen path of names, or `null` when cancelled. */
  multiLevelSelect(o: { title?: string; list: readonly MultiLevelItem[] }): Promise<string[] | null>;
  /** Picks one of `contacts`; `null` when cancelled. */
  choosePhoneContact(contacts: readonly EmulatorContact[]): Promise<EmulatorContact | null>;
  /** The add-contact form; true when saved, false when cancelled. */
  addPhoneContact(o: AddPhoneContactParams): Promise<boolean>;
  /** The dialer for `number`; resolves when closed. */
  makePhoneCall(number: string): Promise<void>;
  /** Consent sheet for scopes that need consent; true when granted. */
  consent(o: { scopes: readonly string[]; appName: string; role: 'customer' | 'business' }): Promise<boolean>;
  /**
   * The cashier for a payment. `amount` is in IQD (from the URL, or the sandbox wallet's payment);
   * `merchantName` and `description` (the order's) come from a sandbox wallet.
   */
  cashier(o: { paymentUrl: string; orderId?: string; amount?: string; merchantName?: string; description?: string }): Promise<CashierChoice>;
  /** The QiCard agreement signing page for `authUrl`; `merchantName` and `contractDesc` come from a sandbox wallet. */
  signing(o: { authUrl: string; merchantName?: string; contractDesc?: string }): Promise<SigningChoice>;
  /** The share sheet; true when shared. */
  share(o: { title: string; desc?: string; path?: string; imageUrl?: string }): Promise<boolean>;
  /** Full-screen image preview from `current`; resolves when opened. */
  previewImage(o: { urls: readonly string[]; current: number }): Promise<void>;
  /** A PDF viewer for a blob/object URL; resolves when opened. */
  openDocument(o: { url: string; name: string }): Promise<void>;
  /** A map showing a place; resolves when opened. */
  openLocation(o: { latitude: number; longitude: number; name?: string; address?: string; scale: number }): Promise<void>;
  /** Pick a place (from `places`, or typed in); `null` when cancelled. */
  chooseLocation(places: readonly EmulatorPlace[]): Promise<EmulatorPlace | null>;
  /**
   * The scanner: type a code or pick an image; resolves the code, or `null` when cancelled.
   * `fixture` is the code auto mode answers with (a dom UI may offer it as a suggestion).
   */
  scan(o: { type: 'qr' | 'bar'; hideAlbum: boolean; fixture: string }): Promise<string | null>;
  /**
   * A real file picker (`<input type=file>`): resolves the chosen files, or `null` when cancelled.
   * `fixtures` are what auto mode answers with.
   */
  pickFiles(o: { accept: string; multiple: boolean; fixtures: readonly File[] }): Promise<File[] | null>;
  /** Updates the title bar. */
  setTitleBar(state: TitleBarState | 'reset'): void;
  /** Switches the UI's language (Arabic lays it out right-to-left); auto UIs ignore it. */
  setLanguage?(language: 'en' | 'ar'): void;
  /** Removes everything the UI added to the page. */
  destroy(): void;
  /**
   * Runs `open` (one UI method call) so that what it opens belongs to `owner`; `cancel(owner)` then
   * closes it as if the user cancelled (the page gave up the call: abort, timeout). Optional: a UI
   * without it leaves its dialogs to the user.
   */
  own?<T>(owner: object, open: () => T): T;
  /** Cancels every dialog `owner` opened that is still open. */
  cancel?(owner: object): void;
}
