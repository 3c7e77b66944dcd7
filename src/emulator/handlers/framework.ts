import type { Handler } from '../types.js';
import { isAvailable } from '../availability.js';

/** canIUse: known to the table, not in the profile's unsupported list, not newer than the host version. */
export const frameworkHandlers: { canIUse: Handler<'canIUse'> } = {
  canIUse: (ctx) => ({ canIUse: isAvailable(String(ctx.params.name ?? ''), ctx.profile) }),
};
