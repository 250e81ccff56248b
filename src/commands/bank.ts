import { allQuestions } from '../core/bank.js';
import { sameAnswersInTopBand } from '../core/same-answer.js';
import { wholeScore } from '../core/whole-score.js';
import { builtInBankDir, loadBank } from '../io/load-bank.js';
import type { QuestionnaireFormat } from '../render/formats.js';
import { questionnaireRenderers } from '../render/index.js';
import { plainText } from '../render/shared/sanitize.js';
import type { Context } from '../context.js';
import { emit, loadChecked } from './output.js';

export interface BankLintOptions {
  dir?: string;
}

export async function bankLint(options: BankLintOptions, ctx: Context): Promise<0> {
  const bank = await loadBank(options.dir);
  const where = options.dir ?? 'built-in bank';
  for (const pillar of bank.pillars) {
    if (!pillar.questions.some((q) => q.quick)) {
      ctx.stderr.write(`cash-test: warning: ${plainText(where)}: pillar "${plainText(pillar.id)}" has no quick questions, so --quick cannot score it\n`);
    }
  }
  const top = bank.bands.at(-1)?.label ?? '';
  for (const form of ['full', 'quick'] as const) {
    for (const { value, pillar, score } of sameAnswersInTopBand(bank, form)) {
      const what = pillar === null ? 'the overall score' : `pillar "${plainText(pillar)}"`;
      ctx.stderr.write(
        `cash-test: warning: ${plainText(where)}: answering ${value} to every statement of the ${form} form puts ${what} at ${wholeScore(score)}, in the top band (${plainText(top)}): reverse-word more statements\n`,
      );
    }
  }
  const total = allQuestions(bank, 'full').length;
  const quick = allQuestions(bank, 'quick').length;
  ctx.stdout.write(
    `${plainText(where)}: ok: ${plainText(bank.id)} ${bank.version}, ${bank.pillars.length} pillars, ${total} questions (${quick} in the quick form), hash ${bank.hash.slice(0, 12)}\n`,
  );
  return 0;
}

export interface BankPrintOptions {
  bank?: string;
  quick: boolean;
  format: QuestionnaireFormat;
  out?: string;
  force: boolean;
}

export async function bankPrint(options: BankPrintOptions, ctx: Context): Promise<0> {
  const bank = await loadChecked(options, [options.bank ?? builtInBankDir()], () => loadBank(options.bank));
  const render = await questionnaireRenderers[options.format]();
  await emit(ctx, options, render({ bank, form: options.quick ? 'quick' : 'full' }, { color: false }));
  return 0;
}
