// `npm start`: the gateway (your `server/.env` if it exists, else the local sandbox wallet), the
// merchant backend configured by that `.env`, and Vite with the Super Qi plugin. Prints one URL: the
// devtools, with the app inside an emulated phone.
import { createServer } from 'vite';
import { startBackend } from '../server/backend';
import { openGateway } from '../server/gateway';

const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 7001);
const BACKEND_PORT = Number(process.env.BACKEND_PORT ?? 7002);

async function main(): Promise<void> {
  const gateway = await openGateway(process.cwd(), SANDBOX_PORT);
  const backend = await startBackend({ envPath: gateway.envPath, port: BACKEND_PORT });
  // read by vite.config.ts: the emulator plays the phone through the sandbox; /api goes to the backend
  if (gateway.sandboxUrl) process.env.SUPERQI_SANDBOX_URL = gateway.sandboxUrl;
  process.env.BACKEND_URL = backend.url;
  const vite = await createServer({ configFile: 'vite.config.ts' });
  await vite.listen();
  const local = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  console.log(`\n  Super Qi devtools: ${new URL('__superqi/', local).href}\n`);

  const stop = async () => {
    await vite.close();
    await backend.close();
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
