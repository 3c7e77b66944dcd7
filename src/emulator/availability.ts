/** Whether the emulated host has an API: in the table, not listed unsupported, not newer than its version. */
import { HOST_TABLE as TABLE } from '../table/index.js';
import type { HostProfile } from './types.js';
import { olderVersion } from '../core/version.js';

/** A table API (own rows only: 'toString', 'constructor'… are no APIs). */
const has = (api: string): boolean => Object.prototype.hasOwnProperty.call(TABLE, api);

/** Why the host lacks `api`, or undefined when it has it. */
export function unavailableReason(api: string, profile: HostProfile): string | undefined {
  if (profile.unsupported.includes(api)) return `${api} is not supported by this host`;
  const since = has(api) ? (TABLE as Record<string, { since?: string }>)[api]?.since : undefined;
  if (since && olderVersion(profile.version, since)) {
    return `${api} needs host version ${since} or higher (this host is ${profile.version})`;
  }
  return undefined;
}

/** Whether the emulated host answers `api` (table APIs only). */
export const isAvailable = (api: string, profile: HostProfile): boolean => has(api) && !unavailableReason(api, profile);
