/**
 * The docs' example parameters for every API (each `04-jsapi` page's request example), keyed by API
 * name. Typed `{ [K in ApiName]: … }`: a new table row without an example here fails the type check,
 * and every example must match its API's documented parameter type.
 *
 * Two kinds of change from the pages, both noted in `EXAMPLE_NOTES`: URLs point at the playground's
 * local echo endpoint (no request leaves the machine), and paths come from earlier answers
 * (chooseImage → saveFile, downloadFile → openDocument), as the pages chain them.
 */
import type { ApiName, ApiParams } from '../../src/index.js';
import { lastImages, lastPath } from './files.js';

/** What an example may depend on. */
export interface ExampleContext {
  /** The page's base URL (ends with `/`); the echo endpoint is `${base}echo`. */
  readonly base: string;
}

/** Params, or params made when the API is opened (so they pick up the latest file path). */
export type Example<K extends ApiName> = ApiParams<K> | ((ctx: ExampleContext) => ApiParams<K>);

/** The path the getFileInfo page uses, for APIs that need a file before one was chosen. */
const DOC_PATH = 'https://resource/apm1953bb093ebd2834530196f50a4413a87.video';

export const EXAMPLES: { readonly [K in ApiName]: Example<K> } = {
  // essential
  getAuthCode: { scopes: ['auth_base'] },
  qicardSignContract: { authUrl: 'https://wallet.example.com/sign?contract=xxxxxxx', extParams: {} },
  tradePay: { paymentUrl: 'https://wallet.example.com/cashier?orderId=xxxxxxx' },
  getDeviceInfo: {},
  navigateToMiniProgram: { appId: 'xxxx', extraData: { data1: 'test' } },
  navigateBackMiniProgram: { extraData: { data1: 'test' } },
  qicardShareAppMessage: { title: 'Demo Share Title', desc: 'Shared from Super Qi miniapp. Tap to open!', path: 'share.html' },
  // ui
  setNavigationBar: { title: 'hello', backgroundColor: '#108ee9' },
  multiLevelSelect: {
    title: 'Cascade selector',
    list: [
      {
        name: 'City',
        subList: [
          { name: 'District A', subList: [{ name: 'Street A' }, { name: 'Street B' }] },
          { name: 'District B', subList: [{ name: 'Street C' }, { name: 'Street D' }] },
        ],
      },
    ],
  },
  alert: { title: 'Tips', content: 'Your bill for this month has been released', buttonText: 'Show' },
  confirm: {
    title: 'Tips',
    content: 'Do you want to check the courier number: 1234567890?',
    confirmButtonText: 'Inquire now',
    cancelButtonText: 'Not needed',
  },
  prompt: {
    title: 'Title',
    message: 'Explain the current status and prompt the user solution. It is best not to exceed 3 lines.',
    placeholder: 'Leave a message to a friend',
    okButtonText: 'Confirm',
    cancelButtonText: 'Cancel',
  },
  showActionSheet: { title: 'ActionSheet', items: ['Menu 1', 'Menu 2', 'Menu3'], cancelButtonText: 'Cancel' },
  showLoading: { content: 'loading...', delay: 1000 },
  hideLoading: {},
  showToast: { type: 'success', content: 'Success', duration: 3000 },
  hideToast: {},
  choosePhoneContact: {},
  datePicker: { format: 'yyyy-MM-dd', currentDate: '2016-10-10', startDate: '2016-10-9', endDate: '2017-10-9' },
  // media
  chooseImage: {},
  previewImage: ({ base }) => ({
    current: 2,
    urls: [`${base}echo/image.png?example=1`, `${base}echo/image.png?example=2`, `${base}echo/image.png?example=3`],
  }),
  saveImage: ({ base }) => ({ url: `${base}echo/image.png` }),
  getImageInfo: ({ base }) => ({ src: lastPath('image') ?? `${base}echo/image.png` }),
  compressImage: () => {
    const images = lastImages(2);
    return { apFilePaths: images.length ? images : ['path/to/image1.jpg', 'path/to/image2.jpg'], compressLevel: 2 };
  },
  chooseVideo: { sourceType: ['album', 'camera'], maxDuration: 60, camera: 'back' },
  // storage
  getStorage: { key: 'currentCity' },
  setStorage: { key: 'currentCity', data: { cityName: 'London', adCode: '330100', spell: ' London' } },
  removeStorage: { key: 'currentCity' },
  clearStorage: {},
  // file
  saveFile: () => ({ apFilePath: lastPath() ?? DOC_PATH }),
  getFileInfo: () => ({ apFilePath: lastPath() ?? DOC_PATH, digestAlgorithm: 'sha1' }),
  getSavedFileInfo: () => ({ apFilePath: lastPath(undefined, true) ?? lastPath() ?? DOC_PATH }),
  getSavedFileList: {},
  removeSavedFile: () => ({ apFilePath: lastPath(undefined, true) ?? lastPath() ?? DOC_PATH }),
  openDocument: ({ base }) => ({ filePath: lastPath('pdf') ?? `${base}echo/doc.pdf`, fileType: 'pdf' }),
  chooseFileFromDisk: {},
  // location
  getLocation: {},
  chooseLocation: {},
  openLocation: { longitude: '44.4333', latitude: '33.3333', name: 'Tahrir Square', address: 'Baghdad, Iraq', scale: 15 },
  // network
  request: ({ base }) => ({
    url: `${base}echo`,
    method: 'POST',
    data: { from: 'Mini Program', production: 'JSAPI' },
    dataType: 'json',
  }),
  httpRequest: ({ base }) => ({ url: `${base}echo?from=httpRequest` }),
  downloadFile: ({ base }) => ({ url: `${base}echo/doc.pdf` }),
  uploadFile: ({ base }) => ({
    url: `${base}echo`,
    filePath: lastPath() ?? DOC_PATH,
    fileName: 'file',
    fileType: 'image',
    formData: { userId: 'user-123', documentType: 'invoice' },
  }),
  // device
  getSystemInfo: {},
  getNetworkType: {},
  getClipboard: {},
  setClipboard: { text: 'copy content' },
  getBatteryInfo: {},
  getScreenBrightness: {},
  setScreenBrightness: { brightness: 0.5 },
  addPhoneContact: {
    nickName: 'Baking July',
    lastName: 'Last',
    middleName: 'Middle',
    firstName: 'First',
    remark: 'This is remarks',
    mobilePhoneNumber: '13000000000',
  },
  makePhoneCall: { number: '00000' },
  scan: { type: 'qr' },
  vibrate: {},
  // framework
  canIUse: { name: 'addPhoneContact' },
  // not in the docs: what Qi's sample pages pass
  hideKeyboard: {},
  setKeepScreenOn: { keepScreenOn: true },
  getSetting: {},
  openSetting: {},
  openInBrowser: { url: 'https://qi.iq/' },
  beehiveGetPOI: {},
  getFacePhotoData: {},
};

/** Where an example differs from its page, and why. */
export const EXAMPLE_NOTES: Partial<Record<ApiName, string>> = {
  openLocation: 'The page has no example: these parameters are made from its table (Tahrir Square, Baghdad).',
  previewImage: 'The page previews img.example.com images; here the echo endpoint serves a local one.',
  saveImage: 'The page saves an img.example.com image; here the echo endpoint serves a local one.',
  getImageInfo: 'Uses the last image an answer gave (chooseImage), else the echo endpoint’s image.',
  compressImage: 'Uses the last images chooseImage gave; run chooseImage first for real paths.',
  saveFile: 'The page saves the path chooseImage gave: run chooseImage (or downloadFile) first.',
  getFileInfo: 'Uses the last path an answer gave; the page’s own path is a placeholder.',
  getSavedFileInfo: 'Uses the last path saveFile gave: run saveFile first.',
  removeSavedFile: 'Uses the last path saveFile gave: run saveFile first.',
  openDocument: 'The page opens the path downloadFile gave for a PDF: run downloadFile first.',
  request: 'The page posts to httpbin.org; here it posts to the local echo endpoint.',
  httpRequest: 'The overview calls /api/data; here the local echo endpoint answers.',
  downloadFile: 'Downloads the echo endpoint’s PDF, ready for openDocument.',
  uploadFile: 'Uploads the last chosen file to the local echo endpoint, which answers what it received.',
  canIUse: 'As the addPhoneContact page asks it; `my.canIUse(name)` answers synchronously.',
  getSetting: 'Not in the docs. Lists the permissions this miniapp asked for so far: run getLocation or chooseImage first.',
  openInBrowser: 'Not in the docs. The emulator opens http(s), tel: and mailto: URLs in a new tab.',
  getFacePhotoData: 'Not in the docs, and its answer is not public: the emulator fails with 3 until you script one (scenario panel).',
};

/** The example params of `api`, made now. */
export function exampleFor(api: ApiName, ctx: ExampleContext): Record<string, unknown> {
  const e: unknown = (EXAMPLES as Readonly<Record<ApiName, unknown>>)[api];
  const params = typeof e === 'function' ? (e as (c: ExampleContext) => unknown)(ctx) : structuredClone(e);
  return params as Record<string, unknown>;
}
