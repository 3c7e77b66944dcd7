/**
 * request, httpRequest, downloadFile and uploadFile with the page's real `fetch`. The page's CORS rules
 * apply (a native host has none): servers a page calls from the emulator must allow its origin.
 *
 * Choices where the docs are silent:
 * - request/httpRequest: an HTTP status of 400 or more fails with the documented 19 "HTTP error",
 *   carrying `status`, `headers` and `data` (decoded as asked, the text when that fails), as
 *   Alipay-family hosts do; 1xx–3xx succeed. An empty body is `data: ''` for every dataType.
 *   `content-type: application/json` is added when absent on POST only: a GET has no body, and the
 *   header would cost a CORS preflight the native host never makes. Object values in GET query strings
 *   and form bodies are JSON; other values `encodeURIComponent(String(v))`. A relative URL is error 2:
 *   the native host has no page to resolve it against.
 * - downloadFile: network failures and HTTP statuses of 400 or more are its 12 "Downloading failed".
 * - uploadFile: any HTTP status succeeds with `statusCode` (its page documents no HTTP error); the
 *   page's `content-type` header is dropped so the browser sets the multipart boundary.
 */
import type { JsonValue } from '../../types/common.js';
import type { RequestDataType } from '../../types/network.js';
import type { Answer, DefaultHandlers, HandlerContext, HostFailure } from '../types.js';
import { toBase64 } from '../digest.js';
import { filesOf, nameFromUrl } from '../files.js';
import type { NetworkApis } from './group-apis.js';
import { isFailureAnswer as isFailure, isRecord, stringParam } from './values.js';
import { bare, own } from '../../core/own.js';

const isHttpUrl = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};


/** The http(s) `url` parameter, or a failure. */
function urlParam(ctx: HandlerContext, name = 'url'): string | HostFailure {
  const url = stringParam(ctx, name);
  if (typeof url !== 'string') return url;
  return isHttpUrl(url) ? url : ctx.fail(2, `${name} must be an absolute http(s) URL, got ${url}`);
}

/** An optional headers-like object parameter as string values, or a failure. */
function headersParam(ctx: HandlerContext, name: string): Record<string, string> | HostFailure {
  const v = ctx.params[name];
  if (v == null) return {};
  if (!isRecord(v)) return ctx.fail(2, `${name} must be an object`);
  const out: Record<string, string> = {};
  for (const k of Object.keys(v)) if (v[k] != null) out[k] = typeof v[k] === 'string' ? v[k] : JSON.stringify(v[k]);
  return out;
}

/** An optional positive timeout parameter (ms), or a failure. */
function timeoutParam(ctx: HandlerContext, fallback: number): number | HostFailure {
  const v = ctx.params['timeout'];
  if (v == null) return fallback;
  return typeof v === 'number' && v > 0 ? v : ctx.fail(2, 'timeout must be a positive number of ms');
}


/** `k=v&k=v` with encodeURIComponent, as the docs describe; object values are JSON. */
export function toQueryString(data: Record<string, unknown>): string {
  return Object.keys(data)
    .filter((k) => data[k] !== undefined)
    .map((k) => {
      const v = data[k];
      return `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))}`;
    })
    .join('&');
}

/** `url` with `query` appended (before any fragment). */
function withQuery(url: string, query: string): string {
  if (!query) return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return base + joiner + query + fragment;
}

/** Response headers as an object with lower-case names. */
export function headerObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const k = name.toLowerCase();
    out[k] = own(out, k) ? `${out[k]}, ${value}` : value;
  });
  return out;
}

/** A `fetch` that gives up after `ms`, or when the page aborts the call (`signal`): the Response (body read), or why it failed. */
async function fetchWithin(
  url: string,
  init: RequestInit,
  ms: number,
  signal?: AbortSignal,
): Promise<{ ok: true; response: Response; bytes: Uint8Array } | { ok: false; timedOut: boolean; message: string }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  if (signal?.aborted) stop();
  try {
    // No prototype: a page's Object.prototype.signal (or mode, credentials…) is no part of the request.
    const response = await fetch(url, bare({ ...init, signal: controller.signal }));
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { ok: true, response, bytes };
  } catch (e) {
    return { ok: false, timedOut, message: timedOut ? `no answer within ${ms} ms` : signal?.aborted ? 'aborted' : String((e as Error)?.message ?? e) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

/** The text of `bytes` in the response's charset; throws on bytes that are not valid in it. */
function decodeText(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([^;"'\s]+)/i.exec(contentType)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8', { fatal: true });
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  return decoder.decode(bytes);
}

const DATA_TYPES: readonly RequestDataType[] = ['json', 'text', 'base64'];

/** request and httpRequest. */
async function request(ctx: HandlerContext<'request' | 'httpRequest'>): Promise<Answer<'request'>> {
  const c = ctx as unknown as HandlerContext;
  const url = urlParam(c);
  if (isFailure(url)) return url;
  const method = String(ctx.params.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') return ctx.fail(2, `method must be GET or POST, got ${String(ctx.params.method)}`);
  // httpRequest's classic name for dataType is responseType.
  const dataType = String(ctx.params.dataType ?? ctx.params['responseType'] ?? 'json').toLowerCase() as RequestDataType;
  if (!DATA_TYPES.includes(dataType)) return ctx.fail(2, `dataType must be json, text or base64, got ${String(ctx.params.dataType ?? ctx.params['responseType'])}`);
  const timeout = timeoutParam(c, 30000);
  if (isFailure(timeout)) return timeout;
  const headers = headersParam(c, 'headers');
  if (isFailure(headers)) return headers;

  const typeKey = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  const contentType = typeKey ? headers[typeKey]! : 'application/json';
  const data = ctx.params.data;
  let target = url;
  let body: string | undefined;
  if (method === 'GET') {
    if (data != null) target = withQuery(url, typeof data === 'string' ? data : isRecord(data) ? toQueryString(data) : String(data));
  } else {
    if (!typeKey) headers['content-type'] = contentType;
    if (data != null) {
      body =
        typeof data === 'string'
          ? data
          : /application\/x-www-form-urlencoded/i.test(contentType) && isRecord(data)
            ? toQueryString(data)
            : JSON.stringify(data);
    }
  }

  const result = await fetchWithin(target, { method, headers, body }, timeout, ctx.signal);
  if (!result.ok) return result.timedOut ? ctx.fail(13, `Timeout: ${result.message}`) : ctx.fail(12, `Network error: ${result.message}`);
  const { response, bytes } = result;
  const status = response.status;
  const responseHeaders = headerObject(response.headers);
  const responseType = response.headers.get('content-type') ?? '';

  let decoded: JsonValue | undefined;
  let problem: string | undefined;
  if (bytes.length === 0) decoded = '';
  else if (dataType === 'base64') decoded = toBase64(bytes);
  else {
    try {
      const text = decodeText(bytes, responseType);
      decoded = text;
      if (dataType === 'json') {
        try {
          decoded = JSON.parse(text) as JsonValue;
        } catch (e) {
          problem = `the response is not JSON (${(e as Error).message}); use dataType 'text' for text`;
        }
      }
    } catch {
      problem = `the response is not valid ${/charset=/i.test(responseType) ? responseType : 'UTF-8'} text`;
    }
  }
  if (status >= 400) {
    const fallback = problem ? String.fromCharCode(...bytes.subarray(0, 0x10000)) : '';
    return { ...ctx.fail(19, `HTTP error: ${status}`), status, headers: responseHeaders, data: problem ? (typeof decoded === 'string' ? decoded : fallback) : decoded };
  }
  if (problem || decoded === undefined) return ctx.fail(14, `Decoding failure: ${problem ?? 'no data'}`);
  return { data: decoded, status, headers: responseHeaders };
}

export const networkHandlers: Pick<DefaultHandlers, NetworkApis> = {
  request: (ctx) => request(ctx),
  httpRequest: (ctx) => request(ctx),

  async downloadFile(ctx) {
    const c = ctx as unknown as HandlerContext;
    const url = urlParam(c);
    if (isFailure(url)) return url;
    const headers = headersParam(c, 'header');
    if (isFailure(headers)) return headers;
    const result = await fetchWithin(url, { headers }, 60000, ctx.signal);
    if (!result.ok) return ctx.fail(12, `Downloading failed: ${result.message}`);
    if (result.response.status >= 400) return ctx.fail(12, `Downloading failed: HTTP ${result.response.status}`);
    const type = (result.response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const blob = new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type });
    return { apFilePath: filesOf(ctx.emulator).addTemp(blob, nameFromUrl(url, 'download')).path };
  },

  async uploadFile(ctx) {
    const c = ctx as unknown as HandlerContext;
    const url = urlParam(c);
    if (isFailure(url)) return url;
    const filePath = stringParam(c, 'filePath');
    if (isFailure(filePath)) return filePath;
    const fileName = stringParam(c, 'fileName');
    if (isFailure(fileName)) return fileName;
    const fileType = stringParam(c, 'fileType');
    if (isFailure(fileType)) return fileType;
    const headers = headersParam(c, 'header');
    if (isFailure(headers)) return headers;
    const formData = ctx.params.formData;
    if (formData != null && !isRecord(formData)) return ctx.fail(2, 'formData must be an object');
    const timeout = timeoutParam(c, 60000);
    if (isFailure(timeout)) return timeout;

    const file = await filesOf(ctx.emulator).find(filePath);
    if (!file) return ctx.fail(11, `File nonexistent: ${filePath}`);
    const form = new FormData();
    const fields: Record<string, unknown> = formData ?? {};
    for (const k of Object.keys(fields)) {
      const v = fields[k];
      if (v != null) form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    }
    form.append(fileName, file.blob, file.name);
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];

    const result = await fetchWithin(url, { method: 'POST', headers, body: form }, timeout, ctx.signal);
    if (!result.ok) return ctx.fail(12, `File uploading failed: ${result.message}`);
    let data: string;
    try {
      data = decodeText(result.bytes, result.response.headers.get('content-type') ?? '');
    } catch {
      data = new TextDecoder().decode(result.bytes);
    }
    return { data, statusCode: String(result.response.status), header: headerObject(result.response.headers) };
  },
};
