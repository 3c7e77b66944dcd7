/** Capability checks, typed to API names. */
import { isNotInHostError } from '../errors/not-in-host-error.js';
import { TABLE, type ApiName } from '../table/index.js';
import type { ApiRow } from '../table/row.js';
import { invoke } from './invoke.js';
import { getEnvironment } from './environment.js';
import { unsupportedByHost } from './normalise.js';
import { transport } from './transport.js';
import { olderVersion } from './version.js';

/**
 * Whether the host supports `name`, synchronously, like `my.canIUse`. The host's own answer when it
 * has one (a foreign `my.canIUse`); else: a table API, not answered "not found" (error 1) earlier, and
 * not newer than the host version the user agent reports. Unknown names are false.
 */
export function canIUse(name: ApiName | (string & {})): boolean {
  if (typeof name !== 'string') return false; // not an API name; an object whose key conversion throws must not throw here
  const host = transport.canIUse(name);
  if (host !== undefined) return host;
  // own rows only: 'toString', 'constructor'… are not APIs
  const row = Object.prototype.hasOwnProperty.call(TABLE, name)
    ? (TABLE as Record<string, { since?: string }>)[name]
    : undefined;
  if (!row || unsupportedByHost.has(name)) return false;
  const version = getEnvironment().hostVersion;
  return !(row.since && version && olderVersion(version, row.since));
}

/**
 * Asks the host whether it supports `name` (its `canIUse` JSAPI), waiting for readiness. A host without
 * that JSAPI, or one that fails to answer, gets the synchronous `canIUse()` answer instead.
 */
export async function isSupported(name: ApiName | (string & {})): Promise<boolean> {
  if (transport.canIUse(name) === undefined) {
    try {
      const answer = (await invoke('canIUse', TABLE.canIUse as ApiRow, { name })) as { canIUse?: unknown };
      if (typeof answer.canIUse === 'boolean') {
        if (!answer.canIUse) unsupportedByHost.add(name);
        return answer.canIUse;
      }
    } catch (e) {
      if (isNotInHostError(e)) return false;
      // any other failure: the host has no canIUse JSAPI; fall through to the local answer
    }
  }
  return canIUse(name);
}
