// Reads a `.env` file (KEY=VALUE lines, `#` comments, optional quotes), as dotenv does for the demo backend.
import { readFileSync } from 'node:fs';

/** The variables of the `.env` at `path`. */
export function readEnv(path) {
  const env = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const value = m[2].replace(/^(['"])(.*)\1$/, '$2');
    env[m[1]] = value;
  }
  return env;
}
