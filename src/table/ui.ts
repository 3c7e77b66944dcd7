import type { ApiRow } from './row.js';
import type { HostAck, NoParams } from '../types/common.js';
import type { SetNavigationBarParams, MultiLevelSelectParams, MultiLevelSelectResult, AlertParams, ConfirmParams, ConfirmResult, PromptParams, PromptResult, ShowActionSheetParams, ShowActionSheetResult, ShowLoadingParams, HideLoadingParams, ShowToastParams, ChoosePhoneContactResult, DatePickerParams, DatePickerResult } from '../types/ui.js';

/** setNavigationBar: title, colours or image of the top bar. */
export const setNavigationBar: ApiRow<SetNavigationBarParams, HostAck> = {
  params: { title: 's', image: 's', backgroundColor: 's', borderBottomColor: 's', reset: 'b' },
};

/** multiLevelSelect: cascade selection (province, city, district…). Cancel answers `success: false`. */
export const multiLevelSelect: ApiRow<MultiLevelSelectParams, MultiLevelSelectResult> = {
  params: { title: 's', list: 'A' },
  ui: true,
};

/** alert: a modal dialog with one button. */
export const alert: ApiRow<AlertParams, HostAck> = {
  params: { title: 's', content: 's', buttonText: 's' },
  ui: true,
};

/** confirm: a modal dialog with confirm and cancel buttons. */
export const confirm: ApiRow<ConfirmParams, ConfirmResult> = {
  params: { title: 's', content: 's', confirmButtonText: 's', cancelButtonText: 's' },
  results: { ok: 'confirm' },
  ui: true,
};

/** prompt: a dialog with a text input. */
export const prompt: ApiRow<PromptParams, PromptResult> = {
  params: { title: 's', message: 'S', placeholder: 's', align: 's', okButtonText: 's', cancelButtonText: 's' },
  ui: true,
};

/** showActionSheet: a menu of actions; answers the chosen index, -1 for cancel. */
export const showActionSheet: ApiRow<ShowActionSheetParams, ShowActionSheetResult> = {
  params: { title: 's', items: 'A', cancelButtonText: 's', destructiveButtonIndex: 'n', badges: 'a' },
  ui: true,
};

/** showLoading: a blocking loading indicator. */
export const showLoading: ApiRow<ShowLoadingParams, HostAck> = {
  params: { content: 's', delay: 'n' },
};

/** hideLoading: hides the loading indicator. */
export const hideLoading: ApiRow<HideLoadingParams, HostAck> = {
  params: { page: 'o' },
};

/** showToast: a non-blocking toast that disappears after `duration`. */
export const showToast: ApiRow<ShowToastParams, HostAck> = {
  params: { content: 's', type: 's', duration: 'n' },
};

/** hideToast: dismisses the toast before its duration expires. */
export const hideToast: ApiRow<NoParams, HostAck> = {
  params: {},
};

/** choosePhoneContact: picks a phone number from the device directory. */
export const choosePhoneContact: ApiRow<NoParams, ChoosePhoneContactResult> = {
  params: {},
  cancel: [11],
  ui: true,
};

/** datePicker: a date/time selection dialog. */
export const datePicker: ApiRow<DatePickerParams, DatePickerResult> = {
  params: { format: 's', currentDate: 's', startDate: 's', endDate: 's' },
  cancel: [11],
  ui: true,
};
