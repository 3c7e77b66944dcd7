/**
 * `superqi-sandbox --port <n> --dir <dir> [--host <h>]`: starts the sandbox gateway and prints its URL
 * once listening (`--port 0` picks a free port). Ctrl-C stops it, saving the state.
 */
import { startSandbox } from './index.js';

const USAGE = `Usage: superqi-sandbox [--port <n>] [--dir <dir>] [--host <host>]
  --port  TCP port (0 = any free port; default 0)
  --dir   directory for keys, .env and state (default .superqi-sandbox)
  --host  interface to listen on (default 127.0.0.1)`;

/** Parses the flags; throws a message for bad ones. */
export function parseArgs(argv: readonly string[]): { port: number; dir: string; host: string } | 'help' {
  const out = { port: 0, dir: '.superqi-sandbox', host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--port' && flag !== '--dir' && flag !== '--host') throw new Error(`unknown option ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    if (flag === '--port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`--port must be 0–65535, got ${value}`);
      out.port = Number(value);
    } else out[flag.slice(2) as 'dir' | 'host'] = value;
  }
  return out;
}

export async function main(argv: readonly string[]): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`superqi-sandbox: ${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sandbox = await startSandbox(args);
  process.stdout.write(`superqi-sandbox listening on ${sandbox.url}\n  client id: ${sandbox.clientId}\n  .env:      ${sandbox.envPath}\n  page:      ${sandbox.url}/\n`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
