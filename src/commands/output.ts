import type { RenderOptions } from '../render/renderer.js';
import { noColorRequested } from '../render/shared/no-color.js';
import type { Context } from '../context.js';
import { checkWritable, writeFileAtomic } from '../io/write-file.js';

export interface OutputOptions {
  out?: string;
  force: boolean;
}

/** Checked before any work, so that a refusal costs nothing and writes nothing. */
export async function checkOutput(options: OutputOptions): Promise<void> {
  if (options.out !== undefined) await checkWritable(options.out, options.force, '--out');
}

export async function emit(ctx: Context, options: OutputOptions, content: string): Promise<void> {
  if (options.out === undefined) ctx.stdout.write(content);
  else await writeFileAtomic(options.out, content);
}

/** Colour only for a terminal that takes it, and not when NO_COLOR asks for none. */
export async function wantsColor(options: OutputOptions, ctx: Context): Promise<boolean> {
  if (options.out !== undefined) return false;
  if (noColorRequested(ctx.env)) return false;
  const { default: chalk } = await import('chalk');
  return chalk.level > 0;
}

/** How a text report should look where it is going: colour and wrapping only for a terminal. */
export async function textOptions(options: OutputOptions, ctx: Context): Promise<RenderOptions> {
  const columns = options.out === undefined && ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
  return { color: await wantsColor(options, ctx), ...(columns ? { width: columns } : {}) };
}
