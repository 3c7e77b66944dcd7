import type { JsonValue } from './common.js';


/** `request` response formats. */
export type RequestDataType = 'json' | 'text' | 'base64';
/** Parameters of `my.request` / `my.httpRequest`. */
export interface RequestParams {
  /** Target server url. */
  url: string;
  /** Request HTTP headers, `{'content-type': 'application/json'}` by default. */
  headers?: Record<string, string>;
  /** `GET` (default) or `POST`. */
  method?: 'GET' | 'POST';
  /** Request data: a query string for GET; JSON or form-encoded for POST, by `content-type`. */
  data?: Record<string, unknown> | string;
  /** Timeout period in ms, 30000 by default (then error 13). */
  timeout?: number;
  /** Expected format of the returned data: `json` (default), `text` or `base64`. */
  dataType?: RequestDataType;
}
/** Success payload of `my.request`. */
export interface RequestResult<T = JsonValue> {
  /** Response data, in the format `dataType` asked for. */
  data: T;
  /** Response code. */
  status: number;
  /** Response headers. */
  headers: Record<string, string>;
}

/** Parameters of `my.downloadFile`. */
export interface DownloadFileParams {
  /** Downloading file address. */
  url: string;
  /** HTTP request header. */
  header?: Record<string, string>;
}

/** Parameters of `my.uploadFile`. */
export interface UploadFileParams {
  /** Address of the developer server. */
  url: string;
  /** Local location of the file resource to be uploaded. */
  filePath: string;
  /** Filename, also the form field the server reads the file from. */
  fileName: string;
  /** File type, kept for older super app versions; `image` works for any file. */
  fileType: string;
  /** HTTP request header; leave `Content-Type` as `multipart/form-data`. */
  header?: Record<string, string>;
  /** Other additional form data. */
  formData?: Record<string, unknown>;
  /** Timeout in ms, 60000 by default. */
  timeout?: number;
  /** Whether to hide the loading icon while uploading, `false` by default. */
  hideLoading?: boolean;
}
/** Success payload of `my.uploadFile`. */
export interface UploadFileResult {
  /** Data returned from the server. */
  data: string;
  /** HTTP status code (a string, as the page documents it). */
  statusCode: string;
  /** Header returned from the server. */
  header: Record<string, string>;
}
