/**
 * What the package's Node commands (`superqi-sandbox`, `superqi-devtools`) share: reading
 * `--flag value` / `--flag=value` arguments with the same messages for bad ones, and running a server
 * until Ctrl-C.
 */
import { checkAllowedHosts } from './hosts.js';
import { checkAllowOrigins } from './origins.js';

/**
 * Reads `argv` as the `--<name>` flags in `names` (`port` checked as 0–65535) and the repeatable ones in
 * `lists` (each an array of its values); `'help'` for -h/--help. Throws a message for a bad flag.
 */
export function readFlags<N extends string, L extends string = never>(
  argv: readonly string[],
  names: readonly N[],
  lists: readonly L[] = [],
): (Partial<Record<N, string>> & Partial<Record<L, string[]>> & { port?: number }) | 'help' {
  const out: Partial<Record<N, string>> & Partial<Record<L, string[]>> & { port?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const name = flag.slice(2);
    if (!flag.startsWith('--') || !(names.includes(name as N) || lists.includes(name as L))) throw new Error(`unknown option ${arg}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    if (lists.includes(name as L)) ((out as Record<string, string[]>)[name] ??= []).push(value);
    else if (name === 'port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`--port must be 0–65535, got ${value}`);
      out.port = Number(value);
    } else (out as Record<string, string>)[name] = value;
  }
  return out;
}

/** The repeatable flags both commands take, as the options they stand for (checked, named by flag); absent when not given. */
export function allowListFlags(flags: { 'allowed-host'?: string[]; 'allow-origin'?: string[] }): { allowedHosts?: string[]; allowOrigins?: string[] } {
  const hosts = flags['allowed-host'];
  const origins = flags['allow-origin'];
  return {
    ...(hosts && { allowedHosts: checkAllowedHosts('--allowed-host', hosts) as string[] }),
    ...(origins && { allowOrigins: [...checkAllowOrigins('--allow-origin', origins)] }),
  };
}

/**
 * Runs command `name`: parses `argv` (a bad flag prints the message and `usage`, exit code 2), prints
 * `usage` for help, else starts the server and prints what `started` says; SIGINT/SIGTERM close it.
 */
export async function runCli<A, S extends { close(): Promise<void> }>(
  name: string,
  usage: string,
  argv: readonly string[],
  parse: (argv: readonly string[]) => A | 'help',
  start: (args: A) => Promise<S>,
  started: (server: S, args: A) => string,
): Promise<void> {
  let args: A | 'help';
  try {
    args = parse(argv);
  } catch (e) {
    process.stderr.write(`${name}: ${(e as Error).message}\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  if (args === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const server = await start(args);
  process.stdout.write(`${started(server, args)}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
