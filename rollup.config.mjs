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
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

// Start from an empty dist/ so stale chunks never reach the package.
if (!process.env.ROLLUP_WATCH) rmSync('dist', { recursive: true, force: true });

const ts = () =>
  typescript({
    tsconfig: './tsconfig.build.json',
    compilerOptions: { declaration: false, declarationMap: false },
  });

const entries = { index: 'src/index.ts', emulator: 'src/emulator/index.ts', testing: 'src/testing/index.ts' };

const iife = (input, file, name, exports = 'named', swaps = []) => ({
  input,
  // freeze: false: a script tag's module namespaces are only read and spread (into `my`, `SuperQi`), never handed out.
  output: { file, format: 'iife', name, exports, sourcemap: true, freeze: false },
  // ascii_only: a page without a charset reads a script tag as windows-1252; escaped, the Arabic labels survive it.
  plugins: [swap(swaps), ts(), terser({ ecma: 2020, format: { ascii_only: true } })],
});

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

// The sandbox wallet (`superqi-bridge/sandbox` + the `superqi-sandbox` bin): Node only, its own
// tsconfig (Node types), never part of the browser entries above.
const sandboxTs = () =>
  typescript({
    tsconfig: './tsconfig.sandbox.build.json',
    compilerOptions: { declaration: false, declarationMap: false },
  });
const nodeBuiltin = (id) => id.startsWith('node:');

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
    plugins: [ts()],
  },
  // The script tag has every wrapper: it makes them from the table's rows by name (each name written
  // once), and canIUse reads the API names off them instead of a second copy.
  iife('src/iife.ts', 'dist/superqi-bridge.iife.js', 'SuperQi', 'none', [
    ['src/table/names.ts', 'src/table/names-script-tag.ts'],
    ['src/wrapper-set.ts', 'src/wrapper-set-script-tag.ts'],
  ]),
  iife('src/emulator-iife.ts', 'dist/superqi-emulator.iife.js', 'SuperQiEmulator'),
  {
    input: { sandbox: 'src/sandbox/index.ts', 'superqi-sandbox': 'src/sandbox/bin.ts' },
    external: nodeBuiltin,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'chunks/sandbox-[hash].mjs',
      sourcemap: true,
      banner: (chunk) => (chunk.isEntry && chunk.name === 'superqi-sandbox' ? '#!/usr/bin/env node' : ''),
    },
    plugins: [sandboxTs()],
  },
  {
    input: { sandbox: 'src/sandbox/index.ts' },
    external: nodeBuiltin,
    output: { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', exports: 'named', sourcemap: true },
    plugins: [sandboxTs()],
  },
  ...['d.ts', 'd.cts'].map((ext) => ({
    input: { sandbox: 'src/sandbox/index.ts' },
    external: nodeBuiltin,
    output: { dir: 'dist', entryFileNames: `[name].${ext}` },
    plugins: [dts({ tsconfig: './tsconfig.sandbox.build.json', respectExternal: true })],
  })),
  ...['d.ts', 'd.cts'].map((ext) => ({
    input: entries,
    output: { dir: 'dist', entryFileNames: `[name].${ext}`, chunkFileNames: `chunks/[name]-[hash].${ext}` },
    plugins: [dts({ tsconfig: './tsconfig.build.json', respectExternal: true })],
  })),
];
