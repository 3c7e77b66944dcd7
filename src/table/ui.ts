import type { ApiRow } from './row.js';
import type { HostAck, NoParams } from '../types/common.js';
import type { SetNavigationBarParams, MultiLevelSelectParams, MultiLevelSelectResult, AlertParams, ConfirmParams, ConfirmResult, PromptParams, PromptResult, ShowActionSheetParams, ShowActionSheetResult, ShowLoadingParams, HideLoadingParams, ShowToastParams, ChoosePhoneContactResult, DatePickerParams, DatePickerResult } from '../types/ui.js';

/** setNavigationBar: title, colours or image of the top bar. */
export const setNavigationBar: ApiRow<SetNavigationBarParams, HostAck> = {
  group: 'ui',
  doc: '08-setNavigationBar',
  params: { title: 's', image: 's', backgroundColor: 's', borderBottomColor: 's', reset: 'b' },
  defaults: { reset: false },
};

/** multiLevelSelect: cascade selection (province, city, district…). Cancel answers `success: false`. */
export const multiLevelSelect: ApiRow<MultiLevelSelectParams, MultiLevelSelectResult> = {
  group: 'ui',
  doc: '09-multiLevelSelect',
  params: { title: 's', list: 'A' },
  ui: true,
};

/** alert: a modal dialog with one button. */
export const alert: ApiRow<AlertParams, HostAck> = {
  group: 'ui',
  doc: '10-alert',
  params: { title: 's', content: 's', buttonText: 's' },
  alias: { name: 'alert', params: { content: 'message', buttonText: 'button' } },
  defaults: { buttonText: 'OK' },
  ui: true,
};

/** confirm: a modal dialog with confirm and cancel buttons. */
export const confirm: ApiRow<ConfirmParams, ConfirmResult> = {
  group: 'ui',
  doc: '11-confirm',
  params: { title: 's', content: 's', confirmButtonText: 's', cancelButtonText: 's' },
  alias: { name: 'confirm', params: { content: 'message', confirmButtonText: 'okButton', cancelButtonText: 'cancelButton' } },
  results: { ok: 'confirm' },
  defaults: { confirmButtonText: 'OK', cancelButtonText: 'Cancel' },
  ui: true,
};

/** prompt: a dialog with a text input. */
export const prompt: ApiRow<PromptParams, PromptResult> = {
  group: 'ui',
  doc: '12-prompt',
  params: { title: 's', message: 'S', placeholder: 's', align: 's', okButtonText: 's', cancelButtonText: 's' },
  defaults: { align: 'center', okButtonText: 'OK', cancelButtonText: 'Cancel' },
  ui: true,
};

/** showActionSheet: a menu of actions; answers the chosen index, -1 for cancel. */
export const showActionSheet: ApiRow<ShowActionSheetParams, ShowActionSheetResult> = {
  group: 'ui',
  doc: '13-showActionSheet',
  params: { title: 's', items: 'A', cancelButtonText: 's', destructiveButtonIndex: 'n', badges: 'a' },
  alias: { name: 'actionSheet', params: { items: 'btns', cancelButtonText: 'cancelBtn' } },
  defaults: { cancelButtonText: 'Cancel' },
  ui: true,
};

/** showLoading: a blocking loading indicator. */
export const showLoading: ApiRow<ShowLoadingParams, HostAck> = {
  group: 'ui',
  doc: '14-showLoading-hideLoading',
  params: { content: 's', delay: 'n' },
  alias: { name: 'showLoading', params: { content: 'text' } },
  defaults: { delay: 0 },
};

/** hideLoading: hides the loading indicator. */
export const hideLoading: ApiRow<HideLoadingParams, HostAck> = {
  group: 'ui',
  doc: '14-showLoading-hideLoading',
  params: { page: 'o' },
};

/** showToast: a non-blocking toast that disappears after `duration`. */
export const showToast: ApiRow<ShowToastParams, HostAck> = {
  group: 'ui',
  doc: '15-showToast-hideToast',
  params: { content: 's', type: 's', duration: 'n' },
  alias: { name: 'toast' },
  defaults: { type: 'none', duration: 2000 },
};

/** hideToast: dismisses the toast before its duration expires. */
export const hideToast: ApiRow<NoParams, HostAck> = {
  group: 'ui',
  doc: '15-showToast-hideToast',
  params: {},
};

/** choosePhoneContact: picks a phone number from the device directory. */
export const choosePhoneContact: ApiRow<NoParams, ChoosePhoneContactResult> = {
  group: 'ui',
  doc: '16-choosePhoneContact',
  params: {},
  errors: {
    10: 'No permission.',
    11: 'The user cancels the operation (or the device does not authorize use of the directory).',
  },
  cancel: [11],
  ui: true,
};

/** datePicker: a date/time selection dialog. */
export const datePicker: ApiRow<DatePickerParams, DatePickerResult> = {
  group: 'ui',
  doc: '17-datePicker',
  params: { format: 's', currentDate: 's', startDate: 's', endDate: 's' },
  errors: { 11: 'The user cancels the operation and no action is required.' },
  cancel: [11],
  defaults: { format: 'yyyy-MM-dd' },
  ui: true,
};
