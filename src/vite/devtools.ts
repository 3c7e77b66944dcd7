/**
 * The devtools on the dev server, under its path (`/__superqi/`): the package's page and handler
 * (src/devtools/server.ts, as `superqi-devtools` serves them), framing the app at the dev server's
 * own origin — the one the request came to, so the device's frame is same-origin with the page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleDevtools, PLAIN } from '../devtools/server.js';

/** Where the devtools are served and what they show. */
export interface DevtoolsMount {
  /** The devtools' path: leading and trailing slash. */
  readonly path: string;
  /** The built page's folder (dist/devtools). */
  readonly root: string;
  /** The app's URL for this request's origin (`http://localhost:5173/` + Vite's base). */
  readonly app: (req: IncomingMessage) => string;
  /** The sandbox wallet's URL, once known. */
  readonly sandbox: () => string | undefined;
}

/** Answers a request under the devtools' path and true, or false when `url` is elsewhere. */
export function serveDevtools(mount: DevtoolsMount, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (url.pathname === mount.path.slice(0, -1)) {
    res.writeHead(301, { location: `${mount.path}${url.search}` }).end();
    return true;
  }
  if (!url.pathname.startsWith(mount.path)) return false;
  try {
    // the path as sent (percent-encoded): the handler decodes what it serves from disk, never what it forwards
    handleDevtools({ app: mount.app(req), sandbox: mount.sandbox(), root: mount.root }, req, res, url.pathname.slice(mount.path.length - 1), url.searchParams);
  } catch (e) {
    if (!res.headersSent) res.writeHead(400, PLAIN);
    res.end(String((e as Error).message));
  }
  return true;
}
