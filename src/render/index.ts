import type { CompareReport } from '../core/compare.js';
import type { SingleReport } from '../core/report-model.js';
import type { TeamReport } from '../core/team-report-model.js';

export const SINGLE_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type SingleFormat = (typeof SINGLE_FORMATS)[number];

export const TEAM_FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;
export type TeamFormat = (typeof TEAM_FORMATS)[number];

export const COMPARE_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours: only for a terminal that wants them. */
  color: boolean;
  /** The terminal's width, to wrap long lines at; none when writing to a pipe or file. */
  width?: number;
}

export type Renderer<R> = (report: R, options: RenderOptions) => string;

/** One renderer per format; each loads only when asked for. */
export const singleRenderers: Record<SingleFormat, () => Promise<Renderer<SingleReport>>> = {
  text: async () => (await import('./text.js')).renderSingleText,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderSingleMarkdown,
  html: async () => (await import('./html/single.js')).renderSingleHtml,
};

export const teamRenderers: Record<TeamFormat, () => Promise<Renderer<TeamReport>>> = {
  text: async () => (await import('./team-text.js')).renderTeamText,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./team-markdown.js')).renderTeamMarkdown,
  csv: async () => (await import('./team-csv.js')).renderTeamCsv,
  html: async () => (await import('./html/team.js')).renderTeamHtml,
};

export const compareRenderers: Record<CompareFormat, () => Promise<Renderer<CompareReport>>> = {
  text: async () => (await import('./compare-text.js')).renderCompareText,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./compare-markdown.js')).renderCompareMarkdown,
  html: async () => (await import('./html/compare.js')).renderCompareHtml,
};
