/**
 * The emulator in the app's pages: two classic scripts first in `<head>`, so it is installed before
 * any of the app's code runs — its config (`window.SuperQiEmulatorConfig`, the plugin's options) and
 * the package's script-tag emulator (`superqi-emulator.iife.js`, which installs itself from that
 * config and loads its extras from its own folder). Served by the plugin from the package's dist/;
 * no import of the app's, so nothing of it reaches `vite build`.
 */
import { createReadStream, existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { HtmlTagDescriptor } from 'vite';
import { isLoopbackHostname } from '../loopback.js';

/** Where the plugin serves the emulator's scripts. */
export const EMULATOR_PATH = '/__superqi-emulator/';
const CONFIG = 'config.js';
const SCRIPT = 'superqi-emulator.iife.js';
/** The package's files the emulator's scripts are: itself, its lazily loaded part, their source maps. */
const FILES: readonly string[] = [SCRIPT, 'superqi-emulator-extras.iife.js', `${SCRIPT}.map`, 'superqi-emulator-extras.iife.js.map'];

/** The tags that load the emulator, first in `<head>`. */
export const emulatorTags = (): HtmlTagDescriptor[] =>
  [CONFIG, SCRIPT].map((file) => ({ tag: 'script', attrs: { src: `${EMULATOR_PATH}${file}` }, injectTo: 'head-prepend' }));

/**
 * The config script: `install` (the checked options) with the sandbox's URL and, when the page is
 * reached by a name that is not loopback (a `server.allowedHosts` name), the page's own origin as
 * the devtools allowed to steer it — the plugin's devtools are served from there. `<` is escaped:
 * nothing in the options can close a script.
 */
export function configScript(install: Readonly<Record<string, unknown>>, sandbox: string | undefined, origin: string): string {
  const own = !('devtools' in install) && !isLoopbackHostname(new URL(origin).hostname) ? { devtools: [origin] } : {};
  const config = { ...install, ...(sandbox ? { sandbox } : {}), ...own };
  return `window.SuperQiEmulatorConfig = ${JSON.stringify(config).replace(/</g, '\\u003c')};\n`;
}

const JS = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' } as const;

/**
 * Answers `file` (the path under EMULATOR_PATH) and true, or false when it is none of the emulator's.
 * `config` makes the config script for this request.
 */
export function serveEmulator(file: string, dist: string, res: ServerResponse, config: () => string): boolean {
  if (file === CONFIG) {
    res.writeHead(200, { ...JS, 'content-type': 'text/javascript; charset=utf-8' }).end(config());
    return true;
  }
  if (!FILES.includes(file)) return false;
  const path = join(dist, file);
  if (!existsSync(path)) {
    res.writeHead(500, { ...JS, 'content-type': 'text/plain; charset=utf-8' }).end(`superqi-bridge/vite: ${path} is missing (a broken install of superqi-bridge?)`);
    return true;
  }
  res.writeHead(200, { ...JS, 'content-type': file.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8' });
  createReadStream(path).pipe(res);
  return true;
}
