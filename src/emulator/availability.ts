/** Whether the emulated host has an API: in the table, not listed unsupported, not newer than its version. */
import { HOST_TABLE as TABLE } from '../table/index.js';
import type { HostProfile } from './types.js';
import { own, ownValue } from '../core/own.js';
import { olderVersion } from '../core/version.js';


/** Why the host lacks `api`, or undefined when it has it. */
export function unavailableReason(api: string, profile: HostProfile): string | undefined {
  if (profile.unsupported.includes(api)) return `${api} is not supported by this host`;
  // Own rows and fields only: 'toString' is no API, and an inherited `since` is no version.
  const since = ownValue<string>(ownValue(TABLE, api), 'since');
  if (since && olderVersion(profile.version, since)) {
    return `${api} needs host version ${since} or higher (this host is ${profile.version})`;
  }
  return undefined;
}

/** Whether the emulated host answers `api` (table APIs only). */
export const isAvailable = (api: string, profile: HostProfile): boolean => own(TABLE, api) && !unavailableReason(api, profile);
