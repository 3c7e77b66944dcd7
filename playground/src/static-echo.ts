/**
 * The echo endpoint for the static copy. `npm start` serves `/echo` (scripts/echo.mjs) for the
 * network examples; the copy in dist/playground/ runs on any static file server, where POST /echo
 * fails (404, or 501 from servers that refuse POST). When the probe finds no echo, this page answers
 * the echo URLs itself by wrapping `fetch`, in the dev server's format — so the emulator's own
 * request/httpRequest/uploadFile handlers run unchanged (statuses ≥ 400 still fail with 19). The
 * image and PDF under echo/ are real files in the copy and are fetched as usual.
 */
import { echoAnswer, type EchoAnswer } from '../../scripts/echo-answer.mjs';

/**
 * Whether the server answers `${base}echo` itself: the dev server answers `echo/probe.json` with
 * `{ served: 'server' }`, the static copy has a file there saying `'page'` (so no request fails).
 */
export async function echoServed(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}echo/probe.json`, { cache: 'no-store' });
    return res.ok && ((await res.json()) as { served?: unknown }).served === 'server';
  } catch {
    return false;
  }
}

/** The echo's answer for `request` (body read), as the dev server gives it. */
export async function describeRequest(request: Request, url: URL): Promise<EchoAnswer> {
  const bytes = request.method === 'GET' || request.method === 'HEAD' ? new Uint8Array(0) : new Uint8Array(await request.arrayBuffer());
  const type = request.headers.get('content-type') ?? '';
  const text = new TextDecoder().decode(bytes);
  return echoAnswer({ method: request.method, url, headers: Object.fromEntries(request.headers), type, bytes: bytes.length, text });
}

const NULL_BODY = new Set([204, 205, 304]);

/** The echo's Response for a request to `url` (under `${base}echo`), or undefined for its static files. */
export async function echoResponse(request: Request, url: URL, echoPath: string): Promise<Response | undefined> {
  const rest = url.pathname.slice(echoPath.length);
  if (rest === '/image.png' || rest === '/doc.pdf') return undefined;
  const json = (status: number, body: unknown) =>
    new Response(NULL_BODY.has(status) ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
  const status = /^\/status\/(\d{3})$/.exec(rest);
  if (rest !== '' && rest !== '/slow' && !status) return json(404, { error: 'no such echo path', path: url.pathname });
  const answer = await describeRequest(request, url);
  if (rest === '/slow') {
    const ms = Math.min(30000, Math.max(0, Number(url.searchParams.get('ms') ?? 3000) || 0));
    const signal = request.signal;
    await new Promise<void>((resolve, reject) => {
      const aborted = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      if (signal.aborted) return aborted();
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        aborted();
      });
    });
  }
  return json(status ? Math.min(599, Math.max(200, Number(status[1]))) : 200, answer);
}

/** Answers `${base}echo…` inside the page from now on (the static copy). */
export function serveEchoInPage(base: string): void {
  const echoPath = new URL('echo', base).pathname;
  const origin = new URL(base).origin;
  const pageFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // Decide from the URL alone: building a Request from another Request would use up its body.
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const ours = url.origin === origin && (url.pathname === echoPath || url.pathname.startsWith(`${echoPath}/`));
    return (ours && (await echoResponse(new Request(input, init), url, echoPath))) || pageFetch(input, init);
  };
}
