import { allQuestions, formQuestions, type Bank, type Form } from '../../core/bank.js';
import { ROLES } from '../../core/roles.js';
import { md } from '../shared/markdown.js';

// The questionnaire to hand out on paper or to rebuild in Google Forms, Microsoft Forms or Typeform.
// Each statement's line starts with its id in brackets, so a form whose questions are titled with
// those lines exports a CSV that `aggregate` reads without a --map.

/** The bank as `bank print` shows it: its questions in one form. */
export interface Questionnaire {
  bank: Bank;
  form: Form;
}

export function renderQuestionnaireMarkdown({ bank, form }: Questionnaire): string {
  const { scale } = bank;
  const choices = [...scale.labels, scale.unknown].map(md);
  const boxes = [...scale.labels.map((_, i) => String(scale.min + i)), 'na'].map((point) => `☐ ${point}`).join(' · ');
  const out = [
    `# ${md(bank.title)}`,
    '',
    `Bank ${md(bank.id)} ${md(bank.version)}, ${form} form: ${allQuestions(bank, form).length} statements.`,
    '',
    ...(bank.instructions === undefined ? [] : [md(bank.instructions), '']),
    `For each statement, tick one answer: ${scale.labels.map((label, i) => `${scale.min + i} = ${md(label)}`).join(', ')}; na = ${md(scale.unknown)}.`,
    '',
    `In an online form, make each line that starts with an id in brackets one multiple-choice question, titled with that line as it is, with the choices ${choices.join(', ')}; add the question "Your role" with the choices ${ROLES.join(', ')}. \`cash-test aggregate\` then reads the form's CSV export as it is.`,
    '',
    '## You',
    '',
    'Your role',
    '',
    ROLES.map((role) => `☐ ${role}`).join(' · '),
    '',
  ];
  for (const pillar of bank.pillars) {
    const questions = formQuestions(pillar, form);
    if (questions.length === 0) continue;
    out.push(`## ${md(pillar.name)}`, '', `_${md(pillar.summary)}_`, '');
    for (const q of questions) out.push(statementLine(q.id, q.text), '', boxes, '');
  }
  return `${out.join('\n')}\n`;
}

/** `[C1] Marketers regularly listen in on real sales calls.`: ids are letters, digits, "-" and "_", safe in Markdown as they are. */
function statementLine(id: string, text: string): string {
  return `[${id}] ${md(text)}`;
}
