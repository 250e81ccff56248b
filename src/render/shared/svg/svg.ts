import { escapeHtml } from '../escape-html.js';
import { INK, seriesStyle, type MarkerShape } from './palette.js';

/** Coordinates to one decimal: small files, no float noise. */
export function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export interface ChartFrame {
  /** Unique in the page, made by the renderer (never from input): prefixes ids of titles, patterns, gradients. */
  id: string;
  title: string;
  /** The chart's content in words, for screen readers. */
  description: string;
  width: number;
  height: number;
  defs?: string;
  body: string;
}

/** An accessible, self-sized SVG element: role img, a title, a description and an aria-label. */
export function svgFrame(frame: ChartFrame): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${frame.id}" class="chart" viewBox="0 0 ${num(frame.width)} ${num(frame.height)}" width="${num(frame.width)}" height="${num(frame.height)}"`,
    ` role="img" aria-label="${escapeHtml(`${frame.title}. ${frame.description}`)}"`,
    ` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" fill="${INK}">`,
    `<title>${escapeHtml(frame.title)}</title>`,
    `<desc>${escapeHtml(frame.description)}</desc>`,
    frame.defs ? `<defs>${frame.defs}</defs>` : '',
    frame.body,
    '</svg>',
  ].join('');
}

// Average glyph width of a sans-serif face relative to its size (bold runs wider): enough to wrap labels without a browser.
const CHAR_WIDTH = 0.56;
const BOLD_CHAR_WIDTH = 0.62;

export function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);
}

/** How many characters fit in `width` at `fontSize`. */
export function charsIn(width: number, fontSize: number, bold = false): number {
  return Math.max(1, Math.floor(width / (fontSize * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH))));
}

/** Words wrapped into at most `maxLines` lines of about `maxChars` characters; what does not fit ends in an ellipsis. */
export function wrapWords(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while ([...line].length > maxChars) {
      lines.push([...line].slice(0, maxChars).join(''));
      line = [...line].slice(maxChars).join('');
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = [...(kept[maxLines - 1] as string)];
  kept[maxLines - 1] = `${last
    .slice(0, Math.max(1, maxChars - 1))
    .join('')
    .trimEnd()}…`;
  return kept;
}

export interface TextOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
  fill?: string;
  style?: 'italic';
  /** Line height in em. */
  leading?: number;
  /** A white outline, for text drawn over lines and shapes. */
  halo?: boolean;
}

/** A text element; several lines become tspans whose block is vertically centred on `y`. */
export function textBlock(lines: readonly string[], x: number, y: number, options: TextOptions = {}): string {
  const size = options.size ?? 13;
  const leading = options.leading ?? 1.2;
  const attrs = [
    `x="${num(x)}"`,
    `font-size="${size}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    options.weight === 'bold' ? 'font-weight="700"' : '',
    options.fill ? `fill="${options.fill}"` : '',
    options.style ? `font-style="${options.style}"` : '',
    options.halo ? 'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter(Boolean);
  const firstBaseline = y - ((lines.length - 1) * leading * size) / 2 + size * 0.35;
  const spans = lines.map((line, i) => `<tspan x="${num(x)}" y="${num(firstBaseline + i * leading * size)}">${escapeHtml(line)}</tspan>`);
  return `<text ${attrs.join(' ')}>${spans.join('')}</text>`;
}

export function marker(shape: MarkerShape, x: number, y: number, r: number, color: string, hollow = false): string {
  const paint = hollow ? `fill="#ffffff" stroke="${color}" stroke-width="2"` : `fill="${color}" stroke="#ffffff" stroke-width="1.5"`;
  const p = (points: readonly (readonly [number, number])[]) =>
    `<polygon points="${points.map(([dx, dy]) => `${num(x + dx * r)},${num(y + dy * r)}`).join(' ')}" ${paint}/>`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" ${paint}/>`;
    case 'square':
      return p([
        [-0.9, -0.9],
        [0.9, -0.9],
        [0.9, 0.9],
        [-0.9, 0.9],
      ]);
    case 'triangle':
      return p([
        [0, -1.2],
        [1.1, 0.8],
        [-1.1, 0.8],
      ]);
    case 'triangle-down':
      return p([
        [0, 1.2],
        [1.1, -0.8],
        [-1.1, -0.8],
      ]);
    case 'diamond':
      return p([
        [0, -1.25],
        [1.1, 0],
        [0, 1.25],
        [-1.1, 0],
      ]);
    case 'plus':
      return p([
        [-0.4, -1.1],
        [0.4, -1.1],
        [0.4, -0.4],
        [1.1, -0.4],
        [1.1, 0.4],
        [0.4, 0.4],
        [0.4, 1.1],
        [-0.4, 1.1],
        [-0.4, 0.4],
        [-1.1, 0.4],
        [-1.1, -0.4],
        [-0.4, -0.4],
      ]);
    case 'cross':
      return `<g transform="rotate(45 ${num(x)} ${num(y)})">${p([
        [-0.4, -1.2],
        [0.4, -1.2],
        [0.4, -0.4],
        [1.2, -0.4],
        [1.2, 0.4],
        [0.4, 0.4],
        [0.4, 1.2],
        [-0.4, 1.2],
        [-0.4, 0.4],
        [-1.2, 0.4],
        [-1.2, -0.4],
        [-0.4, -0.4],
      ])}</g>`;
  }
}

export interface LegendLayout {
  svg: string;
  height: number;
}

/** One entry per series (line sample with its dash and marker, then the name), wrapped into rows that fit `width`. */
export function seriesLegend(names: readonly string[], x: number, y: number, width: number): LegendLayout {
  const size = 13;
  const rowHeight = 22;
  const parts: string[] = [];
  let cx = x;
  let row = 0;
  names.forEach((name, i) => {
    const label = wrapWords(name, 40, 1)[0] ?? '';
    const itemWidth = 36 + textWidth(label, size) + 22;
    if (cx > x && cx + itemWidth > x + width) {
      cx = x;
      row += 1;
    }
    const cy = y + row * rowHeight + rowHeight / 2;
    const style = seriesStyle(i);
    parts.push(
      `<g class="legend-item"><line x1="${num(cx)}" y1="${num(cy)}" x2="${num(cx + 28)}" y2="${num(cy)}" stroke="${style.color}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
      marker(style.marker, cx + 14, cy, 5, style.color),
      textBlock([label], cx + 36, cy, { size }),
      '</g>',
    );
    cx += itemWidth;
  });
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: names.length === 0 ? 0 : (row + 1) * rowHeight };
}

export interface Threshold {
  label: string;
  /** Lowest score of the band, 0-100. */
  min: number;
}

/** "Misaligned 0-39, Partly aligned 40-69, Aligned 70-100": the bands in words. */
export function bandsInWords(bands: readonly Threshold[]): string {
  return bands
    .map((band, i) => {
      const next = bands[i + 1];
      return `${band.label} from ${num(band.min)}${next ? ` to below ${num(next.min)}` : ' to 100'}`;
    })
    .join(', ');
}
