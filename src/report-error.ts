import type { Context } from './context.js';
import { nameConfusingCharacters } from './core/characters.js';
import { formatProblem, InputError, InterruptedError, type Problem } from './core/errors.js';
import { plainText } from './render/shared/sanitize.js';

// Loaded by main.ts only when something went wrong: a run that succeeds never pays for it.
// Problems quote their files (unknown ids, values), so every line is made plain text first.

const INTERNAL_ERROR = 70;

/** "for a.yaml, b.yaml and 3 more files: " when a hint helps with the problems of several files; nothing for one. */
function forFiles(problems: readonly Problem[]): string {
  const files = [...new Set(problems.flatMap((p) => (p.file === undefined ? [] : [p.file])))];
  if (files.length < 2) return '';
  const named = files.slice(0, 3);
  const more = files.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more file${more === 1 ? '' : 's'}` : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `for ${list}: `;
}

/** Writes an error to stderr as the user should see it; returns the exit code. */
export function reportError(error: unknown, ctx: Context): number {
  if (error instanceof InputError) {
    const { problems } = error;
    problems.forEach((problem, i) => {
      ctx.stderr.write(`cash-test: error: ${plainText(nameConfusingCharacters(formatProblem(problem)))}\n`);
      const { hint } = problem;
      if (hint === undefined || hint === error.hint || problems.slice(i + 1).some((later) => later.hint === hint)) return;
      ctx.stderr.write(`hint: ${plainText(`${forFiles(problems.filter((p) => p.hint === hint))}${hint}`)}\n`);
    });
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
