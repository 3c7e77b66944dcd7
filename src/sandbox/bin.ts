/** The `superqi-sandbox` executable (built with a shebang to dist/superqi-sandbox.mjs). */
import { main } from './cli.js';

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`superqi-sandbox: ${(e as Error).message}\n`);
  process.exit(1);
});
