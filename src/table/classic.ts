/**
 * The classic Alipay native forms the table records (`row.alias`), as the `natives` setting takes
 * them: `configure({ natives: CLASSIC_NATIVES })` sends `toast` for `showToast`, `setAPDataStorage`
 * with `value` for `setStorage`… Which names a Super Qi build accepts is only known on a device
 * (../shared/notes/platform.md). The data stays in the rows: this module only reads each row's
 * `alias`, so a bundle that does not import it carries none of them (Rollup drops unread
 * properties), and one that does carries the aliases and nothing else of the rows.
 * test/core/round-trip.test.ts checks it lists every row that has an alias.
 */
import * as essential from './essential.js';
import * as media from './media.js';
import * as network from './network.js';
import * as storage from './storage.js';
import * as ui from './ui.js';
import type { ApiName } from './index.js';
import type { NativeAlias } from './row.js';

/** Documented API name → its classic native name and parameter renames. */
export const CLASSIC_NATIVES: { readonly [K in ApiName]?: NativeAlias } = {
  getAuthCode: essential.getAuthCode.alias!,
  alert: ui.alert.alias!,
  confirm: ui.confirm.alias!,
  showActionSheet: ui.showActionSheet.alias!,
  showLoading: ui.showLoading.alias!,
  showToast: ui.showToast.alias!,
  previewImage: media.previewImage.alias!,
  getStorage: storage.getStorage.alias!,
  setStorage: storage.setStorage.alias!,
  removeStorage: storage.removeStorage.alias!,
  clearStorage: storage.clearStorage.alias!,
  request: network.request.alias!,
  httpRequest: network.httpRequest.alias!,
};
