import { screen } from '@inquirer/testing/vitest';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Context } from '../../src/context.js';
import type { Asker } from '../../src/survey/asker.js';
import { createInquirerAsker } from '../../src/prompts/inquirer-asker.js';
import { ROOT } from './cli.js';

// For tests of the interactive flows on @inquirer/testing's screen. The test file imports
// '@inquirer/testing/vitest' first and wraps scale-prompt.js and yes-no-prompt.js with its wrapPrompt (see interview.test.ts).

/** Two pillars, five questions; the quick form is T1, T3, S1. */
export const SURVEY_BANK = join(ROOT, 'test', 'fixtures', 'survey-bank');

/** The inquirer asker, its prompts on the test screen and everything it prints between them kept. */
export function screenAsker(): { open: () => Promise<Asker>; printed: () => string; prose: () => string } {
  const output = new PassThrough();
  let printed = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  return {
    open: async () => createInquirerAsker(output, {}),
    printed: () => printed,
    // Line wrapping undone, for sentences.
    prose: () => printed.replace(/\s+/g, ' '),
  };
}

export function interactiveContext(stateDir: string): Context {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdinIsTTY: true,
    env: { CASH_TEST_STATE_DIR: stateDir },
    cwd: stateDir,
    now: () => new Date('2026-11-01T10:00:00Z'),
  };
}

/** A key that ends the prompt on screen, then the next prompt. Keys that only move re-render at once: use screen.keypress. */
export async function press(key: string | { name: string; ctrl?: boolean }): Promise<void> {
  screen.keypress(key);
  await screen.next();
}
