/** Parameters of `my.setNavigationBar`. */
export interface SetNavigationBarParams {
  /** Navigation bar title. */
  title?: string;
  /** Picture link address, must be https, 3x; when set, `title` is inactive. SVG is not supported. */
  image?: string;
  /** Navigation bar background color, hex. */
  backgroundColor?: string;
  /** Bottom border color, hex; no effect when `backgroundColor` is set. */
  borderBottomColor?: string;
  /** Whether the navigation bar is reset to the default color, false by default. */
  reset?: boolean;
}

/** One entry of a `multiLevelSelect` list. */
export interface MultiLevelItem {
  /** Entry name. */
  name: string;
  /** Sub-entry list. */
  subList?: readonly MultiLevelItem[];
}
/** Parameters of `my.multiLevelSelect`. */
export interface MultiLevelSelectParams {
  /** Title. */
  title?: string;
  /** Selection data list. */
  list: readonly MultiLevelItem[];
}
/** Success payload of `my.multiLevelSelect`. */
export interface MultiLevelSelectResult {
  /** Selection completed or not, returning false for cancellation. */
  success: boolean;
  /** Selection result, such as `[{"name":"City"},{"name":"District A"},{"name":"Street A"}]`. */
  result?: {
    /** The entry's name at that level. */
    name: string;
  }[];
}

/** Parameters of `my.alert`. */
export interface AlertParams {
  /** Title of the alert box. */
  title?: string;
  /** Contents of the alert box. */
  content?: string;
  /** Button text, which is OK by default. */
  buttonText?: string;
}

/** Parameters of `my.confirm`. */
export interface ConfirmParams {
  /** Title of the confirm box. */
  title?: string;
  /** Content of the confirm box. */
  content?: string;
  /** OK button text, which is "OK" by default. */
  confirmButtonText?: string;
  /** Cancel button text, which is "Cancel" by default. */
  cancelButtonText?: string;
}
/** Success payload of `my.confirm`. */
export interface ConfirmResult {
  /** Click Confirm to return true; click Cancel to return false. */
  confirm: boolean;
}

/** Parameters of `my.prompt`. */
export interface PromptParams {
  /** Title of prompt box. */
  title?: string;
  /** Text of prompt box. */
  message: string;
  /** Prompt text for the entry box. */
  placeholder?: string;
  /** Message alignment, `center` by default. */
  align?: 'left' | 'center' | 'right';
  /** OK button text, which is OK by default. */
  okButtonText?: string;
  /** Cancel button text, which is Cancel by default. */
  cancelButtonText?: string;
}
/** Success payload of `my.prompt`. */
export interface PromptResult {
  /** Click OK to return true; click Cancel to return false. */
  ok: boolean;
  /** When OK is true, the user's entry. */
  inputValue?: string;
}

/** A red mark on one `showActionSheet` option. */
export interface ActionSheetBadge {
  /** The index of the option that needs a red mark, starting from 0. */
  index: number;
  /** `none`, `point`, `num` (numerical) or `text`. */
  type: 'none' | 'point' | 'num' | 'text';
  /** Customized red mark; for `num`, shown only for whole numbers from 1 to 99. */
  text?: string;
}
/** Parameters of `my.showActionSheet`. */
export interface ShowActionSheetParams {
  /** The title of the menu. */
  title?: string;
  /** The text array of the menu buttons. */
  items: readonly string[];
  /** Text on the cancel button, "Cancel" by default (not displayed on Android). */
  cancelButtonText?: string;
  /** Index of a destructive button (shown in red), from 0. */
  destructiveButtonIndex?: number;
  /** Red marks on options. */
  badges?: readonly ActionSheetBadge[];
}
/** Success payload of `my.showActionSheet`. */
export interface ShowActionSheetResult {
  /** Index of the selected item; `-1` when the cancel button was clicked. */
  index: number;
}

/** Parameters of `my.showLoading`. */
export interface ShowLoadingParams {
  /** Text contents of loading. */
  content?: string;
  /** Displaying delay in ms, 0 by default; not displayed if `hideLoading` comes first. */
  delay?: number;
}
/** Parameters of `my.hideLoading`. */
export interface HideLoadingParams {
  /** The current page instance. */
  page?: object;
}

/** Toast icon types. */
export type ToastType = 'success' | 'fail' | 'exception' | 'none';
/** Parameters of `my.showToast`. */
export interface ShowToastParams {
  /** Text content; mandatory when `type` is `exception`. */
  content?: string;
  /** Toast type, `none` by default. */
  type?: ToastType;
  /** Displaying duration in ms, 2000 by default. */
  duration?: number;
}

/** Success payload of `my.choosePhoneContact`. */
export interface ChoosePhoneContactResult {
  /** Selected contact name. */
  name: string;
  /** Selected contact phone. */
  mobile: string;
}

/** `datePicker` formats. */
export type DatePickerFormat = 'yyyy-MM-dd' | 'HH:mm' | 'yyyy-MM-dd HH:mm' | 'yyyy-MM' | 'yyyy';
/** Parameters of `my.datePicker`. */
export interface DatePickerParams {
  /** The returned date format, `yyyy-MM-dd` by default. */
  format?: DatePickerFormat;
  /** The date and time initially selected; the current time by default. */
  currentDate?: string;
  /** Minimum date and time. */
  startDate?: string;
  /** Maximum date and time. */
  endDate?: string;
}
/** Success payload of `my.datePicker`. */
export interface DatePickerResult {
  /** The selected date, in `format`. */
  date: string;
}
