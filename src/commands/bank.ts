import { allQuestions, formQuestions, type Bank } from '../core/bank.js';
import { loadBank } from '../io/load-bank.js';
import { renderJson } from '../render/json.js';
import { markdownTable, md } from '../render/markdown.js';
import { plainText } from '../render/sanitize.js';
import type { Context } from '../context.js';
import { checkOutput, emit } from './output.js';

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
  format: 'markdown' | 'json';
  out?: string;
  force: boolean;
}

export async function bankPrint(options: BankPrintOptions, ctx: Context): Promise<0> {
  await checkOutput(options);
  const bank = await loadBank(options.bank);
  await emit(ctx, options, options.format === 'json' ? renderJson(bank) : printableQuestionnaire(bank, options.quick));
  return 0;
}

/** The questionnaire on paper: one table per pillar with a box per scale point. */
export function printableQuestionnaire(bank: Bank, quick: boolean): string {
  const { scale } = bank;
  const points = scale.labels.map((_, i) => String(scale.min + i));
  const out = [
    `# ${md(bank.title)}`,
    '',
    `Version ${md(bank.version)}${quick ? ', quick form' : ''}. Role: ☐ sales ☐ marketing ☐ leadership ☐ revops ☐ other`,
    '',
    `Tick one box per statement: ${scale.labels.map((label, i) => `${points[i]} = ${md(label)}`).join(', ')}; na = ${md(scale.unknown)}.`,
    '',
  ];
  for (const pillar of bank.pillars) {
    const questions = formQuestions(pillar, quick ? 'quick' : 'full');
    if (questions.length === 0) continue;
    out.push(`## ${md(pillar.name)}`, '', `_${md(pillar.summary)}_`, '');
    out.push(...markdownTable(['Id', 'Statement', ...points, 'na'], questions.map((q) => [md(q.id), md(q.text), ...points.map(() => '☐'), '☐'])), '');
  }
  return `${out.join('\n')}\n`;
}
