import { runCli } from './cli.js';
import { processContext, type Context } from './commands/context.js';
import { formatProblem, InputError, InterruptedError } from './core/errors.js';

// The one boundary: every error becomes lines on stderr and an exit code; only here does the process end.

const INTERNAL_ERROR = 70;

function report(error: unknown, ctx: Context): number {
  if (error instanceof InputError) {
    for (const problem of error.problems) ctx.stderr.write(`cash-test: error: ${formatProblem(problem)}\n`);
    if (error.hint) ctx.stderr.write(`hint: ${error.hint}\n`);
    return error.exitCode;
  }
  if (error instanceof InterruptedError) {
    ctx.stderr.write(`\ncash-test: interrupted${error.hint ? `\nhint: ${error.hint}` : ''}\n`);
    return error.exitCode;
  }
  const debug = ctx.env.CASH_TEST_DEBUG === '1';
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`cash-test: internal error: ${message}\n`);
  ctx.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'hint: set CASH_TEST_DEBUG=1 for details, and please report it\n');
  return INTERNAL_ERROR;
}

const ctx = processContext();
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`cash-test ... | head`): nothing left to say.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runCli(process.argv, ctx).catch((error: unknown) => report(error, ctx));
