/**
 * `superqi-devtools --app <url> [--port <n>] [--host <h>] [--sandbox <url>]`: serves the devtools page
 * for the app and prints its URL. Ctrl-C stops it.
 */
import { startDevtools, type DevtoolsOptions } from './index.js';

const USAGE = `Usage: superqi-devtools --app <url> [--port <n>] [--host <host>] [--sandbox <url>]
  --app      the miniapp's URL, e.g. http://localhost:5173/ (it loads the superqi-bridge emulator)
  --port     TCP port (0 = any free port; default 0)
  --host     interface to listen on (default 127.0.0.1)
  --sandbox  a sandbox wallet's URL (superqi-sandbox), to show its users, payments and notifications`;

/** Parses the flags; throws a message for bad ones. */
export function parseArgs(argv: readonly string[]): DevtoolsOptions | 'help' {
  const out: Partial<DevtoolsOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--app' && flag !== '--port' && flag !== '--host' && flag !== '--sandbox') throw new Error(`unknown option ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    if (flag === '--port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`--port must be 0–65535, got ${value}`);
      out.port = Number(value);
    } else out[flag.slice(2) as 'app' | 'host' | 'sandbox'] = value;
  }
  if (!out.app) throw new Error('--app is required');
  return out as DevtoolsOptions;
}

export async function main(argv: readonly string[]): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`superqi-devtools: ${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const devtools = await startDevtools(args);
  process.stdout.write(`superqi-devtools: ${devtools.url}\n  app: ${args.app}\n`);
  const stop = () => void devtools.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
