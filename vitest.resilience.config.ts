import { defineConfig } from 'vitest/config';

// npm run test:resilience — faults on PostgreSQL (DATABASE_URL): the database going away under
// load, SMTP down during a digest, two processes on one database, backup and restore.
export default defineConfig({
  test: {
    include: ['resilience/**/*.resilience.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-file.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
