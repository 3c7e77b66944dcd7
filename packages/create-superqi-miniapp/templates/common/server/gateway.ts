// Which gateway the backend talks to. Moving to the real one is a change of `.env` only: with a
// `server/.env` of your own (01-guide/09-Testing-Locally's layout, your UAT credentials), that is
// used and no sandbox starts; without one, the sandbox wallet starts and its `.env` is used.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The gateway chosen. */
export interface Gateway {
  /** The `.env` the backend reads. */
  envPath: string;
  /** The sandbox wallet's URL, when it is the sandbox (the emulator plays the phone through it). */
  sandboxUrl?: string;
  close(): Promise<void>;
}

/** `<root>/server/.env` if it exists, else a sandbox wallet on `sandboxPort` kept in `<root>/.superqi-sandbox`. */
export async function openGateway(root: string, sandboxPort: number): Promise<Gateway> {
  const own = join(root, 'server', '.env');
  if (existsSync(own)) return { envPath: own, close: async () => {} };
  const { startSandbox } = await import('superqi-bridge/sandbox');
  const sandbox = await startSandbox({ port: sandboxPort, dir: join(root, '.superqi-sandbox') });
  return { envPath: sandbox.envPath, sandboxUrl: sandbox.url, close: () => sandbox.close() };
}
