import type { ApiRow } from './row.js';
import type { FilePathResult } from '../types/file.js';
import type { RequestParams, RequestResult, DownloadFileParams, UploadFileParams, UploadFileResult } from '../types/network.js';

const requestParams: ApiRow<RequestParams>['params'] = {
  url: 'S',
  headers: 'o',
  method: 's',
  data: 'x',
  timeout: 'n',
  dataType: 's',
};

/** request: an HTTP GET or POST from the miniapp. */
export const request: ApiRow<RequestParams, RequestResult> = {
  params: requestParams,
  hostTimeout: 30000,
};

/** httpRequest: the name the docs' overview uses for `request`; same parameters and answers. */
export const httpRequest: ApiRow<RequestParams, RequestResult> = {
  params: requestParams,
  native: 'httpRequest',
  hostTimeout: 30000,
};

/** downloadFile: downloads to a temporary path usable by previewImage, openDocument and saveFile. */
export const downloadFile: ApiRow<DownloadFileParams, FilePathResult> = {
  params: { url: 'S', header: 'o' },
  // The page documents no timeout; hosts (and the emulator) give a download 60 s, like uploadFile.
  hostTimeout: 60000,
};

/** uploadFile: uploads a local file as multipart/form-data. */
export const uploadFile: ApiRow<UploadFileParams, UploadFileResult> = {
  params: {
    url: 'S',
    filePath: 'S',
    fileName: 'S',
    fileType: 'S',
    header: 'o',
    formData: 'o',
    timeout: 'n',
    hideLoading: 'b',
  },
  hostTimeout: 60000,
};
