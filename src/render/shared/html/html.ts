import { escapeHtml } from '../escape-html.js';

/** Markup that is already safe: built by `html` or by the chart code, never a string from input. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose every interpolated string is escaped: markup has to be built, it cannot be smuggled in. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i] as HtmlValue) : ''), ''));
}

/** Trusts markup that our own code generated and escaped (the SVG charts). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
