import { scoreText } from '../numbers.js';
import { barChart } from './bars.js';
import { bandColor, GRID, MUTED, seriesStyle, tint } from './palette.js';
import { bandsInWords, charsIn, marker, num, seriesLegend, svgFrame, textBlock, wrapWords, type Threshold } from './svg.js';

export interface Series {
  name: string;
  /** One value per axis, 0-100; null where there is none. */
  values: readonly (number | null)[];
}

export interface RadarInput {
  id: string;
  title: string;
  axes: readonly string[];
  series: readonly Series[];
  bands: readonly Threshold[];
  nullLabel: string;
}

const RADIUS = 138;
const SIDE = 150;
const TOP = 62;
const BOTTOM = 62;

/**
 * A radar (spider) chart: one axis per pillar, 0 at the centre, 100 at the rim, the bands as tinted rings.
 * With fewer than three axes a radar says nothing a bar chart does not, so it becomes one.
 */
export function radarChart(input: RadarInput): string {
  const n = input.axes.length;
  if (n < 3) {
    return barChart({
      id: input.id,
      title: input.title,
      series: input.series.map((s) => s.name),
      rows: input.axes.map((label, i) => ({ label, values: input.series.map((s) => s.values[i] ?? null) })),
      bands: input.bands,
      nullLabel: input.nullLabel,
    });
  }
  const width = 2 * (RADIUS + SIDE);
  const cx = width / 2;
  const cy = TOP + RADIUS;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, score: number): [number, number] => {
    const r = (RADIUS * Math.max(0, Math.min(100, score))) / 100;
    return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))];
  };
  const ring = (score: number) => input.axes.map((_, i) => at(i, score).map(num).join(',')).join(' ');
  const parts: string[] = [];

  // Outermost band first, each next band drawn over it, so every zone shows its own tint.
  for (let b = input.bands.length - 1; b >= 0; b -= 1) {
    const outer = input.bands[b + 1]?.min ?? 100;
    parts.push(`<polygon points="${ring(outer)}" fill="${tint(bandColor(b, input.bands.length), 0.12)}"/>`);
  }
  parts.push(`<polygon points="${ring(100)}" fill="none" stroke="${GRID}" stroke-width="1.2"/>`);
  for (const band of input.bands.filter((b) => b.min > 0 && b.min < 100)) {
    parts.push(`<polygon points="${ring(band.min)}" fill="none" stroke="${MUTED}" stroke-width="1" stroke-dasharray="4 3"/>`);
  }
  input.axes.forEach((_, i) => {
    const [ex, ey] = at(i, 100);
    parts.push(`<line class="spoke" x1="${num(cx)}" y1="${num(cy)}" x2="${num(ex)}" y2="${num(ey)}" stroke="${GRID}" stroke-width="1"/>`);
  });
  for (const tick of [...new Set([...input.bands.map((b) => b.min).filter((m) => m > 0), 100])]) {
    parts.push(textBlock([num(tick)], cx + 4, cy - (RADIUS * tick) / 100 + 8, { size: 10, fill: MUTED, halo: true }));
  }

  // The series go over the ring labels: data first, scale second.
  input.series.forEach((series, s) => parts.push(seriesShape(series, s, input.series.length, at)));

  input.axes.forEach((label, i) => {
    const a = angle(i);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const [lx, ly] = [cx + (RADIUS + 14) * cos, cy + (RADIUS + 14) * sin];
    const anchor = Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
    const lines = wrapWords(label, anchor === 'middle' ? charsIn(2 * SIDE, 13, true) : charsIn(SIDE - 20, 13, true), 2);
    const single = input.series.length === 1 ? (input.series[0]?.values[i] ?? null) : undefined;
    const blockLines = lines.length + (single === undefined ? 0 : 1);
    const lineHeight = 16;
    const blockHeight = blockLines * lineHeight;
    // Labels above the centre grow upwards, those below grow downwards, the others are centred on their spoke.
    const top = sin < -0.5 ? ly - blockHeight : sin > 0.5 ? ly : ly - blockHeight / 2;
    parts.push('<g class="axis-label">');
    lines.forEach((line, l) => parts.push(textBlock([line], lx, top + (l + 0.5) * lineHeight, { size: 13, anchor, weight: 'bold' })));
    if (single !== undefined) {
      const text = scoreText(single, input.nullLabel);
      parts.push(
        textBlock([text], lx, top + (lines.length + 0.5) * lineHeight, {
          size: single === null ? 11 : 14,
          anchor,
          fill: single === null ? MUTED : seriesStyle(0).color,
          weight: single === null ? 'normal' : 'bold',
        }),
      );
    }
    parts.push('</g>');
  });

  const legend =
    input.series.length > 1
      ? seriesLegend(
          input.series.map((s) => s.name),
          24,
          TOP + 2 * RADIUS + BOTTOM,
          width - 48,
        )
      : { svg: '', height: 0 };
  parts.push(legend.svg);
  const height = TOP + 2 * RADIUS + BOTTOM + (legend.height > 0 ? legend.height + 6 : 0);

  const description = [
    ...input.series.map(
      (series) =>
        `${input.series.length > 1 ? `${series.name}: ` : ''}${input.axes.map((axis, i) => `${axis} ${scoreText(series.values[i] ?? null, input.nullLabel)}`).join(', ')}`,
    ),
    `Bands: ${bandsInWords(input.bands)}`,
  ].join('. ');
  return svgFrame({ id: input.id, title: input.title, description: `${description}.`, width, height, body: parts.join('') });
}

/** A closed, lightly filled polygon; where an axis has no value the outline breaks there instead of inventing one. */
function seriesShape(series: Series, index: number, count: number, at: (i: number, score: number) => [number, number]): string {
  const style = seriesStyle(index);
  const n = series.values.length;
  const stroke = `stroke="${style.color}" stroke-width="2.5" stroke-linejoin="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}`;
  const point = (i: number) =>
    at(i, series.values[i] as number)
      .map(num)
      .join(',');
  const parts: string[] = [];
  const present = series.values.map((v) => v !== null);
  if (present.every(Boolean)) {
    const points = series.values.map((_, i) => point(i)).join(' ');
    parts.push(`<polygon points="${points}" fill="${style.color}" fill-opacity="${count === 1 ? 0.22 : 0.12}" ${stroke}/>`);
  } else {
    const start = present.indexOf(false);
    let run: string[] = [];
    for (let k = 1; k <= n; k += 1) {
      const i = (start + k) % n;
      if (present[i]) run.push(point(i));
      if (!present[i]) {
        if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" ${stroke}/>`);
        run = [];
      }
    }
  }
  series.values.forEach((value, i) => {
    if (value === null) return;
    const [x, y] = at(i, value);
    parts.push(marker(style.marker, x, y, 4.5, style.color));
  });
  return `<g class="series">${parts.join('')}</g>`;
}
