import { defineConfig } from 'vitest/config';

// Browser journeys against the real server (`npm run test:e2e`), kept out of the unit suite.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A journey failing once on a loaded machine is tried once more (the keyboard walk of the admin
    // catalogue missed its pager so, once); the run still prints the first failure.
    retry: 1,
    pool: 'forks',
  },
});
