// Builds:
//  - ESM + CJS for the three package entries (`superqi-bridge`, `/emulator`, `/testing`), sharing
//    chunks so the emulator and test helpers talk to the same library instance as the page;
//  - bundled .d.ts for each entry (ESM and CJS flavours);
//  - the script-tag builds: `superqi-bridge.iife.js` (sets the global `SuperQi` itself: the package
//    but the table's data; installs `window.my`) and `superqi-emulator.iife.js` (global `SuperQiEmulator`, installs
//    itself outside a host).
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import { asciiOnly } from './scripts/ascii-only.mjs';
import { inlineRows } from './scripts/inline-rows.mjs';
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';

// Start from an empty dist/ so stale chunks never reach the package.
if (!process.env.ROLLUP_WATCH) rmSync('dist', { recursive: true, force: true });

const ts = () =>
  typescript({
    tsconfig: './tsconfig.build.json',
    compilerOptions: { declaration: false, declarationMap: false },
  });

const entries = { index: 'src/index.ts', emulator: 'src/emulator/index.ts', testing: 'src/testing/index.ts' };

const iife = (input, file, name, exports = 'named', swaps = [], more = []) => ({
  input,
  // freeze: false: a script tag's module namespaces are only read and spread (into `my`, `SuperQi`), never handed out.
  output: { file, format: 'iife', name, exports, sourcemap: true, freeze: false },
  // ascii_only: a page without a charset reads a script tag as windows-1252; escaped, the Arabic labels survive it.
  plugins: [swap(swaps), ...more, ts(), terser({ ecma: 2020, format: { ascii_only: true } })],
});

// The script-tag emulator loads its rarely used part (src/emulator/extras.ts) on first use as a second
// script, superqi-emulator-extras.iife.js (src/emulator/extras-fetch-script-tag.ts). The modules with
// state that both need come from the emulator's script (its SHARED_SLOT, keyed as here), never a copy.
const SHARED_WITH_EXTRAS = { files: 'src/emulator/files.ts' };
// Modules both scripts may carry a copy of: they hold no state, so two copies behave as one.
const STATELESS = ['src/core/own.ts', 'src/emulator/extras-slots.ts', 'src/emulator/handlers/values.ts', 'src/emulator/ui/dom.ts', 'src/emulator/ui/parts.ts', 'src/emulator/digest.ts'];
const emulatorModules = new Set();
const bundled = (bundle) => Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? Object.keys(c.modules) : []));
const recordModules = () => ({
  name: 'record-emulator-modules',
  generateBundle(_, bundle) {
    emulatorModules.clear();
    for (const id of bundled(bundle)) emulatorModules.add(id);
  },
});
const shareWithEmulator = () => ({
  name: 'share-with-emulator',
  async resolveId(source, importer, options) {
    if (!importer || importer.startsWith('\0')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const key = resolved && Object.keys(SHARED_WITH_EXTRAS).find((k) => resolve(SHARED_WITH_EXTRAS[k]) === resolved.id);
    return key ? `\0shared:${key}` : null;
  },
  async load(id) {
    if (!id.startsWith('\0shared:')) return null;
    const key = id.slice('\0shared:'.length);
    const { exports } = await this.load({ id: resolve(SHARED_WITH_EXTRAS[key]) });
    return `export const { ${exports.join(', ')} } = globalThis[Symbol.for('superqi-bridge.emulator.shared')].${key};\n`;
  },
  generateBundle(_, bundle) {
    if (!emulatorModules.size) this.error('share-with-emulator: build superqi-emulator.iife.js first');
    const copies = bundled(bundle).filter((id) => emulatorModules.has(id)).map((id) => relative(process.cwd(), id));
    const stateful = copies.filter((f) => !STATELESS.includes(f));
    if (stateful.length) this.error(`share-with-emulator: both scripts would carry their own ${stateful.join(', ')}: share it (SHARED_WITH_EXTRAS) or list it as STATELESS`);
  },
});
const EXTRAS_SWAP = [['src/emulator/extras-fetch.ts', 'src/emulator/extras-fetch-script-tag.ts']];

/**
 * Puts another source module in place of one, for one build: [[module, replacement], …] under src/.
 * A listed module the build never imports fails it (a rename must not silently undo a swap).
 */
const swap = (pairs) => {
  const swapped = new Set();
  return {
    name: 'swap-modules',
    buildStart: () => swapped.clear(),
    async resolveId(source, importer, options) {
      if (!importer || !pairs.length) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const pair = resolved && pairs.find(([from]) => resolved.id === resolve(from));
      if (!pair) return null;
      swapped.add(pair[0]);
      return resolve(pair[1]);
    },
    buildEnd(error) {
      const missed = pairs.filter(([from]) => !swapped.has(from));
      if (!error && missed.length) this.error(`swap-modules: never imported, so not swapped: ${missed.map(([f]) => f).join(', ')}`);
    },
  };
};

// Node-only entries (the sandbox wallet, the devtools server): their own tsconfig (Node types), never
// part of the browser entries above.
const sandboxTs = () =>
  typescript({
    tsconfig: './tsconfig.sandbox.build.json',
    compilerOptions: { declaration: false, declarationMap: false },
  });
const nodeBuiltin = (id) => id.startsWith('node:');

/**
 * A Node-only entry `name` (ESM + CJS + d.ts) and, when given, its bin `superqi-<name>` (ESM, with a
 * shebang); `external` decides which imports stay imports (default: Node's built-ins).
 */
const nodeEntry = (name, input, bin, external = nodeBuiltin) => [
  {
    input: { [name]: input, ...(bin ? { [`superqi-${name}`]: bin } : {}) },
    external,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: `chunks/${name}-[hash].mjs`,
      sourcemap: true,
      banner: (chunk) => (chunk.isEntry && chunk.name === `superqi-${name}` ? '#!/usr/bin/env node' : ''),
    },
    plugins: [sandboxTs()],
  },
  {
    input: { [name]: input },
    external,
    output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', exports: 'named', sourcemap: true },
    plugins: [sandboxTs()],
  },
  ...['d.ts', 'd.cts'].map((ext) => ({
    input: { [name]: input },
    external,
    output: { dir: 'dist', entryFileNames: `[name].${ext}` },
    plugins: [dts({ tsconfig: './tsconfig.sandbox.build.json', respectExternal: true })],
  })),
];

export default [
  {
    input: entries,
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', sourcemap: true },
      {
        dir: 'dist',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
        exports: 'named',
        sourcemap: true,
      },
    ],
    // inlineRows after ts(): it rewrites the compiled wrappers (each row's literal inside its api() call).
    // asciiOnly: a user's bundler may copy these modules as they are into a classic script (see scripts/ascii-only.mjs).
    plugins: [ts(), inlineRows(), asciiOnly()],
  },
  // The script tag has every wrapper: it makes them from the table's rows by name (each name written
  // once), and canIUse reads the API names off them instead of a second copy.
  iife('src/iife.ts', 'dist/superqi-bridge.iife.js', 'SuperQi', 'none', [
    ['src/table/names.ts', 'src/table/names-script-tag.ts'],
    ['src/wrapper-set.ts', 'src/wrapper-set-script-tag.ts'],
  ]),
  iife('src/emulator-iife.ts', 'dist/superqi-emulator.iife.js', 'SuperQiEmulator', 'named', EXTRAS_SWAP, [recordModules()]),
  iife('src/emulator-extras-iife.ts', 'dist/superqi-emulator-extras.iife.js', undefined, 'none', [], [shareWithEmulator()]),
  // The sandbox wallet and the devtools server (`superqi-bridge/devtools` + `superqi-devtools`; the
  // page it serves is built by scripts/build-playground.mjs into dist/devtools/).
  ...nodeEntry('sandbox', 'src/sandbox/index.ts', 'src/sandbox/bin.ts'),
  ...nodeEntry('devtools', 'src/devtools/index.ts', 'src/devtools/bin.ts'),
  // The merchant backend's Open API client (`superqi-bridge/server`): node:crypto and fetch only, the
  // shared contract (src/contract) and none of the sandbox (check:package checks what it imports).
  ...nodeEntry('server', 'src/server/index.ts'),
  // The Vite plugin (`superqi-bridge/vite`): imports only vite's types; in the page it serves the
  // script-tag emulator and the devtools page from dist/, and loads dist/sandbox.mjs when it starts one.
  ...nodeEntry('vite', 'src/vite/index.ts', undefined, (id) => nodeBuiltin(id) || id === 'vite'),
  ...['d.ts', 'd.cts'].map((ext) => ({
    input: entries,
    output: { dir: 'dist', entryFileNames: `[name].${ext}`, chunkFileNames: `chunks/[name]-[hash].${ext}` },
    plugins: [dts({ tsconfig: './tsconfig.build.json', respectExternal: true })],
  })),
];
