/**
 * How long one test that spawns a process or opens Chromium may take: sized for a 2-core machine that is busy
 * with other work, where a start of the binary that takes 0.1 s when idle can take several seconds.
 * Nothing asserts on time; this only bounds how long a test may hang before it fails.
 */
export const SLOW_TEST_TIMEOUT_MS = 120_000;

/** How long one in-process test may take: property tests run hundreds of cases, several times slower on a busy machine. */
export const UNIT_TEST_TIMEOUT_MS = 30_000;

/** How long expect.poll waits for a page or a process to show what it should (vitest's 1 s is one slow save on a busy machine). */
export const POLL_TIMEOUT_MS = 30_000;
