/**
 * A ```sh block of the docs: each `npm run X` (and `npm start`/`npm test`) names a script of
 * package.json; each `npx superqi-*` names a bin of the package, and every `--flag` (and subcommand)
 * on its line is accepted by that command's own parser; `npm create X` names a package of this
 * repository (`create-X`) once the repository has workspaces, and each of its flags is one that
 * package's command line names as a string literal.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs as devtoolsArgs } from '../../src/devtools/cli.js';
import { parseArgs as sandboxArgs } from '../../src/sandbox/cli.js';
import { isCommand, parseCommand } from '../../src/sandbox/commands.js';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin?: Record<string, string>; workspaces?: string[] };

/** Each bin's argument parser (a bin the docs use must have one here). */
const PARSERS: Record<string, (argv: readonly string[]) => unknown> = {
  'superqi-sandbox': (argv) => (isCommand(argv[0]) ? parseCommand(argv) : sandboxArgs(argv)),
  'superqi-devtools': devtoolsArgs,
};

/** Whether `argv` is refused as naming an unknown option or command (any other complaint — a missing value, a required flag — means the parser knows it). */
function unknownTo(bin: string, argv: readonly string[]): string | undefined {
  try {
    PARSERS[bin]!(argv);
  } catch (e) {
    const message = (e as Error).message;
    if (/^unknown (option|command)/.test(message)) return message;
  }
  return undefined;
}

/** This repository's workspace packages (none before the workspaces land): name → the text of its bin and src/ files. */
export function repositoryPackages(): Map<string, string> {
  const names = new Map<string, string>();
  for (const dir of ['packages', ...(pkg.workspaces ?? []).map((w) => w.replace(/\/\*$/, ''))]) {
    const base = join(ROOT, dir);
    if (!existsSync(base)) continue;
    const candidates = existsSync(join(base, 'package.json')) ? [base] : readdirSync(base).map((d) => join(base, d));
    for (const d of candidates) {
      const p = join(d, 'package.json');
      if (existsSync(p)) names.set((JSON.parse(readFileSync(p, 'utf8')) as { name: string }).name, sourcesOf(d));
    }
  }
  return names;
}

/** The text of a package's bin/ and src/ files (where its command line is parsed). */
function sourcesOf(dir: string): string {
  return ['bin', 'src']
    .map((sub) => join(dir, sub))
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => join(d, f)))
    .filter((f) => /\.[cm]?[jt]s$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

/** Commands of a shell line, comment removed, as word lists. */
function commandsOf(line: string): string[][] {
  const code = line.replace(/(^|\s)#.*$/, '');
  // a pipe only with spaces around it: `<paymentId|paymentUrl>` and `pay|cancel` are placeholders
  return code.split(/&&|\|\||;|\s\|\s/).map((c) => c.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/^['"]|['"]$/g, ''))).filter((c) => c.length);
}

/** Problems of one ```sh block; `own` is the repository's workspace packages (for `npm create`). */
export function shProblems(text: string, own: ReadonlyMap<string, string> = repositoryPackages()): string[] {
  const problems: string[] = [];
  for (const line of text.replace(/\\\n/g, ' ').split('\n')) {
    for (const words of commandsOf(line)) {
      const [tool, first, second] = words;
      if (tool === 'npm' && (first === 'run' || first === 'run-script')) {
        if (!second || !Object.prototype.hasOwnProperty.call(pkg.scripts, second)) problems.push(`"npm ${first} ${second ?? ''}": package.json has no script "${second ?? ''}"`);
      } else if (tool === 'npm' && (first === 'start' || first === 'test' || first === 't')) {
        const script = first === 't' ? 'test' : first;
        if (!pkg.scripts[script]) problems.push(`"npm ${first}": package.json has no script "${script}"`);
      } else if (tool === 'npm' && (first === 'create' || first === 'init') && second) {
        const name = `create-${second.replace(/@[^/@]*$/, '')}`;
        // checked once the repository has workspace packages (the template's lands with them)
        if (own.size && !own.has(name)) problems.push(`"npm ${first} ${second}": no package ${name} in this repository`);
        // its flags (after `--`) must be ones its command line parses: named in its bin or src files
        for (const flag of new Set(words.join(' ').match(/(?<![\w-])--[a-z][\w-]*/g) ?? [])) {
          if (own.has(name) && !new RegExp(`['"\`]${flag}['"\`]`).test(own.get(name)!)) problems.push(`"npm ${first} ${second} -- ${flag}": ${name} parses no ${flag}`);
        }
      } else if (tool === 'npx' && first?.startsWith('superqi-')) problems.push(...binProblems(first, words.slice(2)));
    }
  }
  return problems;
}

/** `npx <bin> …`: the bin exists, and its parser knows the subcommand and every flag. */
function binProblems(bin: string, args: string[]): string[] {
  if (!pkg.bin?.[bin]) return [`"npx ${bin}": the package has no bin ${bin} (${Object.keys(pkg.bin ?? {}).join(', ')})`];
  if (!PARSERS[bin]) return [`"npx ${bin}": test/docs/check-sh.ts knows no parser for ${bin}: add it to PARSERS`];
  const problems: string[] = [];
  const sub = args[0] && /^[a-z]/.test(args[0]) ? args[0] : undefined;
  const before = sub ? [sub] : [];
  if (sub) {
    const refused = unknownTo(bin, [sub]);
    if (refused) problems.push(`"npx ${bin} ${sub}": ${refused}`);
  }
  for (const flag of new Set(args.join(' ').match(/(?<![\w-])--[a-z][\w-]*/g) ?? [])) {
    const refused = unknownTo(bin, [...before, flag, '0']);
    if (refused) problems.push(`"npx ${bin}${sub ? ` ${sub}` : ''} ${flag}": ${refused}`);
  }
  return problems;
}
