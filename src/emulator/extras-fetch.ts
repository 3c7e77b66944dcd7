/**
 * Fetches the emulator's lazily loaded part (extras.ts) as a module: a dynamic import, so the page's
 * bundler makes it a chunk of its own. The script tag swaps in extras-fetch-script-tag.ts.
 */
export const fetchExtras = (): Promise<typeof import('./extras.js')> => import('./extras.js');
