/** Where the package's built files are, seen from a module of one of its Node entries. */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's dist/ folder: the folder of the module at `moduleUrl`, or its parent when the build put it in dist/chunks/. */
export function distDir(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return basename(here) === 'chunks' ? dirname(here) : here;
}

/** The devtools page the package ships (built by scripts/build-playground.mjs into dist/devtools/). */
export const devtoolsRoot = (moduleUrl: string): string => join(distDir(moduleUrl), 'devtools');
