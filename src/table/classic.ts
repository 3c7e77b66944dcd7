/**
 * The classic Alipay native forms (`toast` for `showToast`, `setAPDataStorage` with `value` for
 * `setStorage`…), as the `natives` setting takes them: `configure({ natives: CLASSIC_NATIVES })`.
 * Which names a Super Qi build accepts is only known on a device (../shared/notes/platform.md).
 * This literal is where each alias is written (`TABLE` rows carry it as `alias`, and the emulator
 * accepts it): plain data, so a bundle that does not import it carries none of it.
 */
import type { ApiName } from './index.js';
import type { NativeAlias } from './row.js';

/** Documented API name → its classic native name and parameter renames. */
export const CLASSIC_NATIVES: { readonly [K in ApiName]?: NativeAlias } = {
  getAuthCode: { name: 'getAuthCode', params: { scopes: 'scopeNicks' } },
  alert: { name: 'alert', params: { content: 'message', buttonText: 'button' } },
  confirm: { name: 'confirm', params: { content: 'message', confirmButtonText: 'okButton', cancelButtonText: 'cancelButton' } },
  showActionSheet: { name: 'actionSheet', params: { items: 'btns', cancelButtonText: 'cancelBtn' } },
  showLoading: { name: 'showLoading', params: { content: 'text' } },
  showToast: { name: 'toast' },
  previewImage: { name: 'imageViewer', params: { urls: 'images', current: 'init' } },
  getStorage: { name: 'getAPDataStorage' },
  setStorage: { name: 'setAPDataStorage', params: { data: 'value' } },
  removeStorage: { name: 'removeAPDataStorage' },
  clearStorage: { name: 'clearAPDataStorage' },
  request: { name: 'httpRequest', params: { dataType: 'responseType' } },
  // Classic hosts call httpRequest by that name too, with `responseType` for `dataType`.
  httpRequest: { name: 'httpRequest', params: { dataType: 'responseType' } },
};
