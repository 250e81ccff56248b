import { renderJson } from '../shared/json.js';
import type { Questionnaire } from './markdown.js';

/** The whole bank, both forms, as the bank's machine-readable definition. */
export function renderQuestionnaireJson({ bank }: Questionnaire): string {
  return renderJson(bank);
}
