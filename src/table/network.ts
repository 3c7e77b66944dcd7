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
const requestDefaults: Partial<RequestParams> = {
  method: 'GET',
  timeout: 30000,
  dataType: 'json',
  headers: { 'content-type': 'application/json' },
};
const requestErrors = {
  2: 'Incorrect parameter. Check whether the URL is in HTTPS format and all parameters are correct.',
  4: 'Not authorized to call the interface (is the server domain in the whitelist?).',
  12: 'Network error.',
  13: 'Timeout.',
  14: 'Decoding failure.',
  19: 'HTTP error.',
  20: 'Request stopped/service end traffic limit.',
} as const;

/** request: an HTTP GET or POST from the miniapp. */
export const request: ApiRow<RequestParams, RequestResult> = {
  group: 'network',
  doc: '38-request',
  params: requestParams,
  alias: { name: 'httpRequest', params: { dataType: 'responseType' } },
  errors: requestErrors,
  defaults: requestDefaults,
  hostTimeout: 30000,
};

/** httpRequest: the name the docs' overview uses for `request`; same parameters and answers. */
export const httpRequest: ApiRow<RequestParams, RequestResult> = {
  group: 'network',
  doc: '01-overview',
  params: requestParams,
  native: 'httpRequest',
  // Classic hosts call it httpRequest too, with `responseType` for `dataType`.
  alias: { name: 'httpRequest', params: { dataType: 'responseType' } },
  errors: requestErrors,
  defaults: requestDefaults,
  hostTimeout: 30000,
};

/** downloadFile: downloads to a temporary path usable by previewImage, openDocument and saveFile. */
export const downloadFile: ApiRow<DownloadFileParams, FilePathResult> = {
  group: 'network',
  doc: '39-downloadFile',
  params: { url: 'S', header: 'o' },
  errors: { 12: 'Downloading failed.', 13: 'No right.' },
  // The page documents no timeout; hosts (and the emulator) give a download 60 s, like uploadFile.
  hostTimeout: 60000,
};

/** uploadFile: uploads a local file as multipart/form-data. */
export const uploadFile: ApiRow<UploadFileParams, UploadFileResult> = {
  group: 'network',
  doc: '40-uploadFile',
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
  errors: { 11: 'File nonexistent.', 12: 'File uploading failed.', 13: 'No right.' },
  defaults: { timeout: 60000, hideLoading: false },
  hostTimeout: 60000,
};
