/**
 * Deep links into an H5+ miniapp (05-utilities/01-deep-links): the `qicardwallet://` URI the app opens,
 * the `https://deeplink.qi.iq/<miniappId>/<path>` web form a page can share, a parser for both, and the
 * documented landing-page redirect (the URI, then the store after a timeout when the app did not open).
 * ESM only and pure: a bundle that imports none of it carries none of it.
 *
 * Encoding: the URI carries the miniapp's path, query and fragment as ONE query value,
 * `_griver_appended_url_part`, so they are percent-encoded as a whole (the docs' sample interpolates
 * them raw, which breaks on `&`, `#` or spaces). Path segments are encoded one by one, so `?`, `#`, `%`
 * in a segment stay part of the path; dot segments (`.`, `..`) and control characters are refused.
 */

/** Where a deep link lands: a miniapp, a path in it, its query and fragment. */
export interface MiniappLink {
  /** The Miniapp ID from the Miniapps console (letters, digits, `_`, `-`). */
  appId: string;
  /** Path in the miniapp, as text (not percent-encoded), e.g. `/orders/42`. Default `/`. */
  path?: string;
  /** Query parameters; an array repeats the key. */
  query?: Readonly<Record<string, QueryValue | readonly QueryValue[]>>;
  /** Fragment without `#`, as text. */
  fragment?: string;
}

/** One query value; numbers and booleans are sent as their text. */
export type QueryValue = string | number | boolean;

/** A parsed deep link: normalised path, query values as strings, and which form it came in. */
export interface ParsedMiniappLink {
  /** The Miniapp ID the link opens. */
  appId: string;
  /** Starts with `/`. */
  path: string;
  /** Empty when there was none; repeated keys give arrays. */
  query: Record<string, string | string[]>;
  /** Empty when there was none. */
  fragment: string;
  /** `'uri'`: `qicardwallet://…`; `'web'`: `https://deeplink.qi.iq/…`. */
  form: 'uri' | 'web';
}

/** The scheme, host and page of every Super Qi deep link. */
export const DEEP_LINK_BASE = 'qicardwallet://qicard/deeplink.htm';
/** The ready-made web form's origin ("Ready Implementation"). */
export const DEEP_LINK_WEB = 'https://deeplink.qi.iq';
/** The store pages the docs' landing page falls back to. */
export const STORE_URLS: {
  /** Super Qi on Apple's App Store (iPhone, iPad). */
  readonly appStore: 'https://apps.apple.com/app/id1450079855';
  /** Super Qi on Google Play (Android). */
  readonly playStore: 'https://play.google.com/store/apps/details?id=iq.qicard.qipay.prod';
} = {
  appStore: 'https://apps.apple.com/app/id1450079855',
  playStore: 'https://play.google.com/store/apps/details?id=iq.qicard.qipay.prod',
} as const;

const APP_ID = /^[A-Za-z0-9_-]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A lone UTF-16 surrogate: text no URL can carry (encodeURIComponent throws on it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refuse(fn: string, param: string, why: string): never {
  throw new TypeError(`${fn}: ${param} ${why}`);
}

function checkText(fn: string, param: string, v: unknown): string {
  if (typeof v !== 'string') refuse(fn, param, `must be a string, got ${v === null ? 'null' : typeof v}`);
  if (CONTROL.test(v)) refuse(fn, param, 'must not contain control characters');
  if (LONE_SURROGATE.test(v)) refuse(fn, param, 'must be well-formed text (a lone surrogate)');
  return v;
}

/** Path segments (text) of `path`: empty segments dropped, dot segments refused. */
function segmentsOf(fn: string, path: string): { segments: string[]; trailing: boolean } {
  const parts = path.split('/');
  const segments = parts.filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) refuse(fn, 'path', `must not contain "." or ".." segments, got ${JSON.stringify(path)}`);
  return { segments, trailing: segments.length > 0 && parts[parts.length - 1] === '' };
}

/** `path?query#fragment` of a link, percent-encoded, the path starting with `/`. */
function tail(fn: string, link: MiniappLink): string {
  if (!link || typeof link !== 'object') refuse(fn, 'link', 'must be an object');
  const appId = checkText(fn, 'appId', link.appId);
  if (!APP_ID.test(appId)) refuse(fn, 'appId', `must be letters, digits, "_" or "-", got ${JSON.stringify(appId)}`);
  const { segments, trailing } = segmentsOf(fn, checkText(fn, 'path', link.path ?? '/'));
  let out = '/' + segments.map(encodeURIComponent).join('/') + (trailing ? '/' : '');
  const search = new URLSearchParams();
  const query = link.query ?? {};
  if (typeof query !== 'object' || query === null) refuse(fn, 'query', 'must be an object');
  for (const key of Object.keys(query)) {
    const v = query[key];
    for (const one of Array.isArray(v) ? v : [v]) {
      if (typeof one !== 'string' && typeof one !== 'number' && typeof one !== 'boolean') {
        refuse(fn, `query.${key}`, 'must be a string, number or boolean (or an array of them)');
      }
      search.append(checkText(fn, 'query key', key), checkText(fn, `query.${key}`, String(one)));
    }
  }
  const q = search.toString();
  if (q) out += '?' + q;
  if (link.fragment != null && link.fragment !== '') out += '#' + encodeURIComponent(checkText(fn, 'fragment', link.fragment));
  return out;
}

/**
 * The `qicardwallet://` URI that opens an H5+ miniapp at a path:
 * `qicardwallet://qicard/deeplink.htm?action=miniapp&miniappId=<id>&_griver_appended_url_part=<path?query#fragment, encoded>`.
 * Throws a `TypeError` naming the parameter for a bad appId, a dot segment or control characters.
 * @example miniappDeepLink({ appId: '3482020000000001', path: '/orders/42', query: { tab: 'paid' } })
 */
export function miniappDeepLink(link: MiniappLink): string {
  const part = tail('miniappDeepLink', link);
  return `${DEEP_LINK_BASE}?action=miniapp&miniappId=${link.appId}&_griver_appended_url_part=${encodeURIComponent(part)}`;
}

/**
 * The shareable web form, `https://deeplink.qi.iq/<id>/<path>?<query>#<fragment>`; the slash after
 * the id is always there (the docs: it is mandatory). Same checks as `miniappDeepLink`.
 */
export function miniappWebLink(link: MiniappLink): string {
  return `${DEEP_LINK_WEB}/${link?.appId}${tail('miniappWebLink', link)}`;
}

const decode = (s: string): string => decodeURIComponent(s);

/** Path, query and fragment of a decoded `path?query#fragment`, or undefined when malformed. */
function parseTail(appId: string, part: string, form: ParsedMiniappLink['form']): ParsedMiniappLink | undefined {
  if (!APP_ID.test(appId) || CONTROL.test(part)) return undefined;
  const hash = part.indexOf('#');
  const fragment = hash < 0 ? '' : decode(part.slice(hash + 1));
  const beforeHash = hash < 0 ? part : part.slice(0, hash);
  const mark = beforeHash.indexOf('?');
  const rawPath = mark < 0 ? beforeHash : beforeHash.slice(0, mark);
  const parts = rawPath.split('/');
  const segments = parts.filter((s) => s !== '').map(decode);
  if (segments.some((s) => s === '.' || s === '..' || CONTROL.test(s))) return undefined;
  const trailing = segments.length > 0 && parts[parts.length - 1] === '';
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(mark < 0 ? '' : beforeHash.slice(mark + 1))) {
    const had = Object.prototype.hasOwnProperty.call(query, k) ? query[k] : undefined;
    if (had === undefined) Object.defineProperty(query, k, { value: v, enumerable: true, writable: true, configurable: true });
    else query[k] = Array.isArray(had) ? [...had, v] : [had, v];
  }
  if (CONTROL.test(fragment)) return undefined;
  return { appId, path: '/' + segments.join('/') + (trailing ? '/' : ''), query, fragment, form };
}

/**
 * Parses a miniapp deep link in either form (the `qicardwallet://` URI or the `deeplink.qi.iq` web
 * form). Returns undefined for anything else, malformed encoding included; never throws.
 */
export function parseDeepLink(link: string): ParsedMiniappLink | undefined {
  if (typeof link !== 'string') return undefined;
  try {
    if (link.startsWith(DEEP_LINK_BASE + '?')) {
      const params = new URLSearchParams(link.slice(DEEP_LINK_BASE.length + 1));
      const appId = params.get('miniappId');
      if (params.get('action') !== 'miniapp' || appId === null) return undefined;
      return parseTail(appId, params.get('_griver_appended_url_part') ?? '/', 'uri');
    }
    if (link.startsWith(DEEP_LINK_WEB + '/')) {
      const rest = link.slice(DEEP_LINK_WEB.length + 1);
      const slash = rest.search(/[/?#]/);
      if (slash < 0 || rest[slash] !== '/') return undefined; // the slash after the id is mandatory
      return parseTail(rest.slice(0, slash), rest.slice(slash), 'web');
    }
  } catch {
    // malformed percent-encoding
  }
  return undefined;
}

/** Options of `redirectToMiniapp`. */
export interface RedirectOptions {
  /** ms to wait for the app before falling back to the store. @default 5000 (the docs' value) */
  timeout?: number;
  /** @default STORE_URLS.appStore */
  appStoreUrl?: string;
  /** @default STORE_URLS.playStore */
  playStoreUrl?: string;
  /** Where other devices (a PC) go after the timeout, e.g. a page with a QR code. Default: stay. */
  desktopUrl?: string;
  /** The window to redirect (tests, iframes). @default window */
  window?: Pick<Window, 'location' | 'navigator' | 'setTimeout' | 'clearTimeout'> & {
    /** Read for `visibilityState`: a page still visible after the timeout means the app did not open. */
    document?: Pick<Document, 'visibilityState'>;
  };
}

/**
 * The documented landing page: replaces the location with the miniapp's `qicardwallet://` URI, then,
 * if the page is still visible after `timeout` (the app is not installed), goes to the Play Store on
 * Android, the App Store on iPhone/iPad/iPod, or `desktopUrl` elsewhere. Returns a function that
 * cancels the fallback. Call it from the page's load handler.
 * @example window.onload = () => redirectToMiniapp({ appId: '3482020000000001', path: '/offers' });
 */
export function redirectToMiniapp(link: MiniappLink | string, options: RedirectOptions = {}): () => void {
  const uri = typeof link === 'string' ? link : miniappDeepLink(link);
  if (typeof link === 'string' && !parseDeepLink(link)) refuse('redirectToMiniapp', 'link', 'must be a miniapp deep link (qicardwallet:// or deeplink.qi.iq)');
  const w = options.window ?? window;
  w.location.replace(uri);
  const timer = w.setTimeout(() => {
    if (w.document?.visibilityState === 'hidden') return; // the app opened over the page
    const ua = String(w.navigator?.userAgent ?? '');
    const target = /android/i.test(ua)
      ? (options.playStoreUrl ?? STORE_URLS.playStore)
      : /iPad|iPhone|iPod/.test(ua)
        ? (options.appStoreUrl ?? STORE_URLS.appStore)
        : options.desktopUrl;
    if (target) w.location.replace(target);
  }, options.timeout ?? 5000);
  return () => w.clearTimeout(timer);
}
