import { defineConfig } from 'vitest/config';

// npm run test:security — hostile input, authorisation matrix, CSRF, headers and redirects,
// all generated from the application's route table.
export default defineConfig({
  test: {
    include: ['security/**/*.security.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-file.ts'],
    pool: 'forks',
    fileParallelism: true,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
