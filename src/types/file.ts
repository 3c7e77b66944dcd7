/** Parameters of the file APIs that take one path. */
export interface FilePathParams {
  /** File path. */
  apFilePath: string;
}
/** Success payload of `my.saveFile`, `my.downloadFile` and `my.chooseFileFromDisk`. */
export interface FilePathResult {
  /** The file's path. */
  apFilePath: string;
}
/** Parameters of `my.getFileInfo`. */
export interface GetFileInfoParams {
  /** File path. */
  apFilePath: string;
  /** Digest algorithm, `md5` (default) or `sha1`. */
  digestAlgorithm?: 'md5' | 'sha1';
}
/** Success payload of `my.getFileInfo`. */
export interface FileInfo {
  /** File size. */
  size: number;
  /** Digest result. */
  digest: string;
}
/** Success payload of `my.getSavedFileInfo`. */
export interface SavedFileInfo {
  /** File size. */
  size: number;
  /** Timestamp for the created time. */
  createTime: number;
}
/** One entry of `getSavedFileList`. */
export interface SavedFile extends SavedFileInfo {
  /** File path. */
  apFilePath: string;
}
/** Success payload of `my.getSavedFileList`. */
export interface SavedFileListResult {
  /** File list. */
  fileList: SavedFile[];
}
/** Parameters of `my.openDocument`. */
export interface OpenDocumentParams {
  /** File path, obtained via `my.downloadFile`. */
  filePath: string;
  /** File type; only `pdf` is supported. */
  fileType: 'pdf';
}
