import type { SingleReport } from '../../core/report/single/schema.js';
import type { Paint, Style } from './style.js';
import { displayWidth } from './terminal-width.js';
import { wrapLine } from './wrap.js';

// What the terminal renderers share: a table without borders, and the colour of a band.
// Columns are as wide as their widest cell, two spaces apart and two in from the margin. On a terminal
// too narrow for it, the optional columns (a bar that repeats a score) go first; when that is not enough
// either, each row becomes a block: its first cell, then the others under it, each named by its heading.

export type Cell = string | { align: 'right'; content: string };

export interface TableOptions {
  /** The terminal's width; none: the table is as wide as it needs to be. */
  width?: number | undefined;
  /** Columns (by index) that may be left out to fit the width. */
  optional?: readonly number[];
}

const MARGIN = '  ';
const GAP = '  ';

export function right(content: string): Cell {
  return { align: 'right', content };
}

export function renderTable(head: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): string {
  const { width, optional = [] } = options;
  const all = head.map((_, i) => i);
  const fits = (columns: readonly number[]) => width === undefined || tableWidth(head, rows, columns) <= width;
  if (fits(all)) return drawTable(head, rows, all);
  const kept = all.filter((i) => !optional.includes(i));
  if (kept.length < all.length && fits(kept)) return drawTable(head, rows, kept);
  return drawBlocks(head, rows, width);
}

const content = (cell: Cell | undefined): string => (cell === undefined ? '' : typeof cell === 'string' ? cell : cell.content);

function columnWidth(head: readonly string[], rows: readonly (readonly Cell[])[], column: number): number {
  let widest = Math.max(1, displayWidth(head[column] ?? ''));
  for (const row of rows) widest = Math.max(widest, displayWidth(content(row[column])));
  return widest;
}

function tableWidth(head: readonly string[], rows: readonly (readonly Cell[])[], columns: readonly number[]): number {
  return MARGIN.length + columns.reduce((sum, column) => sum + columnWidth(head, rows, column), 0) + GAP.length * (columns.length - 1);
}

function drawTable(head: readonly string[], rows: readonly (readonly Cell[])[], columns: readonly number[]): string {
  const widths = columns.map((column) => columnWidth(head, rows, column));
  return [head, ...rows]
    .map((row) => {
      const cells = columns.map((column, i) => {
        const cell = row[column];
        const text = content(cell);
        const padding = ' '.repeat(Math.max(0, (widths[i] as number) - displayWidth(text)));
        return typeof cell === 'object' ? `${padding}${text}` : `${text}${padding}`;
      });
      return `${MARGIN}${cells.join(GAP)}`;
    })
    .join('\n');
}

function drawBlocks(head: readonly string[], rows: readonly (readonly Cell[])[], width: number | undefined): string {
  const indent = `${MARGIN}${MARGIN}`;
  return rows
    .flatMap((row) => {
      const lines = [`${MARGIN}${content(row[0])}`];
      let line = '';
      for (const [i, cell] of row.entries()) {
        const text = content(cell);
        if (i === 0 || displayWidth(text) === 0) continue;
        const part = displayWidth(head[i] ?? '') === 0 ? text : `${head[i]} ${text}`;
        const longer = `${line}${GAP}${part}`;
        if (line !== '' && (width === undefined || displayWidth(longer) <= width)) line = longer;
        else {
          if (line !== '') lines.push(line);
          line = `${indent}${part}`;
        }
      }
      if (line !== '') lines.push(line);
      return lines.map((l) => wrapLine(l, width, indent.length));
    })
    .join('\n');
}

/** Lowest band red, highest green, the rest yellow: the band label is always printed too, so colour is never the only signal. */
export function bandColour(style: Style, report: Pick<SingleReport, 'bands'>, bandId: string | undefined): Paint {
  const index = report.bands.findIndex((b) => b.id === bandId);
  if (index === 0) return style.red;
  if (index === report.bands.length - 1) return style.green;
  return style.yellow;
}
