// @vitest-environment node
/**
 * The sandbox is Node only: outside the Node-only code (src/sandbox/, and src/devtools/, src/node/ which
 * tsconfig.sandbox.json builds with it), only type-only imports of its protocol.ts are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const NODE_ONLY = (JSON.parse(readFileSync(new URL('../../tsconfig.sandbox.json', import.meta.url), 'utf8')) as { include: string[] }).include.map((dir) => `${relative('src', dir)}/`);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

it('no browser-side module imports the sandbox at runtime', () => {
  const offending: string[] = [];
  for (const file of files(SRC)) {
    const rel = relative(SRC, file);
    if (NODE_ONLY.some((dir) => rel.startsWith(dir))) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]*sandbox[^'"]*)['"]/gm)) {
      // Only what resolves into src/sandbox/ counts (the emulator's own sandbox-client.ts is browser code).
      if (m[3]!.startsWith('.') && !resolve(dirname(file), m[3]!).startsWith(join(SRC, 'sandbox') + sep)) continue;
      const typeOnly = Boolean(m[2]);
      const protocol = /sandbox\/protocol(\.js)?$/.test(m[3]!);
      if (!(typeOnly && protocol)) offending.push(`${rel}: ${m[0].trim()}`);
    }
    for (const m of text.matchAll(/import\(\s*['"]([^'"]*sandbox[^'"]*)['"]\s*\)/g)) offending.push(`${rel}: dynamic ${m[0]}`);
  }
  expect(offending).toEqual([]);
});
