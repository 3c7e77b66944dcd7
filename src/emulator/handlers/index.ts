/** Every API's default answer, assembled from one file per docs group. */
import { lazyHandlers } from '../lazy.js';
import type { DefaultHandlers } from '../types.js';
import { deviceHandlers } from './device.js';
import { essentialHandlers } from './essential.js';
import { frameworkHandlers } from './framework.js';
import type { FileApis, LazyUndocumentedApis, MediaApis } from './group-apis.js';
import { locationHandlers } from './location.js';
import { networkHandlers } from './network.js';
import { storageHandlers } from './storage.js';
import { uiHandlers } from './ui.js';
import { undocumentedHandlers } from './undocumented.js';

/** The media and file APIs and getFacePhotoData: their handlers (media.ts, file.ts, face-photo.ts) load with the emulator's extras on first call. */
const LAZY: Record<MediaApis | FileApis | LazyUndocumentedApis, 1> = {
  chooseImage: 1,
  previewImage: 1,
  saveImage: 1,
  getImageInfo: 1,
  compressImage: 1,
  chooseVideo: 1,
  saveFile: 1,
  getFileInfo: 1,
  getSavedFileInfo: 1,
  getSavedFileList: 1,
  removeSavedFile: 1,
  openDocument: 1,
  chooseFileFromDisk: 1,
  getFacePhotoData: 1,
};

/** Typed against the table: a row without a default handler fails the type check. */
export const DEFAULT_HANDLERS: DefaultHandlers = {
  ...essentialHandlers,
  ...uiHandlers,
  ...lazyHandlers(LAZY),
  ...storageHandlers,
  ...locationHandlers,
  ...networkHandlers,
  ...deviceHandlers,
  ...frameworkHandlers,
  ...undocumentedHandlers,
};
