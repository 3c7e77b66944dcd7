/** Capability checks, typed to API names. */
import { isNotInHostError } from '../errors/not-in-host-error.js';
import type { ApiName } from '../table/index.js';
import { NAMES } from '../table/names.js';
import { SINCE } from '../table/since.js';
import { call } from './call.js';
import { hostVersion } from './environment.js';
import { unsupportedByHost } from './normalise.js';
import { foreignCanIUse, transport } from './transport.js';
import { own, ownValue } from './own.js';
import { olderVersion } from './version.js';

/** The host's synchronous answer: the transport's, else the page's foreign `my.canIUse`. */
const hostAnswer = (name: string): boolean | undefined => (own(transport, 'canIUse') ? transport.canIUse!(name) : foreignCanIUse(name));


/**
 * Whether the host supports `name`, synchronously, like `my.canIUse`. The host's own answer when it
 * has one (a foreign `my.canIUse`); else: a table API, not answered "not found" (error 1) earlier, and
 * not newer than the host version the user agent reports. Unknown names are false.
 */
export function canIUse(name: ApiName | (string & {})): boolean {
  if (typeof name !== 'string') return false; // not an API name; an object whose key conversion throws must not throw here
  const host = hostAnswer(name);
  if (host !== undefined) return host;
  // listed names only: 'toString', 'constructor'… are not APIs
  if (!NAMES.includes(name) || unsupportedByHost.has(name)) return false;
  const since = ownValue<string>(SINCE, name);
  let version;
  return !(since && (version = hostVersion()) && olderVersion(version, since));
}

/**
 * Asks the host whether it supports `name` (its `canIUse` JSAPI), waiting for readiness. A host without
 * that JSAPI, or one that fails to answer, gets the synchronous `canIUse()` answer instead.
 */
export async function isSupported(name: ApiName | (string & {})): Promise<boolean> {
  if (typeof name !== 'string') return false;
  if (hostAnswer(name) === undefined) {
    try {
      // The host's `canIUse` JSAPI (it has no wrapper: `canIUse()` answers locally).
      const answer = ownValue(await call('canIUse', { name }), 'canIUse');
      if (typeof answer === 'boolean') {
        if (!answer) unsupportedByHost.add(name);
        return answer;
      }
    } catch (e) {
      if (isNotInHostError(e)) return false;
      // any other failure: the host has no canIUse JSAPI; fall through to the local answer
    }
  }
  return canIUse(name);
}
