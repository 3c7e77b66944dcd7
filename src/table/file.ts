import type { ApiRow } from './row.js';
import type { FilePathParams, FilePathResult, GetFileInfoParams, FileInfo, SavedFileInfo, SavedFileListResult, OpenDocumentParams } from '../types/file.js';
import type { HostAck, NoParams } from '../types/common.js';

/** saveFile: persists a temporary file; all saved files together are limited to 10 MB. */
export const saveFile: ApiRow<FilePathParams, FilePathResult> = {
  params: { apFilePath: 'S' },
};

/** getFileInfo: size and md5/sha1 digest of a file. */
export const getFileInfo: ApiRow<GetFileInfoParams, FileInfo> = {
  params: { apFilePath: 'S', digestAlgorithm: 's' },
};

/** getSavedFileInfo: size and creation time of a saved file. */
export const getSavedFileInfo: ApiRow<FilePathParams, SavedFileInfo> = {
  params: { apFilePath: 'S' },
};

/** getSavedFileList: every file saved with `saveFile`. */
export const getSavedFileList: ApiRow<NoParams, SavedFileListResult> = {
  params: {},
};

/** removeSavedFile: deletes a saved file. */
export const removeSavedFile: ApiRow<FilePathParams, HostAck> = {
  params: { apFilePath: 'S' },
};

/** openDocument: previews a PDF inside the miniapp. */
export const openDocument: ApiRow<OpenDocumentParams, HostAck> = {
  params: { filePath: 'S', fileType: 'S' },
  ui: true,
};

/** chooseFileFromDisk: picks a file from device storage (at most 50 MB). */
export const chooseFileFromDisk: ApiRow<NoParams, FilePathResult> = {
  params: {},
  cancel: [15],
  ui: true,
};
