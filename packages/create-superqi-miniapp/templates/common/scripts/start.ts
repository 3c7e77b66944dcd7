// `npm start`: the gateway (your `server/.env` if it exists, else the local sandbox wallet), the
// merchant backend configured by that `.env`, and Vite with the Super Qi plugin. Prints one URL: the
// devtools, with the app inside an emulated phone.
import { existsSync } from 'node:fs';
import { createServer } from 'vite';
import { startBackend } from '../server/backend';

const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 7001);
const BACKEND_PORT = Number(process.env.BACKEND_PORT ?? 7002);
const REAL_ENV = 'server/.env';

async function main(): Promise<void> {
  let envPath = REAL_ENV;
  let closeSandbox = async () => {};
  if (!existsSync(REAL_ENV)) {
    // No .env of your own: the sandbox wallet (state, keys and its .env kept in .superqi-sandbox/).
    const { startSandbox } = await import('superqi-bridge/sandbox');
    const sandbox = await startSandbox({ port: SANDBOX_PORT, dir: '.superqi-sandbox' });
    envPath = sandbox.envPath;
    closeSandbox = () => sandbox.close();
    process.env.SUPERQI_SANDBOX_URL = sandbox.url; // read by vite.config.ts
  }
  const backend = await startBackend({ envPath, port: BACKEND_PORT, publicUrl: process.env.PUBLIC_URL });
  process.env.BACKEND_URL = backend.url; // vite.config.ts proxies /api to it
  const vite = await createServer({ configFile: 'vite.config.ts' });
  await vite.listen();
  const local = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  console.log(`\n  Super Qi devtools: ${new URL('__superqi/', local).href}\n`);

  const stop = async () => {
    await vite.close();
    await backend.close();
    await closeSandbox();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
