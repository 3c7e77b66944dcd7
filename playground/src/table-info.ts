/**
 * What the playground reads from the API table: rows by name, the docs' groups in order, parameter
 * codes in words, and the documented meaning of an error code. Nothing here lists APIs by hand.
 */
import { API_NAMES, TABLE, type ApiName } from '../../src/index.js';
import type { ApiGroup, TableRow, ErrorCodeKey, ParamCode } from '../../src/index.js';

/** Every row, as the untyped shape (for code that handles any API). */
export const ROWS = TABLE as unknown as Readonly<Record<ApiName, TableRow>>;

/** The row of `api`. */
export const rowOf = (api: ApiName): TableRow => ROWS[api];

/** Every API name, alphabetically (for pickers). */
export const SORTED_NAMES: readonly ApiName[] = [...API_NAMES].sort();

/** Whether `name` is an API of the table (own keys only). */
export const isApiName = (name: string): name is ApiName => Object.prototype.hasOwnProperty.call(TABLE, name);

/** How the docs' sidebar names each group. A new group in `ApiGroup` fails the type check here. */
export const GROUP_LABELS: Readonly<Record<ApiGroup, string>> = {
  essential: 'Essential',
  ui: 'UI',
  media: 'Media',
  storage: 'Storage',
  file: 'File',
  location: 'Location',
  network: 'Network',
  device: 'Device',
  framework: 'Framework',
  undocumented: 'Not in the docs',
};

/** Where a row's documentation is: its `04-jsapi` page, or none (APIs real pages call that the docs omit). */
export const docLabel = (row: { readonly group: ApiGroup; readonly doc: string }): string =>
  row.group === 'undocumented' ? 'not in the Super Qi docs (Alipay+ behaviour)' : `docs: 04-jsapi/${row.doc}.md`;

/** The page number of a doc name (`'13-showActionSheet'` → 13). */
const pageNumber = (doc: string): number => Number(/^(\d+)/.exec(doc)?.[1] ?? Infinity);

/**
 * The docs' order: by doc page number, then where the name appears in the page name
 * (`14-showLoading-hideLoading`), then by name. (`API_NAMES` comes from spreading module namespaces,
 * whose keys are sorted alphabetically, so it is not the docs' order.)
 */
export function docsOrder(a: ApiName, b: ApiName): number {
  const da = rowOf(a).doc;
  const db = rowOf(b).doc;
  const byPage = pageNumber(da) - pageNumber(db);
  if (byPage) return byPage;
  const ia = da.toLowerCase().indexOf(a.toLowerCase());
  const ib = db.toLowerCase().indexOf(b.toLowerCase());
  if (ia !== ib && ia >= 0 && ib >= 0) return ia - ib;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The table's APIs grouped by docs group, groups and APIs in the docs' order. */
export function groups(): { group: ApiGroup; label: string; apis: ApiName[] }[] {
  const out = new Map<ApiGroup, ApiName[]>();
  for (const api of [...API_NAMES].sort(docsOrder)) {
    const g = rowOf(api).group;
    const list = out.get(g) ?? [];
    list.push(api);
    out.set(g, list);
  }
  const order = Object.keys(GROUP_LABELS);
  return [...out]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([group, apis]) => ({ group, label: GROUP_LABELS[group] ?? group, apis }));
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  s: 'string',
  n: 'number',
  b: 'boolean',
  a: 'array',
  o: 'object',
  x: 'any JSON value',
};

/** A parameter code in words: `'S'` → `{ type: 'string', required: true }`. */
export function describeCode(code: ParamCode): { type: string; required: boolean } {
  const lower = code.toLowerCase();
  return { type: TYPE_WORDS[lower] ?? lower, required: lower !== code };
}

/** Codes every API can answer, as the platform notes word them, and the library's own codes. */
const COMMON_MEANINGS: Readonly<Record<string, string>> = {
  '1': 'API not found: this host does not support it (UnsupportedError).',
  '2': 'Invalid parameter.',
  '3': 'Unknown error.',
  '4': 'Not authorized / the call was denied.',
  TIMEOUT: 'No answer within the timeout (TimeoutError): the host never answered.',
  ABORTED: 'The call was aborted (AbortedError).',
  NOT_IN_HOST: 'No host bridge appeared (NotInHostError).',
};

/** The documented meaning of `code` for `api`: the API page's wording first, then the common codes. */
export function meaningOf(api: ApiName, code: ErrorCodeKey | undefined): string | undefined {
  if (code === undefined || code === null) return undefined;
  const key = String(code);
  const errors = rowOf(api).errors as Readonly<Record<string, string>> | undefined;
  return errors?.[key] ?? COMMON_MEANINGS[key];
}

/** The documented error codes of `api` (as the keys come: numbers where numeric). */
export function errorCodes(api: ApiName): ErrorCodeKey[] {
  const errors = rowOf(api).errors;
  if (!errors) return [];
  return Object.keys(errors).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** The name `AlipayJSBridge.call` uses for `api`. */
export const nativeName = (api: ApiName): string => rowOf(api).native ?? api;
