import { defineConfig } from 'vite';
import { superqi } from 'superqi-bridge/vite';
import { LANG } from './web/src/lang.ts'; // with its extension: Vite's native config loader needs it

// `npm start` sets these (scripts/start.ts); `npx vite` alone runs the page on the emulator only.
const sandbox = process.env.SUPERQI_SANDBOX_URL;
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:7002';

export default defineConfig({
  root: 'web',
  plugins: [
    superqi({
      sandbox: sandbox ?? false,
      language: LANG,
      // the name the phone shows (title bar, consent and cashier sheets); appId keys storage
      emulator: { appId: '{{name}}', profile: { appName: '{{name}}' } },
    }),
  ],
  server: { host: '127.0.0.1', proxy: { '/api': backend } },
  build: { outDir: '../dist', emptyOutDir: true },
});
