/**
 * `superqi-devtools --app <url> [--port <n>] [--host <h>] [--sandbox <url>] [--allowed-host <name>]…`:
 * serves the devtools page for the app and prints its URL. Ctrl-C stops it.
 */
import { allowListFlags, readFlags, runCli } from '../node/cli.js';
import { startDevtools, type DevtoolsOptions } from './index.js';

const USAGE = `Usage: superqi-devtools --app <url> [--port <n>] [--host <host>] [--sandbox <url>] [--allowed-host <name>]…
  --app           the miniapp's URL, e.g. http://localhost:5173/ (it loads the superqi-bridge emulator)
  --port          TCP port (0 = any free port; default 0)
  --host          interface to listen on (default 127.0.0.1)
  --sandbox       a sandbox wallet's URL (superqi-sandbox), to show its users, payments and notifications
  --allowed-host  a name the devtools are reached by besides localhost and IP addresses, e.g. laptop.lan
                  (.example.test: the domain and its subdomains); repeatable. Others get 403 (DNS rebinding)`;

/** Parses the flags; throws a message for bad ones. */
export function parseArgs(argv: readonly string[]): DevtoolsOptions | 'help' {
  const flags = readFlags(argv, ['app', 'port', 'host', 'sandbox'], ['allowed-host']);
  if (flags === 'help') return 'help';
  const { 'allowed-host': _hosts, app, ...rest } = flags;
  if (!app) throw new Error('--app is required');
  return { app, ...rest, ...allowListFlags(flags) };
}

export const main = (argv: readonly string[]): Promise<void> =>
  runCli('superqi-devtools', USAGE, argv, parseArgs, startDevtools, (devtools, args) => `superqi-devtools: ${devtools.url}\n  app: ${args.app}`);
