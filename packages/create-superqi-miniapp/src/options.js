// @ts-check
/** The command line: `create-superqi-miniapp <dir> [--template t] [--lang l] [--superqi-bridge spec]`. */

/** The templates, first the default. */
export const TEMPLATES = /** @type {const} */ (['vanilla-ts', 'react-ts']);
/** The page languages, first the default. */
export const LANGUAGES = /** @type {const} */ (['en', 'ar']);

/**
 * @typedef {object} Options
 * @property {string} dir The directory to create (relative to the working directory).
 * @property {(typeof TEMPLATES)[number]} template
 * @property {(typeof LANGUAGES)[number]} lang
 * @property {string | undefined} bridge The `superqi-bridge` dependency spec; undefined: `^<this package's version>`.
 * @property {boolean} help
 */

/** A bad command line: the message names the option. */
export class UsageError extends Error {
  name = 'UsageError';
}

export const USAGE = `Usage: npm create superqi-miniapp@latest <dir> [-- options]

Creates a Super Qi miniapp in <dir> (which must not exist or be empty).

Options:
  --template <name>        ${TEMPLATES.join(' | ')} (default ${TEMPLATES[0]})
  --lang <code>            ${LANGUAGES.join(' | ')}: the page's language; ar is right to left (default ${LANGUAGES[0]})
  --superqi-bridge <spec>  the superqi-bridge dependency, as npm install takes it (to try an
                           unreleased build: a tarball path or URL; default ^<this version>)
  -h, --help               this text`;

/** Takes `--x value` and `--x=value`; refuses unknown options, a missing value, and a second directory. */
export function parseOptions(/** @type {readonly string[]} */ argv) {
  /** @type {Record<string, string>} */
  const values = {};
  const dirs = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      dirs.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!['--template', '--lang', '--superqi-bridge'].includes(name)) throw new UsageError(`unknown option ${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('-'))) throw new UsageError(`${name} needs a value`);
    if (Object.hasOwn(values, name)) throw new UsageError(`${name} given twice`);
    values[name] = value;
  }
  if (help) return /** @type {Options} */ ({ dir: '', template: TEMPLATES[0], lang: LANGUAGES[0], bridge: undefined, help });
  const template = oneOf('--template', values['--template'] ?? TEMPLATES[0], TEMPLATES);
  const lang = oneOf('--lang', values['--lang'] ?? LANGUAGES[0], LANGUAGES);
  if (dirs.length === 0) throw new UsageError('the project directory is missing (e.g. npm create superqi-miniapp@latest my-app)');
  if (dirs.length > 1) throw new UsageError(`one project directory, not ${dirs.length} (${dirs.join(', ')})`);
  return /** @type {Options} */ ({ dir: dirs[0], template, lang, bridge: values['--superqi-bridge'], help });
}

/**
 * @template {string} T
 * @param {string} name
 * @param {string} value
 * @param {readonly T[]} allowed
 * @returns {T}
 */
function oneOf(name, value, allowed) {
  if (!allowed.includes(/** @type {T} */ (value))) throw new UsageError(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
  return /** @type {T} */ (value);
}
