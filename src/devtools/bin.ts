/** The `superqi-devtools` executable (built with a shebang to dist/superqi-devtools.mjs). */
import { main } from './cli.js';

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`superqi-devtools: ${(e as Error).message}\n`);
  process.exit(1);
});
