import type { CompareReport } from '../core/report/compare/schema.js';
import type { SingleReport } from '../core/report/single/schema.js';
import type { TeamReport } from '../core/report/team/schema.js';
import type { CompareFormat, QuestionnaireFormat, SingleFormat, TeamFormat } from './formats.js';
import type { Questionnaire } from './questionnaire/markdown.js';
import type { Renderer } from './renderer.js';

/** One renderer per format; each loads only when asked for. */
export const singleRenderers: Record<SingleFormat, () => Promise<Renderer<SingleReport>>> = {
  text: async () => (await import('./single/text.js')).renderSingleText,
  json: async () => (await import('./shared/json.js')).renderJson,
  markdown: async () => (await import('./single/markdown.js')).renderSingleMarkdown,
  html: async () => (await import('./single/html.js')).renderSingleHtml,
};

export const teamRenderers: Record<TeamFormat, () => Promise<Renderer<TeamReport>>> = {
  text: async () => (await import('./team/text.js')).renderTeamText,
  json: async () => (await import('./shared/json.js')).renderJson,
  markdown: async () => (await import('./team/markdown.js')).renderTeamMarkdown,
  csv: async () => (await import('./team/csv.js')).renderTeamCsv,
  html: async () => (await import('./team/html.js')).renderTeamHtml,
};

export const compareRenderers: Record<CompareFormat, () => Promise<Renderer<CompareReport>>> = {
  text: async () => (await import('./compare/text.js')).renderCompareText,
  json: async () => (await import('./shared/json.js')).renderJson,
  markdown: async () => (await import('./compare/markdown.js')).renderCompareMarkdown,
  html: async () => (await import('./compare/html.js')).renderCompareHtml,
};

export const questionnaireRenderers: Record<QuestionnaireFormat, () => Promise<Renderer<Questionnaire>>> = {
  markdown: async () => (await import('./questionnaire/markdown.js')).renderQuestionnaireMarkdown,
  json: async () => (await import('./questionnaire/json.js')).renderQuestionnaireJson,
};
