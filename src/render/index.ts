import type { SingleReport } from '../core/report-model.js';

export const SINGLE_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type SingleFormat = (typeof SINGLE_FORMATS)[number];

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
