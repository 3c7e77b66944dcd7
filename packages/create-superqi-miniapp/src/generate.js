// @ts-check
/** Writes a project: templates/common, then the template's own files over it, names filled in. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './options.js';
import { DEV_DEPENDENCIES, REACT } from './versions.js';

const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));
const OWN = /** @type {{ version: string }} */ (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')));

/** A directory name as an npm package name: lower case, other characters as `-`. */
export function packageName(/** @type {string} */ dir) {
  const name = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name || 'superqi-miniapp';
}

/**
 * Creates the project; resolves its absolute path. Throws `UsageError` for a non-empty directory.
 * @param {import('./options.js').Options} options
 * @param {string} cwd
 */
export function generate(options, cwd) {
  const target = resolve(cwd, options.dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new UsageError(`${options.dir} is not empty: choose a new directory`);
  }
  mkdirSync(target, { recursive: true });
  cpSync(join(TEMPLATES_DIR, 'common'), target, { recursive: true });
  cpSync(join(TEMPLATES_DIR, options.template), target, { recursive: true });
  renameSync(join(target, '_gitignore'), join(target, '.gitignore')); // npm pack drops files named .gitignore

  const name = packageName(target);
  /** @type {Record<string, string>} */
  const fill = {
    name,
    template: options.template,
    lang: options.lang,
    dir: options.lang === 'ar' ? 'rtl' : 'ltr',
    ext: options.template === 'react-ts' ? 'tsx' : 'ts',
  };
  for (const file of walk(target)) {
    const text = readFileSync(file, 'utf8');
    const filled = text.replace(/\{\{(\w+)\}\}/g, (all, key) => fill[key] ?? all);
    if (filled !== text) writeFileSync(file, filled);
  }
  writeFileSync(join(target, 'package.json'), JSON.stringify(manifest(name, options), null, 2) + '\n');
  return target;
}

/** The project's package.json. */
function manifest(/** @type {string} */ name, /** @type {import('./options.js').Options} */ options) {
  const react = options.template === 'react-ts';
  const sorted = (/** @type {Record<string, string>} */ deps) => Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
  return {
    name,
    private: true,
    version: '0.0.0',
    type: 'module',
    scripts: {
      start: 'tsx scripts/start.ts',
      test: 'vitest run',
      typecheck: 'tsc --noEmit',
      build: 'vite build',
    },
    engines: { node: '>=20' },
    dependencies: sorted({ 'superqi-bridge': options.bridge ?? `^${OWN.version}`, ...(react ? REACT.dependencies : {}) }),
    devDependencies: sorted({ ...DEV_DEPENDENCIES, ...(react ? REACT.devDependencies : {}) }),
  };
}

/** Every file under `dir`. */
function* walk(/** @type {string} */ dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

