/**
 * Every API name of the table as one string, for `canIUse` — kept apart from `TABLE` so `canIUse`
 * never pulls the table (and its documentation) in. One string, split on the first `canIUse()` call:
 * gzip matches each name against the wrappers' own (a name → value object cost all the wrappers
 * ~100 B min+gz more). The type check below keeps the string equal to the table's names (a missing,
 * extra or misspelt name fails it); test/core/table.test.ts checks the order.
 * The script-tag build, which has every wrapper anyway, reads the names off them instead
 * (names-script-tag.ts, swapped in by rollup.config.mjs).
 */
import type { ApiName } from './index.js';

/** Every API name of the table, in its order, separated by a space or a line break. */
export const NAMES = `getAuthCode qicardSignContract tradePay getDeviceInfo navigateToMiniProgram navigateBackMiniProgram
setNavigationBar multiLevelSelect alert confirm prompt showActionSheet showLoading hideLoading showToast hideToast
choosePhoneContact datePicker chooseImage previewImage saveImage getImageInfo compressImage chooseVideo
getStorage setStorage removeStorage clearStorage saveFile getFileInfo getSavedFileInfo getSavedFileList
removeSavedFile openDocument chooseFileFromDisk getLocation chooseLocation openLocation request httpRequest
downloadFile uploadFile qicardShareAppMessage getSystemInfo getNetworkType getClipboard setClipboard
getBatteryInfo getScreenBrightness setScreenBrightness addPhoneContact makePhoneCall scan vibrate canIUse
hideKeyboard setKeepScreenOn getSetting openSetting openInBrowser beehiveGetPOI getFacePhotoData`;

/** `S` with its line breaks as spaces (tail-recursive, so long lists stay within the compiler's depth). */
type Flat<S extends string> = S extends `${infer A}\n${infer B}` ? Flat<`${A} ${B}`> : S;
/** The space-separated words of a string literal, as a union (tail-recursive, with an accumulator). */
type SpaceWords<S extends string, Acc extends string = never> = S extends `${infer W} ${infer Rest}` ? SpaceWords<Rest, Acc | W> : Acc | S;
/** The words of a string literal (separated by spaces or line breaks), as a union. */
type Words<S extends string> = SpaceWords<Flat<S>>;
/** `true` only when the two unions are equal. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time: the words of NAMES are exactly the table's names (no more, no fewer).
const namesMatchTable: Same<Words<typeof NAMES>, ApiName> = true;
void namesMatchTable;
