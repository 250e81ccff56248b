import type { RenderOptions } from '../render/renderer.js';
import { noColorRequested } from '../render/shared/no-color.js';
import type { Context } from '../context.js';
import { hintedProblems, InputError } from '../core/errors.js';
import { checkNotAnInput, checkWritable, writeFileAtomic } from '../io/write-file.js';

export interface OutputOptions {
  out?: string;
  force: boolean;
}

/** Checked before any work, so that a refusal costs nothing and writes nothing; the report never replaces one of the `inputs`. */
export async function checkOutput(options: OutputOptions, inputs: readonly string[]): Promise<void> {
  if (options.out === undefined) return;
  await checkNotAnInput(options.out, inputs, '--out');
  await checkWritable(options.out, options.force, '--out');
}

/** Loads the inputs while --out is checked: when either fails, the problems of both are listed (the inputs' first), each with its hint. */
export async function loadChecked<T>(options: OutputOptions, inputs: readonly string[], load: () => Promise<T>): Promise<T> {
  const [loaded, output] = await Promise.allSettled([load(), checkOutput(options, inputs)]);
  const errors = [loaded, output].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const notInput = errors.find((e) => !(e instanceof InputError));
  if (notInput !== undefined) throw notInput;
  if (loaded.status === 'fulfilled' && errors.length === 0) return loaded.value;
  const inputErrors = errors as InputError[];
  throw new InputError(inputErrors.flatMap(hintedProblems));
}

export async function emit(ctx: Context, options: OutputOptions, content: string): Promise<void> {
  if (options.out === undefined) ctx.stdout.write(content);
  else await writeFileAtomic(options.out, content);
}

/** Colour only for a terminal that takes it, and not when NO_COLOR asks for none. */
export async function wantsColor(options: OutputOptions, ctx: Context): Promise<boolean> {
  if (options.out !== undefined) return false;
  if (noColorRequested(ctx.env)) return false;
  // What chalk decides for a stream that is not a terminal, and for FORCE_COLOR=0, without loading it.
  if (!ctx.stdout.isTTY && ctx.env.FORCE_COLOR === undefined) return false;
  if (ctx.env.FORCE_COLOR === '0' || ctx.env.FORCE_COLOR === 'false') return false;
  const { chalkLevel } = await import('../render/shared/chalk-level.js');
  return chalkLevel > 0;
}

/** How a text report should look where it is going: colour and wrapping only for a terminal. */
export async function textOptions(options: OutputOptions, ctx: Context): Promise<RenderOptions> {
  const columns = options.out === undefined && ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
  return { color: await wantsColor(options, ctx), ...(columns ? { width: columns } : {}) };
}
