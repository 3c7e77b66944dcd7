/**
 * A rollup plugin that writes every non-ASCII character of the output as a `\uXXXX` escape. A page
 * served without a charset reads a classic script in its own encoding (windows-1252 for most
 * locales), which turns UTF-8 Arabic into mojibake; escaped, the text survives any encoding. Used for
 * every build a page can load that no minifier escapes already (terser's `ascii_only` does for the
 * script tags): the ESM/CJS library (a user's bundler may copy it as is into a classic script), the
 * playground, the demo and the devtools page. test/browser/ascii-builds.test.ts scans dist/.
 *
 * Escaping is exact in strings, templates, regular expressions, comments and identifiers (a surrogate
 * pair becomes two escapes, which every one of them reads as the same character). A non-ASCII
 * character right after a backslash (`'\é'`) would change meaning: the build fails instead.
 */
import MagicString from 'magic-string';

const NON_ASCII = /[^\x00-\x7f]/g;

export function asciiOnly() {
  return {
    name: 'ascii-only',
    renderChunk(code, chunk) {
      if (!/[^\x00-\x7f]/.test(code)) return null;
      const out = new MagicString(code);
      for (const m of code.matchAll(NON_ASCII)) {
        if (code[m.index - 1] === '\\') this.error(`ascii-only: ${chunk.fileName} has a non-ASCII character after a backslash at ${m.index}`);
        out.overwrite(m.index, m.index + 1, `\\u${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
      }
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}
