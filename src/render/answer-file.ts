import type { Response } from '../core/answers.js';
import { allQuestions, formQuestions, type Bank, type Form } from '../core/bank.js';
import { ROLES } from '../core/roles.js';
import { plainText } from './shared/sanitize.js';

/**
 * An answer file: valid YAML, every question of the form present with its text as a comment.
 * Without a response it is a template to fill in; with one, the completed file `run --answers` reads.
 * `bankFlags` (`--bank DIR`, shell-quoted) go into the command that scores it; the form needs none, the file names it.
 */
export function renderAnswerFile(bank: Bank, form: Form, response?: Response, bankFlags: readonly string[] = []): string {
  const { scale } = bank;
  const legend = scale.labels.map((label, i) => `${scale.min + i} = ${plainText(label)}`).join(', ');
  const respondent = response?.respondent;
  const lines = [
    `# ${plainText(bank.title)}: answer file (${form} form, ${allQuestions(bank, form).length} questions)`,
    ...(bank.instructions === undefined ? [] : [`# ${plainText(bank.instructions)}`]),
    `# Answer each question with ${legend},`,
    `# or na = ${plainText(scale.unknown)}.`,
    `# Then: ${['cash-test run --answers <this file>', ...bankFlags].join(' ')}`,
    `bank: { id: ${JSON.stringify(bank.id)}, version: ${JSON.stringify(bank.version)} }`,
    `form: ${form}`,
    'respondent:',
    respondent ? `  role: ${respondent.role}` : `  role:          # ${ROLES.join(' | ')}`,
    respondent?.name ? `  name: ${JSON.stringify(respondent.name)}` : '  # name: Dana   # optional',
    respondent?.team ? `  team: ${JSON.stringify(respondent.team)}` : '  # team: EMEA   # optional',
    ...(response?.takenAt ? [`takenAt: ${JSON.stringify(response.takenAt)}`] : []),
    'answers:',
  ];
  for (const pillar of bank.pillars) {
    const questions = formQuestions(pillar, form);
    if (questions.length === 0) continue;
    lines.push('', `  # ${plainText(pillar.name)}: ${plainText(pillar.summary)}`);
    for (const q of questions) {
      const value = response?.answers[q.id];
      lines.push(`  # ${plainText(q.text)}`, `  ${q.id}:${value === undefined ? '' : ` ${value}`}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The same completed answer file as JSON, for a .json file name. */
export function renderAnswerFileJson(bank: Bank, form: Form, response: Response): string {
  return `${JSON.stringify({ bank: { id: bank.id, version: bank.version }, form, ...response }, null, 2)}\n`;
}
