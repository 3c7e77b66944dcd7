/** The devtools' URL (and the sandbox's) printed after Vite's own URLs, in Vite's style. */
import type { ViteDevServer } from 'vite';

/** Makes `server.printUrls()` also print `lines(local URL)` (nothing when Vite has no local URL yet). */
export function printAlso(server: ViteDevServer, lines: (local: string) => readonly string[]): void {
  const print = server.printUrls.bind(server);
  server.printUrls = () => {
    print();
    const local = server.resolvedUrls?.local[0];
    if (local) for (const line of lines(local)) server.config.logger.info(line);
  };
}
