// The sandbox wallet and a demo merchant backend beside the playground (`npm start`): the flows page's
// miniapp side runs on the emulator linked to the sandbox, its backend side calls this backend under
// /api/ on the playground's own origin, and the backend calls the sandbox's signed Open APIs with the
// key the sandbox generated. The backend is the demo merchant backend (examples/merchant-backend),
// written from 01-guide/11-Backend with superqi-bridge/server.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { ROOT, transpileOnly } from './build-playground.mjs';
import { createMerchantBackend } from '../examples/merchant-backend/server.mjs';

/** Where `npm start` keeps the sandbox (credentials, `.env`, state) across restarts; gitignored. */
export const SANDBOX_DIR = join(ROOT, '.superqi-sandbox');

/** Bundles a Node module of src/ (types stripped, like the playground's quick build) and imports it. */
export async function importSource(entry) {
  const bundle = await rollup({ input: join(ROOT, 'src', entry), external: (id) => id.startsWith('node:'), plugins: [transpileOnly()] });
  // Outside dist/ (the package's files): a temp file, removed once imported. Inside the repository,
  // so what the module loads at run time (the sandbox's libsql) resolves from its node_modules.
  await mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.cache', 'superqi-playground-source-'));
  const file = join(dir, 'module.mjs');
  try {
    await bundle.write({ file, format: 'es' });
  } finally {
    await bundle.close();
  }
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    await rm(dir, { recursive: true, force: true }); // loaded: the next start bundles afresh
  }
}

/**
 * Starts the sandbox in `dir` (port `SANDBOX_PORT`, else any free one) and makes the demo backend.
 * `publicUrl()`: the playground's URL (the notify URL the backend gives the sandbox). Resolves
 * `{ url, clientId, dir, backend: { handle, notifications }, close() }`.
 */
export async function startPlaygroundSandbox({ dir = SANDBOX_DIR, publicUrl, log = console.log }) {
  const { startSandbox } = await importSource('sandbox/index.ts');
  // the backend's superqi-bridge/server, from source too: `npm start` needs no `npm run build`
  const server = await importSource('server/index.ts');
  const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0), dir, onWarning: (m) => log(`sandbox: ${m}`) });
  const backend = await createMerchantBackend({ envPath: sandbox.envPath, publicUrl, corsOrigin: null, trace: true, refundPollMs: 1000, log: (m) => log(`demo backend: ${m}`), server });
  return { url: sandbox.url, clientId: sandbox.clientId, dir: sandbox.dir, backend, close: () => sandbox.close() };
}

