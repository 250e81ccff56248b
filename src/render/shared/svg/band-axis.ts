import { bandColor, GRID, MUTED, tint } from './palette.js';
import { charsIn, num, textBlock, wrapWords, type Threshold } from './svg.js';

/**
 * The backdrop of a horizontal 0-100 chart: each band's zone tinted and named above the plot,
 * its threshold as a dashed line, and the thresholds as ticks under it.
 */
export function bandBackdrop(bands: readonly Threshold[], x: (score: number) => number, top: number, bottom: number): string {
  const parts: string[] = [];
  bands.forEach((band, i) => {
    const end = bands[i + 1]?.min ?? 100;
    const zoneWidth = x(end) - x(band.min);
    parts.push(
      `<rect x="${num(x(band.min))}" y="${num(top)}" width="${num(zoneWidth)}" height="${num(bottom - top)}" fill="${tint(bandColor(i, bands.length))}"/>`,
    );
    const label = wrapWords(band.label, charsIn(zoneWidth - 6, 11, true), 1)[0] ?? '';
    // A name cut down to a couple of letters says nothing: then the ticks and the text equivalent carry it.
    if ([...label].length >= Math.min(4, [...band.label].length)) {
      parts.push(textBlock([label], (x(band.min) + x(end)) / 2, top - 11, { size: 11, anchor: 'middle', fill: MUTED, weight: 'bold' }));
    }
  });
  for (const tick of [...new Set([0, ...bands.map((b) => b.min), 100])]) {
    const inner = tick > 0 && tick < 100;
    parts.push(
      `<line x1="${num(x(tick))}" y1="${num(top)}" x2="${num(x(tick))}" y2="${num(bottom + 4)}" stroke="${inner ? MUTED : GRID}" stroke-width="1"${inner ? ' stroke-dasharray="4 3"' : ''}/>`,
      textBlock([num(tick)], x(tick), bottom + 14, { size: 11, anchor: 'middle', fill: MUTED }),
    );
  }
  return `<g class="bands">${parts.join('')}</g>`;
}
