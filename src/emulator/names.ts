/** Resolves the name a page called to a table API: the documented name, `row.native`, or the classic alias. */
import { API_NAMES, HOST_TABLE as TABLE, type ApiName } from '../table/index.js';
import type { HostRow } from '../table/row.js';

let byName: Map<string, ApiName> | undefined;

const rows = TABLE as unknown as Record<ApiName, HostRow>;

/** The documented API a native name stands for, or undefined for names outside the table. */
export function resolveApi(name: string): ApiName | undefined {
  if (!byName) {
    byName = new Map(API_NAMES.map((n) => [n, n]));
    for (const n of API_NAMES) {
      const row = rows[n];
      for (const alias of [row.native, row.alias?.name]) if (alias && !byName.has(alias)) byName.set(alias, n);
    }
  }
  return byName.get(name);
}

/** Undoes the classic alias's parameter renames (native name → documented name) where the documented one is absent. */
export function documentedParams(api: ApiName, params: Record<string, unknown>): Record<string, unknown> {
  const renames = rows[api].alias?.params;
  if (!renames) return params;
  const out = { ...params };
  for (const doc in renames) {
    const native = renames[doc]!;
    if (out[doc] === undefined && out[native] !== undefined) out[doc] = out[native];
  }
  return out;
}

/** Adds the row's native result fields (e.g. confirm's `ok`) when the page called with the alias's parameter names. */
export function nativeResult(api: ApiName, params: Record<string, unknown>, answer: Record<string, unknown>): Record<string, unknown> {
  const { alias, results } = rows[api];
  if (!results || !alias?.params || !Object.values(alias.params).some((n) => n in params)) return answer;
  const out = { ...answer };
  for (const native in results) out[native] ??= answer[results[native]!];
  return out;
}
