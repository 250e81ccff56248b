import type { Context } from './context.js';
import { nameConfusingCharacters } from './core/characters.js';
import { formatProblem, InputError, InterruptedError } from './core/errors.js';
import { plainText } from './render/shared/sanitize.js';

// Loaded by main.ts only when something went wrong: a run that succeeds never pays for it.
// Problems quote their files (unknown ids, values), so every line is made plain text first.

const INTERNAL_ERROR = 70;

/** Writes an error to stderr as the user should see it; returns the exit code. */
export function reportError(error: unknown, ctx: Context): number {
  if (error instanceof InputError) {
    for (const problem of error.problems) ctx.stderr.write(`cash-test: error: ${plainText(nameConfusingCharacters(formatProblem(problem)))}\n`);
    if (error.hint) ctx.stderr.write(`hint: ${plainText(error.hint)}\n`);
    return error.exitCode;
  }
  if (error instanceof InterruptedError) {
    ctx.stderr.write(`\ncash-test: interrupted${error.hint ? `\nhint: ${plainText(error.hint)}` : ''}\n`);
    return error.exitCode;
  }
  const debug = ctx.env.CASH_TEST_DEBUG === '1';
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`cash-test: internal error: ${plainText(message)}\n`);
  ctx.stderr.write(
    debug && error instanceof Error
      ? `${String(error.stack).split('\n').map(plainText).join('\n')}\n`
      : 'hint: set CASH_TEST_DEBUG=1 for details, and please report it\n',
  );
  return INTERNAL_ERROR;
}
