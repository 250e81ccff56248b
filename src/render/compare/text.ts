import { respondentCount } from '../../core/report/wording.js';
import type { CompareReport } from '../../core/report/compare/schema.js';
import { wholeDifference } from '../../core/whole-score.js';
import type { RenderOptions } from '../renderer.js';
import { fitLines } from '../shared/wrap.js';
import { shownDifference, shownSizeChange, signedPoints, scoreText } from '../shared/numbers.js';
import { plainText } from '../shared/sanitize.js';
import { textStyle } from '../shared/style.js';
import { type Cell, renderTable, right } from '../shared/terminal-table.js';

export function renderCompareText(report: CompareReport, options: RenderOptions): string {
  const c = textStyle(options.color);
  const out: string[] = [];
  const when = (s: CompareReport['before']) => `${plainText(s.at)}${s.respondents === null ? '' : `, ${respondentCount(s.respondents)}`}`;
  out.push(
    c.bold(`What changed (${report.of} results)`),
    c.dim(`before: ${when(report.before)} · after: ${when(report.after)}`),
    '',
    plainText(report.headline),
    '',
  );

  const table: Cell[][] = [];
  const row = (label: string, x: { before: number | null; after: number | null; change: number | null }) => {
    const shown = x.before === null || x.after === null ? 0 : wholeDifference(x.after, x.before);
    const colour = shown === 0 ? c.dim : shown > 0 ? c.green : c.red;
    table.push([label, ...[scoreText(x.before), scoreText(x.after)].map(right), right(colour(shownDifference(x.after, x.before)))]);
  };
  row(c.bold('Overall'), report.overall);
  for (const p of report.pillars) row(plainText(p.name), p);
  out.push(
    renderTable(
      ['', 'Before', 'After', 'Change'].map((h) => c.dim(h)),
      table,
      { width: options.width },
    ),
    '',
  );

  if (report.gaps.length > 0) {
    out.push(c.bold('Perception gaps (size in points)'));
    const gaps: Cell[][] = [];
    for (const g of report.gaps) {
      const shown = g.shownBefore === null || g.shownAfter === null ? 0 : Math.abs(g.shownAfter) - Math.abs(g.shownBefore);
      const colour = shown === 0 ? c.dim : shown < 0 ? c.green : c.red;
      gaps.push([
        g.label,
        plainText(g.name),
        ...[signedPoints(g.shownBefore), signedPoints(g.shownAfter)].map(right),
        right(colour(shownSizeChange(g.shownBefore, g.shownAfter))),
      ]);
    }
    out.push(
      renderTable(
        ['Gap', 'Pillar', 'Before', 'After', 'Change'].map((h) => c.dim(h)),
        gaps,
        { width: options.width },
      ),
      '',
    );
  }

  if (report.movers.length > 0) {
    out.push(c.bold('Statements that moved most'));
    for (const m of report.movers)
      out.push(
        `  ${c.dim(plainText(m.id).padEnd(4))} ${shownDifference(m.after, m.before).padStart(4)}  ${plainText(m.text)} ${c.dim(`(${scoreText(m.before)} → ${scoreText(m.after)})`)}`,
      );
    out.push('');
  }
  out.push(c.bold('Improved'), ...list(report.improved.map(plainText), c.green), '', c.bold('Got worse'), ...list(report.worsened.map(plainText), c.red));
  return `${fitLines(out.join('\n'), options.width)}\n`;
}

function list(lines: readonly string[], colour: (s: string) => string): string[] {
  return lines.length === 0 ? ['  nothing'] : lines.map((l) => `  ${colour('•')} ${l}`);
}
