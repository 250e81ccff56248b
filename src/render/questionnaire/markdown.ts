import { formQuestions, type Bank, type Form } from '../../core/bank.js';
import { markdownTable, md } from '../shared/markdown.js';

/** The bank as `bank print` shows it: its questions in one form. */
export interface Questionnaire {
  bank: Bank;
  form: Form;
}

/** The questionnaire on paper: one table per pillar with a box per scale point. */
export function renderQuestionnaireMarkdown({ bank, form }: Questionnaire): string {
  const { scale } = bank;
  const quick = form === 'quick';
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
    const questions = formQuestions(pillar, form);
    if (questions.length === 0) continue;
    out.push(`## ${md(pillar.name)}`, '', `_${md(pillar.summary)}_`, '');
    out.push(...markdownTable(['Id', 'Statement', ...points, 'na'], questions.map((q) => [md(q.id), md(q.text), ...points.map(() => '☐'), '☐'])), '');
  }
  return `${out.join('\n')}\n`;
}
