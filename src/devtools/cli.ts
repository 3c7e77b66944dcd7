/**
 * `superqi-devtools --app <url> [--port <n>] [--host <h>] [--sandbox <url>]`: serves the devtools page
 * for the app and prints its URL. Ctrl-C stops it.
 */
import { readFlags, runCli } from '../node/cli.js';
import { startDevtools, type DevtoolsOptions } from './index.js';

const USAGE = `Usage: superqi-devtools --app <url> [--port <n>] [--host <host>] [--sandbox <url>]
  --app      the miniapp's URL, e.g. http://localhost:5173/ (it loads the superqi-bridge emulator)
  --port     TCP port (0 = any free port; default 0)
  --host     interface to listen on (default 127.0.0.1)
  --sandbox  a sandbox wallet's URL (superqi-sandbox), to show its users, payments and notifications`;

/** Parses the flags; throws a message for bad ones. */
export function parseArgs(argv: readonly string[]): DevtoolsOptions | 'help' {
  const flags = readFlags(argv, ['app', 'port', 'host', 'sandbox']);
  if (flags === 'help') return 'help';
  if (!flags.app) throw new Error('--app is required');
  return flags as DevtoolsOptions;
}

export const main = (argv: readonly string[]): Promise<void> =>
  runCli('superqi-devtools', USAGE, argv, parseArgs, startDevtools, (devtools, args) => `superqi-devtools: ${devtools.url}\n  app: ${args.app}`);
