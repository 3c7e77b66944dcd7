/** Reading loose parameter values, shared by the handlers. */

/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `v` if it is a string. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
