import { formQuestions } from '../../core/bank.js';
import { renderJson } from '../shared/json.js';
import type { Questionnaire } from './markdown.js';

/** The bank as data, with only the questions of the form. */
export function renderQuestionnaireJson({ bank, form }: Questionnaire): string {
  return renderJson({ ...bank, form, pillars: bank.pillars.map((p) => ({ ...p, questions: formQuestions(p, form) })) });
}
