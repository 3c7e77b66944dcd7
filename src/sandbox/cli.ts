/**
 * `superqi-sandbox --port <n> --dir <dir> [--host <h>] [--allowed-host <name>]… [--allow-origin <origin>]…`:
 * starts the sandbox gateway and prints its URL once listening (`--port 0` picks a free port). Ctrl-C
 * stops it, saving the state.
 * `superqi-sandbox authcode|pay|sign|listen …`: the subcommands of commands.ts.
 */
import { allowListFlags, readFlags, runCli } from '../node/cli.js';
import { COMMAND_USAGE, isCommand, runCommand } from './commands.js';
import { startSandbox, type SandboxOptions } from './index.js';
import { SIGNATURE_ENCODINGS, type SignatureEncoding } from './signing.js';

const USAGE = `Usage: superqi-sandbox [--port <n>] [--dir <dir>] [--host <host>] [--allowed-host <name>]… [--allow-origin <origin>]…
  --port          TCP port (0 = any free port; default 0)
  --dir           directory for keys, .env and state (default .superqi-sandbox)
  --host          interface to listen on (default 127.0.0.1; 0.0.0.0 for a phone on your network)
  --allowed-host  a name the sandbox is reached by besides localhost and IP addresses, e.g. laptop.lan
                  (.example.test: the domain and its subdomains); repeatable. Others get 403 (DNS rebinding)
  --allow-origin  a page origin the wallet API answers besides pages on this machine, e.g.
                  http://192.168.1.20:5173 (the app on a phone), '*' for any page; repeatable
  --notify-signature plain|url-encoded
                  how notifications write their signature= value (default plain, the docs' base64)
Commands (superqi-sandbox <command> --help for each):
${Object.values(COMMAND_USAGE).map((u) => `  ${u.split('\n')[0]!.replace('Usage: ', '')}`).join('\n')}`;

/** Parses the flags; throws a message for bad ones. */
export function parseArgs(argv: readonly string[]): (SandboxOptions & { port: number; dir: string; host: string }) | 'help' {
  const flags = readFlags(argv, ['port', 'dir', 'host', 'notify-signature'], ['allowed-host', 'allow-origin']);
  if (flags === 'help') return 'help';
  const { 'allowed-host': _hosts, 'allow-origin': _origins, 'notify-signature': encoding, ...rest } = flags;
  if (encoding !== undefined && !SIGNATURE_ENCODINGS.includes(encoding as SignatureEncoding)) throw new Error(`--notify-signature must be ${SIGNATURE_ENCODINGS.join(' or ')}, got ${encoding}`);
  return {
    port: 0,
    dir: '.superqi-sandbox',
    host: '127.0.0.1',
    ...rest,
    ...allowListFlags(flags),
    ...(encoding ? { notifySignatureEncoding: encoding as SignatureEncoding } : {}),
  };
}

/** Runs a subcommand as a process: its output on stdout/stderr, Ctrl-C stops `listen`. */
async function command(argv: readonly string[]): Promise<void> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    process.exitCode = await runCommand(argv, { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), signal: stop.signal });
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}

const start = (argv: readonly string[]): Promise<void> =>
  runCli(
    'superqi-sandbox',
    USAGE,
    argv,
    parseArgs,
    startSandbox,
    (sandbox) => `superqi-sandbox listening on ${sandbox.url}\n  client id: ${sandbox.clientId}\n  .env:      ${sandbox.envPath}\n  page:      ${sandbox.url}/`,
  );

/** The `superqi-sandbox` command: a subcommand, or else start a sandbox. */
export const main = (argv: readonly string[]): Promise<void> => (isCommand(argv[0]) ? command(argv) : start(argv));
