import { createHash } from 'node:crypto';
import { bandColor, tint } from '../svg/palette.js';
import { html, trusted, type SafeHtml } from './html.js';
import { BASE_CSS } from './styles.js';

export interface PageBand {
  id: string;
  label: string;
}

/**
 * A complete, self-contained document. Its Content-Security-Policy allows nothing but the one style sheet
 * it carries (by hash): no script, no image, font, frame or request to anywhere.
 */
export function htmlDocument(title: string, bands: readonly PageBand[], body: SafeHtml): string {
  const css = `${BASE_CSS}\n${bandCss(bands.length)}`;
  const hash = createHash('sha256').update(css).digest('base64');
  const policy = `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
  return `${html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="cash-test">
<title>${title}</title>
<style>${trusted(css)}</style>
</head>
<body>
${body}
</body>
</html>`}\n`;
}

/** Chip colours per band, lowest band first, as the charts colour them. */
function bandCss(count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const color = bandColor(i, count);
    return `.band-${i}{background:${tint(color, 0.18)};border-color:${color}}`;
  }).join('\n');
}

/** A band's name on its colour; the class comes from its position among the bank's bands, never from its id. */
export function bandChip(band: PageBand | null, bands: readonly PageBand[], fallback: string): SafeHtml {
  if (band === null) return html`<span class="band band-none">${fallback}</span>`;
  const index = bands.findIndex((b) => b.id === band.id);
  return html`<span class="band band-${index}">${band.label}</span>`;
}
