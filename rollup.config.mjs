// Builds: ESM + CJS (the library), bundled .d.ts (ESM and CJS flavours), and the script-tag shim
// `dist/superqi-bridge.iife.js` (global `SuperQi`, installs `window.my`).
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';

const ts = () =>
  typescript({
    tsconfig: './tsconfig.build.json',
    compilerOptions: { declaration: false, declarationMap: false },
  });

export default [
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.mjs', format: 'es', sourcemap: true },
      { file: 'dist/index.cjs', format: 'cjs', sourcemap: true, exports: 'named' },
    ],
    plugins: [ts()],
  },
  {
    input: 'src/iife.ts',
    output: {
      file: 'dist/superqi-bridge.iife.js',
      format: 'iife',
      name: 'SuperQi',
      exports: 'named',
      sourcemap: true,
    },
    plugins: [ts(), terser({ ecma: 2020, module: false })],
  },
  {
    input: 'src/index.ts',
    output: [{ file: 'dist/index.d.ts' }, { file: 'dist/index.d.cts' }],
    plugins: [dts({ tsconfig: './tsconfig.build.json', respectExternal: true })],
  },
];
