import { defineConfig } from 'vitest/config';

// Page tests choose happy-dom in their first line; the backend and end-to-end tests run in Node.
export default defineConfig({
  test: { include: ['test/**/*.test.{ts,tsx}'], testTimeout: 60_000, hookTimeout: 60_000 },
});
