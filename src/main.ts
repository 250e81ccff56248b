import { runCli } from './cli.js';
import { processContext } from './commands/context.js';

// The one boundary: every error becomes lines on stderr and an exit code; only here does the process end.

const ctx = processContext();
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`cash-test ... | head`): nothing left to say.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await runCli(process.argv, ctx).catch(async (error: unknown) => (await import('./report-error.js')).reportError(error, ctx));
