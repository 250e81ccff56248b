import packageJson from '../package.json' with { type: 'json' };
import { processContext, StandardOutputError } from './context.js';

// The one boundary: every error becomes lines on stderr and an exit code; only here does the process end.

const ctx = processContext();
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`cash-test ... | head`): nothing left to say.
  if (error.code === 'EPIPE') process.exit(0);
  const failed = new StandardOutputError(error);
  process.stderr.write(`cash-test: error: ${failed.message}\n`);
  process.exit(failed.exitCode);
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // How scripts check an installation: answered before the command line is built (commander's own answer is the same line).
  ctx.stdout.write(`${packageJson.version}\n`);
} else {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(process.argv, ctx).catch(async (error: unknown) => {
    if (!(error instanceof StandardOutputError)) return (await import('./report-error.js')).reportError(error, ctx);
    ctx.stderr.write(`cash-test: error: ${error.message}\n`);
    return error.exitCode;
  });
}
