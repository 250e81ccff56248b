import { defineConfig } from 'vitest/config';
import { POLL_TIMEOUT_MS, SLOW_TEST_TIMEOUT_MS, UNIT_TEST_TIMEOUT_MS } from './test/helpers/timeouts.js';

/** Tests that spawn a process (the built binary, a pseudo-terminal, a shell), open Chromium, or check the build's output. */
const E2E = [
  'test/e2e/**/*.test.ts',
  'test/package/install.test.ts',
  'test/scripts/**/*.test.ts',
  'test/readme.test.ts',
  'test/io/write-file-kill.test.ts',
  'test/io/compiled-bank.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, testTimeout: UNIT_TEST_TIMEOUT_MS } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          testTimeout: SLOW_TEST_TIMEOUT_MS,
          hookTimeout: SLOW_TEST_TIMEOUT_MS,
          expect: { poll: { timeout: POLL_TIMEOUT_MS } },
        },
      },
    ],
  },
});
