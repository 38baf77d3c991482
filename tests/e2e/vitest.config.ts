import { defineConfig } from 'vitest/config';

// Browser tests: the app started as a user starts it (npm start), driven in
// the system Chromium by playwright-core. Run after `npm run build`.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
