import { scoreText } from '../numbers.js';
import { bandBackdrop } from './band-axis.js';
import { MUTED, seriesStyle } from './palette.js';
import { bandsInWords, charsIn, marker, num, svgFrame, textBlock, wrapWords, type Threshold } from './svg.js';

export interface ChangeRow {
  label: string;
  before: number | null;
  after: number | null;
}

export interface BeforeAfterInput {
  id: string;
  title: string;
  rows: readonly ChangeRow[];
  bands: readonly Threshold[];
  /** Names of the two results, e.g. their dates. */
  beforeName: string;
  afterName: string;
  nullLabel: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 176;
const CHANGE_WIDTH = 62;
const TOP = 28;
const ROW_HEIGHT = 40;
const AXIS = 26;
const LEGEND = 30;

/** A dumbbell per row: the earlier score as a hollow circle, an arrow to the later one, the change in points. */
export function beforeAfterChart(input: BeforeAfterInput): string {
  const x0 = LABEL_WIDTH;
  const x1 = WIDTH - CHANGE_WIDTH;
  const x = (score: number) => x0 + ((x1 - x0) * Math.max(0, Math.min(100, score))) / 100;
  const plotBottom = TOP + input.rows.length * ROW_HEIGHT;
  const height = plotBottom + AXIS + LEGEND;
  const before = { color: MUTED, marker: 'circle' as const };
  const after = seriesStyle(0);
  const arrow = `${input.id}-arrow`;
  const defs = `<marker id="${arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0 0L10 5L0 10z" fill="${after.color}"/></marker>`;

  const parts: string[] = [];
  parts.push(bandBackdrop(input.bands, x, TOP, plotBottom));
  parts.push(textBlock(['Change'], x1 + CHANGE_WIDTH / 2 + 4, TOP - 11, { size: 11, anchor: 'middle', fill: MUTED, weight: 'bold' }));

  input.rows.forEach((row, r) => {
    const y = TOP + (r + 0.5) * ROW_HEIGHT;
    parts.push(
      '<g class="change-row">',
      textBlock(wrapWords(row.label, charsIn(LABEL_WIDTH - 14, 13, true), 2), x0 - 10, y, { size: 13, anchor: 'end', weight: 'bold' }),
    );
    // An arrow needs room between the two markers; a short move shows as the two markers side by side.
    if (row.before !== null && row.after !== null && Math.abs(x(row.after) - x(row.before)) > 24) {
      const gap = row.after > row.before ? -8 : 8;
      parts.push(
        `<line class="arrow" x1="${num(x(row.before))}" y1="${num(y)}" x2="${num(x(row.after) + gap)}" y2="${num(y)}" stroke="${after.color}" stroke-width="2.5" marker-end="url(#${arrow})"/>`,
      );
    }
    if (row.before !== null) parts.push(marker(before.marker, x(row.before), y, 6, before.color, true));
    if (row.after !== null) parts.push(marker(after.marker, x(row.after), y, 6, after.color));
    if (row.before === null || row.after === null) {
      const missing =
        row.before === null && row.after === null ? input.nullLabel : `${row.before === null ? input.beforeName : input.afterName}: ${input.nullLabel}`;
      const at = row.before ?? row.after;
      parts.push(
        textBlock([missing], at === null ? x0 + 6 : x(at) + (at > 60 ? -12 : 12), y, {
          size: 11,
          fill: MUTED,
          style: 'italic',
          anchor: at !== null && at > 60 ? 'end' : 'start',
        }),
      );
    }
    parts.push(textBlock([changeText(row)], x1 + CHANGE_WIDTH / 2 + 4, y, { size: 14, anchor: 'middle', weight: 'bold' }), '</g>');
  });

  const legendY = plotBottom + AXIS + LEGEND / 2;
  parts.push(
    marker(before.marker, x0 + 6, legendY, 6, before.color, true),
    textBlock([wrapWords(input.beforeName, 28, 1)[0] ?? ''], x0 + 18, legendY, { size: 12 }),
    marker(after.marker, x0 + 206, legendY, 6, after.color),
    textBlock([wrapWords(input.afterName, 28, 1)[0] ?? ''], x0 + 218, legendY, { size: 12 }),
  );

  const description = [
    input.rows
      .map((row) => `${row.label}: ${scoreText(row.before, input.nullLabel)} to ${scoreText(row.after, input.nullLabel)} (${changeText(row)})`)
      .join('; '),
    `${input.beforeName} first, then ${input.afterName}`,
    `Bands: ${bandsInWords(input.bands)}`,
  ].join('. ');
  return svgFrame({ id: input.id, title: input.title, description: `${description}.`, width: WIDTH, height, defs, body: parts.join('') });
}

function changeText(row: ChangeRow): string {
  if (row.before === null || row.after === null) return 'n/a';
  const change = Math.round(row.after) - Math.round(row.before);
  return change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '±0';
}
