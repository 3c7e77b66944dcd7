import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const GLOBALS = join(ROOT, 'types/globals.d.ts');

/**
 * The preludes of the docs' code blocks (`<!-- prelude: name -->` before a block, docs/development.md
 * "Code blocks in the docs"): declarations a fragment needs and does not write itself — never code that
 * makes a block pass. Each is handed to the type checker as `<name>.d.ts` beside the blocks that ask
 * for it. Kept as strings so that this repository's own type check never sees their globals.
 */
export const PRELUDES: Record<string, string> = {
  'emulator-config': `// Prelude "emulator-config": the global the emulator's script tag reads its options from.
interface Window {
  SuperQiEmulatorConfig?: import('superqi-bridge/emulator').EmulatorOptions | false;
}
`,
  'globals': `// Prelude "globals": a page that uses the script tags' globals (my, AlipayJSBridge, SuperQi), typed by superqi-bridge/globals.
/// <reference path="${GLOBALS}" />
`,
  'jest': `// Prelude "jest": Jest's globals, as Jest injects them into a test file.
declare const test: typeof import('@jest/globals').test;
declare const expect: typeof import('@jest/globals').expect;
declare const beforeEach: typeof import('@jest/globals').beforeEach;
declare const afterEach: typeof import('@jest/globals').afterEach;
`,
  'page': `// Prelude "page": what a page fragment uses but does not define — values the page got elsewhere.
declare const paymentUrl: string; // from your backend's pay (redirectActionForm.redirectionUrl)
declare const url: string; // any URL, e.g. location.href
declare function refresh(data: unknown): void; // the page's own
`,
};

/**
 * The agreed API of `superqi-bridge/vite` (issue 23), handed to the checker only while the package does
 * not export it yet: the docs' Vite blocks are checked against this until the plugin lands, then against
 * the plugin's own types (this is then no longer used).
 */
export const VITE_STUB = `declare module 'superqi-bridge/vite' {
  import type { Plugin } from 'vite';
  import type { EmulatorOptions, PresetName } from 'superqi-bridge/emulator';

  /** Options of the plugin. */
  export interface SuperqiViteOptions {
    sandbox?: string | { port?: number; dir?: string } | false;
    language?: 'en' | 'ar';
    role?: 'customer' | 'business';
    presets?: PresetName[];
    emulator?: EmulatorOptions;
    devtools?: boolean | string;
  }
  /** The plugin. */
  export function superqi(options?: SuperqiViteOptions): Plugin;
  export default superqi;
}
`;
