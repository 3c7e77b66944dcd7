// @ts-check
/** The generated project's dependency ranges (each checked with `npm view` when set). */

/** Every template's dev dependencies. */
export const DEV_DEPENDENCIES = {
  '@types/node': '^20.19.43',
  'happy-dom': '^21.0.4',
  libsql: '^0.5.29', // the sandbox wallet's optional peer (its SQLite store)
  'playwright-core': '^1.65.1',
  tsx: '^4.23.15', // runs scripts/start.ts and the backend on Node 20
  typescript: '~6.0.3',
  vite: '^8.4.0',
  vitest: '~4.1.12',
};

/** What react-ts adds. */
export const REACT = {
  dependencies: { react: '^19.3.1', 'react-dom': '^19.3.1' },
  devDependencies: { '@types/react': '^19.3.3', '@types/react-dom': '^19.3.0' },
};
