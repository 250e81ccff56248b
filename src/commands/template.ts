import { allQuestions, formQuestions, type Bank, type Form } from '../core/bank.js';
import { ROLES } from '../core/roles.js';
import { loadBank } from '../io/load-bank.js';
import { plainText } from '../render/sanitize.js';
import type { Context } from './context.js';
import { checkOutput, emit } from './output.js';

export interface TemplateOptions {
  bank?: string;
  quick: boolean;
  out?: string;
  force: boolean;
}

export async function template(options: TemplateOptions, ctx: Context): Promise<0> {
  await checkOutput(options);
  const bank = await loadBank(options.bank);
  await emit(ctx, options, answerTemplate(bank, options.quick ? 'quick' : 'full'));
  return 0;
}

/** An answer file to fill in: valid YAML, every question of the form present with its text as a comment. */
export function answerTemplate(bank: Bank, form: Form): string {
  const { scale } = bank;
  const legend = scale.labels.map((label, i) => `${scale.min + i} = ${plainText(label)}`).join(', ');
  const lines = [
    `# ${plainText(bank.title)}: answer file (${form} form, ${allQuestions(bank, form).length} questions)`,
    `# Answer each question with ${legend},`,
    `# or na = ${plainText(scale.unknown)}.`,
    `# Then: cash-test run --answers <this file>${form === 'quick' ? ' --quick' : ''}`,
    `bank: { id: ${JSON.stringify(bank.id)}, version: ${JSON.stringify(bank.version)} }`,
    'respondent:',
    `  role:          # ${ROLES.join(' | ')}`,
    '  # name: Dana   # optional',
    '  # team: EMEA   # optional',
    'answers:',
  ];
  for (const pillar of bank.pillars) {
    const questions = formQuestions(pillar, form);
    if (questions.length === 0) continue;
    lines.push('', `  # ${plainText(pillar.name)}: ${plainText(pillar.summary)}`);
    for (const q of questions) lines.push(`  # ${plainText(q.text)}`, `  ${q.id}:`);
  }
  return `${lines.join('\n')}\n`;
}
