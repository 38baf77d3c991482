import { defineConfig } from 'vitest/config';

// Fault and abuse tests: each file starts a throwaway PostgreSQL cluster of
// its own (initdb on another port; the shared database service is never
// touched) and real server processes. One file at a time: they load the
// machine and one of them stops its database on purpose.
export default defineConfig({
  test: {
    name: 'faults',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
