/**
 * What `canIUse` needs of the table: every API name, and the host version of the rows that need one
 * (`since`). Kept apart from `TABLE` so `canIUse` never pulls the table (and its documentation) in.
 * The names are one string, split on the first `canIUse()` call: gzip matches each against the
 * wrappers' own names (a name → since object cost all the wrappers ~100 B min+gz more). The type
 * check below keeps the string equal to the table's names (a missing, extra or misspelt name fails
 * it); test/core/table.test.ts checks the order, and that `SINCE` has every row with a `since`.
 */
import { qicardSignContract } from './essential.js';
import type { ApiName } from './index.js';

/** Every API name of the table, in its order, separated by a space or a line break. */
export const NAMES = `getAuthCode qicardSignContract tradePay getDeviceInfo navigateToMiniProgram navigateBackMiniProgram
setNavigationBar multiLevelSelect alert confirm prompt showActionSheet showLoading hideLoading showToast hideToast
choosePhoneContact datePicker chooseImage previewImage saveImage getImageInfo compressImage chooseVideo
getStorage setStorage removeStorage clearStorage saveFile getFileInfo getSavedFileInfo getSavedFileList
removeSavedFile openDocument chooseFileFromDisk getLocation chooseLocation openLocation request httpRequest
downloadFile uploadFile qicardShareAppMessage getSystemInfo getNetworkType getClipboard setClipboard
getBatteryInfo getScreenBrightness setScreenBrightness addPhoneContact makePhoneCall scan vibrate canIUse`;

/** The words of a string literal (separated by spaces or line breaks), as a union. */
type Words<S extends string> = S extends `${infer W} ${infer Rest}`
  ? Words<W> | Words<Rest>
  : S extends `${infer W}\n${infer Rest}`
    ? W | Words<Rest>
    : S;
/** `true` only when the two unions are equal. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time: the words of NAMES are exactly the table's names (no more, no fewer).
const namesMatchTable: Same<Words<typeof NAMES>, ApiName> = true;
void namesMatchTable;

/** The rows with a `since`, read off the row itself (so the version is written once, in the row). */
export const SINCE: { readonly [K in ApiName]?: string } = {
  qicardSignContract: qicardSignContract.since,
};
