import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30000,
    // A harness migrates, imports the whole catalogue and seeds the demo before its suite: on a shared
    // two-core machine that can take longer than the default 10 s.
    hookTimeout: 60000,
  },
});
