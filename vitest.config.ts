import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: the server suite runs against a real database (PGlite by
// default, PostgreSQL when TEST_DATABASE_URL is set); the client suite runs in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/client/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
