/**
 * The CLI's subcommands beside starting a sandbox (`superqi-sandbox --dir …`): act as the user, or
 * watch the notifications, so a backend can be tested without a browser (like the Stripe CLI's
 * `trigger` / `listen`).
 *
 *   superqi-sandbox authcode [--dir <dir>] [--user <id>] [--scopes USER_ID,USER_NAME]
 *   superqi-sandbox pay <paymentId|paymentUrl> [--as <user>] [--outcome pay|cancel|fail|pending] [--dir <dir>]
 *   superqi-sandbox sign <authUrl> [--as <user>] [--dir <dir>]
 *   superqi-sandbox listen [--json] [--dir <dir>]
 */
import { readFlags } from '../node/cli.js';
import type { CashierDecision } from './protocol.js';
import { describeEvent, listen } from './listen.js';
import { gatewayUrlOf, withDirWallet } from './offline.js';
import { grantAuthCode, payAsUser, signContract } from './wallet-actions.js';

const DEFAULT_DIR = '.superqi-sandbox';

const DIR_LINE = `  --dir      the sandbox directory, running or not (default ${DEFAULT_DIR}); a running sandbox is asked
             over its wallet API (its URL is in <dir>/.env), else its state is changed under its lock`;

/** Usage of each subcommand. */
export const COMMAND_USAGE = {
  authcode: `Usage: superqi-sandbox authcode [--dir <dir>] [--user <id>] [--scopes <A,B>]
  Consent as the user (as if they tapped Allow); prints the authCode alone on the last line.
  --user     the sandbox user (default: the first customer, 2160000000000001)
  --scopes   comma-separated scopes as getAuthCode names them (default USER_ID)
${DIR_LINE}`,
  pay: `Usage: superqi-sandbox pay <paymentId|paymentUrl> [--as <user>] [--outcome pay|cancel|fail|pending] [--dir <dir>]
  Settle a cashier payment as the user; prints the payment, then tradePay's resultCode on the last line.
  --as       the paying user (default: the payment's referenceBuyerId if a sandbox user, else the first customer)
  --outcome  what the user does in the cashier (default pay)
${DIR_LINE}`,
  sign: `Usage: superqi-sandbox sign <authUrl> [--as <user>] [--dir <dir>]
  Sign the agreement contract behind prepare's authUrl; prints the authCode alone on the last line.
  --as       the signing user (default: the first customer)
${DIR_LINE}`,
  listen: `Usage: superqi-sandbox listen [--json] [--dir <dir>]
  Print the notifications the running sandbox sends and each delivery attempt as they happen
  (it polls GET /sandbox-api/state); Ctrl-C stops.
  --json     one JSON object per line: {"event":"listening"|"notification"|"attempt"|"disconnected",…}
  --dir      the running sandbox's directory (its URL is read from <dir>/.env; default ${DEFAULT_DIR})`,
} as const;

/** A subcommand's name. */
export type CommandName = keyof typeof COMMAND_USAGE;

/** Whether `argv[0]` names a subcommand. */
export const isCommand = (word: string | undefined): word is CommandName => !!word && Object.prototype.hasOwnProperty.call(COMMAND_USAGE, word);

/** Where a subcommand writes, and what stops `listen`. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  signal: AbortSignal;
}

/** Splits `argv` into positional words and `--flag value` pairs (for `readFlags`), `switches` taking no value. */
function split(argv: readonly string[], switches: readonly string[]): { words: string[]; flags: string[]; on: Set<string> } {
  const words: string[] = [];
  const flags: string[] = [];
  const on = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (switches.includes(arg)) on.add(arg.slice(2));
    else if (!arg.startsWith('-')) words.push(arg);
    else if (arg.includes('=') || arg === '-h' || arg === '--help') flags.push(arg);
    else flags.push(arg, ...(i + 1 < argv.length ? [argv[++i]!] : []));
  }
  return { words, flags, on };
}

const OUTCOMES: readonly CashierDecision[] = ['pay', 'cancel', 'fail', 'pending'];

/** Parses a subcommand's arguments; throws a message for bad ones. */
export function parseCommand(argv: readonly string[]):
  | 'help'
  | { command: 'authcode'; dir: string; user?: string; scopes: string[] }
  | { command: 'pay'; dir: string; target: string; as?: string; outcome: CashierDecision }
  | { command: 'sign'; dir: string; target: string; as?: string }
  | { command: 'listen'; dir: string; json: boolean } {
  const [command, ...rest] = argv;
  if (!isCommand(command)) throw new Error(`unknown command ${String(command)}`);
  const { words, flags, on } = split(rest, command === 'listen' ? ['--json'] : []);
  const names = { authcode: ['dir', 'user', 'scopes'], pay: ['dir', 'as', 'outcome'], sign: ['dir', 'as'], listen: ['dir'] }[command];
  const read = readFlags(flags, names);
  if (read === 'help') return 'help';
  const f = read as Partial<Record<'dir' | 'user' | 'scopes' | 'as' | 'outcome', string>>;
  const dir = f.dir ?? DEFAULT_DIR;
  const wants = command === 'pay' || command === 'sign' ? 1 : 0;
  if (words.length !== wants) {
    throw new Error(wants ? `${command} takes one ${command === 'pay' ? 'paymentId or paymentUrl' : 'authUrl'}, got ${words.length}` : `${command} takes no argument, got ${words.join(' ')}`);
  }
  switch (command) {
    case 'authcode': {
      const scopes = (f.scopes ?? 'USER_ID').split(',').map((s) => s.trim()).filter(Boolean);
      if (!scopes.length) throw new Error('--scopes needs at least one scope (USER_ID,USER_NAME…)');
      return { command, dir, scopes, ...(f.user ? { user: f.user } : {}) };
    }
    case 'pay': {
      const outcome = (f.outcome ?? 'pay') as CashierDecision;
      if (!OUTCOMES.includes(outcome)) throw new Error(`--outcome must be ${OUTCOMES.join(', ')}, got ${f.outcome}`);
      return { command, dir, target: words[0]!, outcome, ...(f.as ? { as: f.as } : {}) };
    }
    case 'sign':
      return { command, dir, target: words[0]!, ...(f.as ? { as: f.as } : {}) };
    case 'listen':
      return { command, dir, json: on.has('json') };
  }
}

/**
 * Runs a subcommand (`argv[0]` is its name); resolves the exit code: 0 done, 1 it failed (the message
 * on `err`), 2 bad arguments (the message and the usage on `err`).
 */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let args: ReturnType<typeof parseCommand>;
  try {
    args = parseCommand(argv);
  } catch (e) {
    io.err(`superqi-sandbox ${argv[0]}: ${(e as Error).message}\n${isCommand(argv[0]) ? COMMAND_USAGE[argv[0]] : ''}`);
    return 2;
  }
  if (args === 'help') {
    io.out(COMMAND_USAGE[argv[0] as CommandName]);
    return 0;
  }
  const a = args;
  try {
    switch (a.command) {
      case 'authcode': {
        const r = await withDirWallet(a.dir, (w) => grantAuthCode(w, { scopes: a.scopes, ...(a.user ? { user: a.user } : {}) }, 'authcode'), io.err);
        io.out(`authCode for ${a.user ?? 'the first customer'} (${r.authSuccessScopes.join(', ')}), single use, expires ${r.expiresAt}:`);
        io.out(r.authCode);
        break;
      }
      case 'pay': {
        const r = await withDirWallet(a.dir, (w) => payAsUser(w, a.target, { outcome: a.outcome, ...(a.as ? { as: a.as } : {}) }, 'pay'), io.err);
        io.out(`payment ${r.payment.paymentId} (${r.payment.paymentAmount.value} fils ${r.payment.paymentAmount.currency}): ${r.payment.status}; tradePay resultCode:`);
        io.out(r.resultCode);
        break;
      }
      case 'sign': {
        const code = await withDirWallet(a.dir, (w) => signContract(w, a.target, a.as ? { as: a.as } : {}, 'sign'), io.err);
        io.out('signed; the agreement authCode (applyToken redeems it once):');
        io.out(code);
        break;
      }
      case 'listen':
        await listen({ url: () => gatewayUrlOf(a.dir), signal: io.signal, onEvent: (e) => io.out(a.json ? JSON.stringify(e) : describeEvent(e)) });
        break;
    }
    return 0;
  } catch (e) {
    io.err(`superqi-sandbox ${a.command}: ${(e as Error).message}`);
    return 1;
  }
}
