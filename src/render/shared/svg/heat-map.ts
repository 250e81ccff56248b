import { scoreText } from '../numbers.js';
import { GRID, heatColor, MUTED, textOn } from './palette.js';
import { num, svgFrame, textBlock, textWidth, wrapWords } from './svg.js';

export interface HeatMapInput {
  id: string;
  title: string;
  /** Header of the row labels' column, e.g. "Statement". */
  rowHeader: string;
  columns: readonly string[];
  rows: readonly string[];
  /** cells[row][column], 0-100; null cells are drawn hatched, with `nullLabel` in the key. */
  cells: readonly (readonly (number | null)[])[];
  nullLabel: string;
}

const LABEL_WIDTH = 330;
const CELL_WIDTH = 78;
const CELL_HEIGHT = 36;
const HEADER = 44;
const KEY = 58;
const LABEL_CHARS = 52;

/** Rows x columns of 0-100 scores: a diverging colour per cell and the number written in it. */
export function heatMap(input: HeatMapInput): string {
  const width = Math.max(LABEL_WIDTH + input.columns.length * CELL_WIDTH + 8, LABEL_WIDTH + 300 + textWidth(input.nullLabel, 11));
  const gridBottom = HEADER + input.rows.length * CELL_HEIGHT;
  const height = gridBottom + KEY;
  const hatch = `${input.id}-none`;
  const gradient = `${input.id}-scale`;
  const defs = [
    `<pattern id="${hatch}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="8" stroke="${GRID}" stroke-width="3"/></pattern>`,
    `<linearGradient id="${gradient}">${[0, 25, 50, 75, 100].map((s) => `<stop offset="${s}%" stop-color="${heatColor(s)}"/>`).join('')}</linearGradient>`,
  ].join('');

  const parts: string[] = [];
  parts.push(textBlock([input.rowHeader], 0, HEADER - 12, { size: 12, fill: MUTED, weight: 'bold' }));
  input.columns.forEach((column, c) => {
    parts.push(textBlock(wrapWords(column, 11, 2), LABEL_WIDTH + (c + 0.5) * CELL_WIDTH, HEADER / 2 - 2, { size: 12, anchor: 'middle', weight: 'bold' }));
  });
  input.rows.forEach((row, r) => {
    const y = HEADER + r * CELL_HEIGHT;
    parts.push(textBlock(wrapWords(row, LABEL_CHARS, 2), 0, y + CELL_HEIGHT / 2, { size: 12, leading: 1.15 }));
    input.columns.forEach((_, c) => {
      const value = input.cells[r]?.[c] ?? null;
      const x = LABEL_WIDTH + c * CELL_WIDTH;
      const fill = value === null ? `url(#${hatch})` : heatColor(value);
      parts.push(
        `<rect class="${value === null ? 'cell cell-none' : 'cell'}" x="${num(x + 1)}" y="${num(y + 1)}" width="${CELL_WIDTH - 2}" height="${CELL_HEIGHT - 2}" rx="3" fill="${fill}"/>`,
      );
      parts.push(
        value === null
          ? textBlock(['–'], x + CELL_WIDTH / 2, y + CELL_HEIGHT / 2, { size: 13, anchor: 'middle', fill: MUTED })
          : textBlock([scoreText(value)], x + CELL_WIDTH / 2, y + CELL_HEIGHT / 2, {
              size: 14,
              anchor: 'middle',
              weight: 'bold',
              fill: textOn(heatColor(value)),
            }),
      );
    });
  });

  const keyY = gridBottom + 18;
  const keyX = LABEL_WIDTH;
  const keyWidth = 240;
  parts.push(
    `<rect x="${keyX}" y="${keyY}" width="${num(keyWidth)}" height="12" fill="url(#${gradient})" stroke="${GRID}" stroke-width="0.5"/>`,
    ...[0, 50, 100].map((s) => textBlock([String(s)], keyX + (keyWidth * s) / 100, keyY + 24, { size: 11, anchor: 'middle', fill: MUTED })),
    `<rect x="${num(keyX + keyWidth + 16)}" y="${keyY}" width="18" height="12" fill="url(#${hatch})" stroke="${GRID}" stroke-width="0.5"/>`,
    textBlock([input.nullLabel], keyX + keyWidth + 40, keyY + 6, { size: 11, fill: MUTED }),
  );

  const description = input.rows
    .map((row, r) => `${row}: ${input.columns.map((column, c) => `${column} ${scoreText(input.cells[r]?.[c] ?? null, input.nullLabel)}`).join(', ')}`)
    .join('; ');
  return svgFrame({ id: input.id, title: input.title, description: `${description}.`, width, height, defs, body: parts.join('') });
}
