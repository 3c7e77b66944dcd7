/** Resolves the name a page called to a table API: the documented name, `row.native`, or the classic alias. */
import { API_NAMES, HOST_TABLE as TABLE, type ApiName } from '../table/index.js';
import type { HostRow } from '../table/row.js';
import { bare, own, ownValue } from '../core/own.js';

let byName: Map<string, ApiName> | undefined;

const rows = TABLE as unknown as Record<ApiName, HostRow>;

/** The documented API a native name stands for, or undefined for names outside the table. */
export function resolveApi(name: string): ApiName | undefined {
  if (!byName) {
    byName = new Map(API_NAMES.map((n) => [n, n]));
    for (const n of API_NAMES) {
      const row = rows[n];
      for (const alias of [ownValue<string>(row, 'native'), ownValue<string>(ownValue(row, 'alias'), 'name')]) if (alias && !byName.has(alias)) byName.set(alias, n);
    }
  }
  return byName.get(name);
}

/** Undoes the classic alias's parameter renames (native name → documented name) where the documented one is absent. */
export function documentedParams(api: ApiName, params: Record<string, unknown>): Record<string, unknown> {
  // Own fields only (an inherited `alias` or `params` renames nothing); the copy keeps no prototype, as params have none.
  const renames = ownValue<Readonly<Record<string, string>>>(ownValue(rows[api], 'alias'), 'params');
  if (!renames) return params;
  const out = bare({ ...params });
  for (const doc of Object.keys(renames)) {
    const native = renames[doc]!;
    if (out[doc] === undefined && out[native] !== undefined) out[doc] = out[native];
  }
  return out;
}

/** Adds the row's native result fields (e.g. confirm's `ok`) when the page called with the alias's parameter names. */
export function nativeResult(api: ApiName, params: Record<string, unknown>, answer: Record<string, unknown>): Record<string, unknown> {
  const results = ownValue<Readonly<Record<string, string>>>(rows[api], 'results');
  const renames = ownValue<Readonly<Record<string, string>>>(ownValue(rows[api], 'alias'), 'params');
  if (!results || !renames || !Object.values(renames).some((n) => own(params, n))) return answer;
  const out = { ...answer };
  for (const native of Object.keys(results)) if (ownValue(out, native) == null) out[native] = ownValue(answer, results[native]!);
  return out;
}

/**
 * Why `name` cannot be overridden, or undefined when it can: a documented name, a classic alias, or one
 * of the install's `extraApis`. The reason suggests the name differing only in case (`tradepay`).
 */
export function unknownOverrideName(name: unknown, extraApis: readonly string[] | undefined): string | undefined {
  if (typeof name !== 'string' || !name) return `the API name must be a non-empty string, got ${typeof name === 'string' ? '""' : typeof name}`;
  if (resolveApi(name) || extraApis?.includes(name)) return undefined;
  const lower = name.toLowerCase();
  const near = [...byName!.keys(), ...(extraApis ?? [])].find((n) => n.toLowerCase() === lower);
  return `no API is called ${JSON.stringify(name)}${near ? ` (did you mean '${near}'?)` : ''}: an override for it would never answer. An API outside the table: list it in install({ extraApis: [${JSON.stringify(name)}] }).`;
}
