/**
 * A row's result renames (`results`: native field → documented field) as a `Finish`, so only the
 * wrappers of rows that have renames (confirm: classic hosts answer `ok`) carry the code that applies them.
 */
import type { Finish } from './invoke.js';
import { success } from './normalise.js';
import { own, ownValue } from './own.js';

/** Adds each documented field a success answer lacks from its native field; failures take the default path. */
export const renamed: Finish = (raw, failed, call) => {
  if (failed || !success(raw)) return false;
  const renames = call.spec.results ?? {};
  const out: Record<string, unknown> = { ...raw };
  // Own names and fields only: an `ok` or `confirm` on Object.prototype is not the host's.
  for (const from of Object.keys(renames)) if (ownValue(out, renames[from]!) === undefined && own(raw, from)) out[renames[from]!] = raw[from];
  call.settle(true, out);
  return true;
};
