import { scoreText } from '../numbers.js';
import { bandBackdrop } from './band-axis.js';
import { MUTED, seriesStyle } from './palette.js';
import { bandsInWords, charsIn, marker, num, seriesLegend, svgFrame, textBlock, wrapWords, type Threshold } from './svg.js';

export interface BarRow {
  label: string;
  /** One value per series, 0-100; null is drawn as `nullLabel`. */
  values: readonly (number | null)[];
  /** Lowest and highest individual score behind the value, drawn as a whisker. */
  range?: { min: number; max: number } | null;
}

export interface BarChartInput {
  id: string;
  title: string;
  /** Series names; with more than one, a legend is drawn and each bar ends in its series' marker. */
  series: readonly string[];
  rows: readonly BarRow[];
  bands: readonly Threshold[];
  nullLabel: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 176;
const VALUE_WIDTH = 46;
const TOP = 28;
const AXIS = 26;
const ROW_GAP = 14;

/** Horizontal 0-100 bars over the bands' zones, each band threshold marked on the axis. */
export function barChart(input: BarChartInput): string {
  const seriesCount = Math.max(1, input.series.length);
  const barHeight = seriesCount === 1 ? 20 : 13;
  const groupHeight = Math.max(34, seriesCount * (barHeight + 3) + 6);
  const x0 = LABEL_WIDTH;
  const x1 = WIDTH - VALUE_WIDTH;
  const x = (score: number) => x0 + ((x1 - x0) * Math.max(0, Math.min(100, score))) / 100;
  const plotBottom = TOP + input.rows.length * (groupHeight + ROW_GAP);
  const legend = seriesCount > 1 ? seriesLegend(input.series, x0, plotBottom + AXIS + 6, x1 - x0) : { svg: '', height: 0 };
  const height = plotBottom + AXIS + (legend.height > 0 ? legend.height + 10 : 0);

  const parts: string[] = [];
  parts.push(bandBackdrop(input.bands, x, TOP, plotBottom));

  input.rows.forEach((row, r) => {
    const top = TOP + ROW_GAP / 2 + r * (groupHeight + ROW_GAP);
    const middle = top + groupHeight / 2;
    parts.push(
      '<g class="bar-row">',
      textBlock(wrapWords(row.label, charsIn(LABEL_WIDTH - 14, 13, true), 2), x0 - 10, middle, { size: 13, anchor: 'end', weight: 'bold' }),
    );
    const barsTop = middle - (seriesCount * (barHeight + 3) - 3) / 2;
    for (let s = 0; s < seriesCount; s += 1) {
      const value = row.values[s] ?? null;
      const y = barsTop + s * (barHeight + 3);
      const style = seriesStyle(s);
      if (value === null) {
        parts.push(textBlock([input.nullLabel], x0 + 6, y + barHeight / 2, { size: 12, fill: MUTED, style: 'italic' }));
        continue;
      }
      parts.push(
        `<rect class="bar" x="${num(x0)}" y="${num(y)}" width="${num(Math.max(1.5, x(value) - x0))}" height="${barHeight}" rx="2" fill="${style.color}"/>`,
      );
      if (seriesCount > 1) parts.push(marker(style.marker, x(value), y + barHeight / 2, 5, style.color));
      parts.push(textBlock([scoreText(value)], x1 + 8, y + barHeight / 2, { size: seriesCount === 1 ? 15 : 12, weight: 'bold' }));
    }
    if (row.range) {
      const [a, b] = [x(row.range.min), x(row.range.max)];
      const whisker = `M${num(a)} ${num(middle)}H${num(b)}M${num(a)} ${num(middle - 6)}V${num(middle + 6)}M${num(b)} ${num(middle - 6)}V${num(middle + 6)}`;
      // A white halo keeps the whisker visible where it crosses a dark bar.
      parts.push(
        `<g class="range" fill="none"><path d="${whisker}" stroke="#ffffff" stroke-width="4"/><path d="${whisker}" stroke="#1f2933" stroke-width="1.5"/></g>`,
      );
    }
    parts.push('</g>');
  });
  parts.push(legend.svg);

  const description = [
    input.rows
      .map((row) => {
        const values = row.values.map((v, s) => `${seriesCount > 1 ? `${input.series[s]} ` : ''}${scoreText(v, input.nullLabel)}`);
        const range = row.range ? ` (range ${scoreText(row.range.min)} to ${scoreText(row.range.max)})` : '';
        return `${row.label}${seriesCount > 1 ? ':' : ''} ${values.join(', ')}${range}`;
      })
      .join(seriesCount > 1 ? '; ' : ', '),
    `Bands: ${bandsInWords(input.bands)}.`,
  ].join('. ');
  return svgFrame({ id: input.id, title: input.title, description, width: WIDTH, height, body: parts.join('') });
}
