import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Chromium page loads on a shared 2-core machine take several seconds; 5 s (the default) failed
    // browser tests under load. Speed is measured by the benchmarks, not by test timeouts.
    testTimeout: 30000,
  },
});
