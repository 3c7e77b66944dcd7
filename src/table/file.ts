import type { ApiRow } from './row.js';
import type { FilePathParams, FilePathResult, GetFileInfoParams, FileInfo, SavedFileInfo, SavedFileListResult, OpenDocumentParams } from '../types/file.js';
import type { HostAck, NoParams } from '../types/common.js';

/** saveFile: persists a temporary file; all saved files together are limited to 10 MB. */
export const saveFile: ApiRow<FilePathParams, FilePathResult> = {
  group: 'file',
  doc: '28-saveFile',
  params: { apFilePath: 'S' },
  limits: { maxTotalBytes: 10 * 1024 * 1024 },
};

/** getFileInfo: size and md5/sha1 digest of a file. */
export const getFileInfo: ApiRow<GetFileInfoParams, FileInfo> = {
  group: 'file',
  doc: '29-getFileInfo',
  params: { apFilePath: 'S', digestAlgorithm: 's' },
  defaults: { digestAlgorithm: 'md5' },
};

/** getSavedFileInfo: size and creation time of a saved file. */
export const getSavedFileInfo: ApiRow<FilePathParams, SavedFileInfo> = {
  group: 'file',
  doc: '30-getSavedFileInfo',
  params: { apFilePath: 'S' },
};

/** getSavedFileList: every file saved with `saveFile`. */
export const getSavedFileList: ApiRow<NoParams, SavedFileListResult> = {
  group: 'file',
  doc: '31-getSavedFileList',
  params: {},
};

/** removeSavedFile: deletes a saved file. */
export const removeSavedFile: ApiRow<FilePathParams, HostAck> = {
  group: 'file',
  doc: '32-removeSavedFile',
  params: { apFilePath: 'S' },
};

/** openDocument: previews a PDF inside the miniapp. */
export const openDocument: ApiRow<OpenDocumentParams, HostAck> = {
  group: 'file',
  doc: '33-openDocument',
  params: { filePath: 'S', fileType: 'S' },
  errors: {
    4011: 'File path is invalid or no permission to access incoming path.',
    4012: 'Preview files do not exist.',
    4013: 'File format is not supported.',
  },
  ui: true,
};

/** chooseFileFromDisk: picks a file from device storage (at most 50 MB). */
export const chooseFileFromDisk: ApiRow<NoParams, FilePathResult> = {
  group: 'file',
  doc: '34-chooseFileFromDisk',
  params: {},
  h5: true,
  errors: {
    4: 'The JSAPI call is denied.',
    12: 'Errors occur when copying the file.',
    15: 'The user cancels the file selection.',
    16: 'The user denies the permission to read the storage.',
    17: 'No permission to read the storage.',
    18: 'Choosing large file is not supported.',
  },
  cancel: [15],
  limits: { maxFileBytes: 50 * 1024 * 1024 },
  ui: true,
};
