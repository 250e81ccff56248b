import { builtInBankDir, loadBank } from '../io/load-bank.js';
import { renderAnswerFile } from '../render/answer-file.js';
import type { Context } from '../context.js';
import { emit, loadChecked } from './output.js';
import { bankAndFormFlags } from './shell-quote.js';

export interface TemplateOptions {
  bank?: string;
  quick: boolean;
  out?: string;
  force: boolean;
}

export async function template(options: TemplateOptions, ctx: Context): Promise<0> {
  const bank = await loadChecked(options, [options.bank ?? builtInBankDir()], () => loadBank(options.bank));
  await emit(ctx, options, renderAnswerFile(bank, options.quick ? 'quick' : 'full', undefined, bankAndFormFlags({ bank: options.bank, quick: false })));
  return 0;
}
