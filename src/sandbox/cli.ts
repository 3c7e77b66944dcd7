/**
 * `superqi-sandbox --port <n> --dir <dir> [--host <h>] [--allowed-host <name>]… [--allow-origin <origin>]…`:
 * starts the sandbox gateway and prints its URL once listening (`--port 0` picks a free port). Ctrl-C
 * stops it, saving the state.
 */
import { allowListFlags, readFlags, runCli } from '../node/cli.js';
import { startSandbox, type SandboxOptions } from './index.js';

const USAGE = `Usage: superqi-sandbox [--port <n>] [--dir <dir>] [--host <host>] [--allowed-host <name>]… [--allow-origin <origin>]…
  --port          TCP port (0 = any free port; default 0)
  --dir           directory for keys, .env and state (default .superqi-sandbox)
  --host          interface to listen on (default 127.0.0.1; 0.0.0.0 for a phone on your network)
  --allowed-host  a name the sandbox is reached by besides localhost and IP addresses, e.g. laptop.lan
                  (.example.test: the domain and its subdomains); repeatable. Others get 403 (DNS rebinding)
  --allow-origin  a page origin the wallet API answers besides pages on this machine, e.g.
                  http://192.168.1.20:5173 (the app on a phone), '*' for any page; repeatable`;

/** Parses the flags; throws a message for bad ones. */
export function parseArgs(argv: readonly string[]): (SandboxOptions & { port: number; dir: string; host: string }) | 'help' {
  const flags = readFlags(argv, ['port', 'dir', 'host'], ['allowed-host', 'allow-origin']);
  if (flags === 'help') return 'help';
  const { 'allowed-host': _hosts, 'allow-origin': _origins, ...rest } = flags;
  return { port: 0, dir: '.superqi-sandbox', host: '127.0.0.1', ...rest, ...allowListFlags(flags) };
}

export const main = (argv: readonly string[]): Promise<void> =>
  runCli(
    'superqi-sandbox',
    USAGE,
    argv,
    parseArgs,
    startSandbox,
    (sandbox) => `superqi-sandbox listening on ${sandbox.url}\n  client id: ${sandbox.clientId}\n  .env:      ${sandbox.envPath}\n  page:      ${sandbox.url}/`,
  );
