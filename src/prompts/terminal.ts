import type { Context } from '../context.js';
import type { Asker } from '../survey/asker.js';

export type OpenAsker = () => Promise<Asker>;

/**
 * The terminal's asker, loaded only when someone is to be asked. Prompts go where a person looks: standard output
 * when it is the terminal, else standard error, so that `cash-test run --format json > result.json` keeps the report file clean.
 */
export function terminalAsker(ctx: Context): OpenAsker {
  return async () => {
    const onStdout = ctx.stdout.isTTY === true;
    const output = onStdout ? ctx.stdout : ctx.stderr;
    if (!isStream(output)) throw new Error('the terminal asker needs a stream to write to');
    const { createInquirerAsker } = await import('./inquirer-asker.js');
    return createInquirerAsker(output, ctx.env, onStdout ? 'stdout' : 'stderr');
  };
}

function isStream(output: Context['stdout']): output is Context['stdout'] & NodeJS.WritableStream {
  return typeof (output as { on?: unknown }).on === 'function';
}
