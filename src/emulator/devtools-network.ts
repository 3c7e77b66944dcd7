/**
 * The app's network activity for the devtools' Network panel: its own `fetch` and `XMLHttpRequest`
 * calls, and the `fetch` the emulator makes to answer `my.request`, `downloadFile`, `uploadFile`
 * (told apart by `claim`: the open call of those APIs for that URL). Method, URL, status, time,
 * headers and bodies (capped). Installed only while the devtools link is; the returned function
 * puts `fetch` and XHR back.
 */
import type { DevtoolsLog } from './devtools-log.js';
import type { NetworkEntry } from './devtools-protocol.js';

/** Longest request or response body kept, in characters. */
export const BODY_MAX = 64 * 1024;

// This file is in the lazily loaded part, which may carry no module of the emulator's own script
// (rollup.config.mjs, share-with-emulator): devtools-log.ts's `cap`, for bodies.
const cap = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}… (${s.length - max} more characters)` : s);

type Live = NetworkEntry & { id: number; rev: number };

/** A request body as text: strings and forms as sent, binary ones described. */
export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return cap(body, BODY_MAX);
  if (body instanceof URLSearchParams) return cap(body.toString(), BODY_MAX);
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    return cap([...body].map(([k, v]) => `${k}=${typeof v === 'string' ? v : `[file ${v.name}, ${v.size} bytes]`}`).join('\n'), BODY_MAX);
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) return `[blob, ${body.size} bytes]`;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return `[binary, ${body.byteLength} bytes]`;
  return `[${Object.prototype.toString.call(body).slice(8, -1)}]`;
}

/** Whether a content type is worth showing as text. */
const textual = (type: string | null): boolean => !type || /^text\/|json|xml|javascript|x-www-form-urlencoded/i.test(type);

/** Reads a copy of the response to the end (the app reads the original): its size and its first BODY_MAX characters. */
async function readBody(res: Response): Promise<{ size: number; text: string }> {
  const reader = res.clone().body?.getReader();
  if (!reader) return { size: 0, text: '' };
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (text.length <= BODY_MAX) text += decoder.decode(value, { stream: true });
  }
  return { size, text: textual(res.headers.get('content-type')) ? cap(text, BODY_MAX) : `[binary, ${size} bytes]` };
}

/** Which JSAPI (if any) an outgoing request answers: given its URL, the name of an open network call that has not yet been claimed. */
export type Claim = (url: string) => string | undefined;

/** A `fetch` the page made before this part loaded (the emulator's small stand-in noted it). */
export interface EarlyFetch {
  readonly input: RequestInfo | URL;
  readonly init: RequestInit | undefined;
  readonly promise: Promise<Response>;
  /** `performance.now()` and `Date.now()` when it was made. */
  readonly t0: number;
  readonly at: number;
}

/** Records `fetch` and XHR into `log` (and the `early` fetches); returns the function that restores them. */
export function captureNetwork(log: DevtoolsLog, claim: Claim, early: readonly EarlyFetch[] = []): () => void {
  const started = (via: string | undefined, method: string, url: string, headers: [string, string][], body: unknown, t0 = performance.now(), at = Date.now()): { entry: Live; t0: number } => ({
    entry: log.add({ kind: 'network', via: claim(url) ?? via ?? 'fetch', method, url, state: 'pending', at, requestHeaders: headers, requestBody: bodyText(body) }) as Live,
    t0,
  });
  const fail = ({ entry, t0 }: { entry: Live; t0: number }, error: string) => {
    Object.assign(entry, { state: 'failed', error, duration: Math.round(performance.now() - t0) });
    log.changed(entry);
  };

  const follow = (input: RequestInfo | URL, init: RequestInit | undefined, p: Promise<Response>, t0?: number, at?: number): void => {
    let r: { entry: Live; t0: number };
    try {
      const req = input instanceof Request ? input : undefined;
      const url = new URL(req ? req.url : String(input), location.href).href;
      const method = (init?.method ?? req?.method ?? 'GET').toUpperCase();
      r = started('fetch', method, url, [...new Headers(init?.headers ?? req?.headers)], init?.body, t0, at);
    } catch {
      return; // an argument fetch itself refuses: it says so to the app
    }
    p.then(
      async (res) => {
        Object.assign(r.entry, { status: res.status, responseHeaders: [...res.headers] });
        log.changed(r.entry);
        try {
          const { size, text } = await readBody(res);
          Object.assign(r.entry, { state: 'done', size, responseBody: text, duration: Math.round(performance.now() - r.t0) });
          log.changed(r.entry);
        } catch (e) {
          fail(r, `body: ${String((e as Error)?.message ?? e)}`);
        }
      },
      (e: unknown) => fail(r, init?.signal?.aborted || (e as Error)?.name === 'AbortError' ? 'aborted (or timed out)' : String((e as Error)?.message ?? e)),
    );
  };
  for (const f of early) follow(f.input, f.init, f.promise, f.t0, f.at);

  const originalFetch = globalThis.fetch;
  const wrappedFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const p = originalFetch.call(globalThis, input, init);
    follow(input, init, p);
    return p;
  } as typeof fetch;
  globalThis.fetch = wrappedFetch;

  const X = typeof XMLHttpRequest === 'undefined' ? undefined : XMLHttpRequest.prototype;
  const { open, send, setRequestHeader } = X ?? ({} as XMLHttpRequest);
  if (X) {
    const meta = new WeakMap<XMLHttpRequest, { method: string; url: string; headers: [string, string][] }>();
    X.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      try {
        meta.set(this, { method: String(method).toUpperCase(), url: new URL(String(url), location.href).href, headers: [] });
      } catch {
        meta.delete(this);
      }
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof X.open;
    X.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
      meta.get(this)?.headers.push([name, value]);
      return setRequestHeader.call(this, name, value);
    };
    X.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const m = meta.get(this);
      if (m) {
        const r = started('xhr', m.method, m.url, m.headers, body);
        let why = 'network error';
        this.addEventListener('abort', () => (why = 'aborted'));
        this.addEventListener('timeout', () => (why = 'timed out'));
        this.addEventListener('loadend', () => {
          if (this.status === 0) return fail(r, why);
          const headers = this.getAllResponseHeaders().trim().split(/\r?\n/).filter(Boolean).map((l) => {
            const i = l.indexOf(':');
            return [l.slice(0, i).trim(), l.slice(i + 1).trim()] as [string, string];
          });
          const t = this.responseType;
          const text = t === '' || t === 'text' ? this.responseText : t === 'json' ? JSON.stringify(this.response) : `[${t}]`;
          Object.assign(r.entry, { state: 'done', status: this.status, responseHeaders: headers, responseBody: cap(text ?? '', BODY_MAX), size: t === '' || t === 'text' ? new Blob([text]).size : undefined, duration: Math.round(performance.now() - r.t0) });
          log.changed(r.entry);
        });
      }
      return send.call(this, body);
    };
  }
  return () => {
    if (globalThis.fetch === wrappedFetch) globalThis.fetch = originalFetch;
    if (X) Object.assign(X, { open, send, setRequestHeader });
  };
}
