// @ts-check
/** The command: parse, generate, say what to do next. Resolves the exit code. */
import { relative } from 'node:path';
import { generate } from './generate.js';
import { parseOptions, USAGE, UsageError } from './options.js';

/**
 * @param {readonly string[]} argv
 * @param {{ cwd: string; out: (line: string) => void; err: (line: string) => void }} io
 * @returns {Promise<number>}
 */
export async function main(argv, { cwd, out, err }) {
  try {
    const options = parseOptions(argv);
    if (options.help) {
      out(USAGE);
      return 0;
    }
    const target = generate(options, cwd);
    const where = relative(cwd, target) || '.';
    out(`Created ${where} (${options.template}, ${options.lang}). Next:\n\n  cd ${where}\n  npm install\n  npm start    # prints the devtools URL: your app in an emulated phone\n  npm test\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`create-superqi-miniapp: ${e.message}\n\n${USAGE}`);
    return 1;
  }
}
