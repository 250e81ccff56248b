import { respondentCount } from '../../core/report/wording.js';
import type { CompareReport } from '../../core/report/compare/schema.js';
import { markdownTable, md } from '../shared/markdown.js';
import { shownDifference, shownSizeChange, signedPoints, scoreText } from '../shared/numbers.js';

export function renderCompareMarkdown(report: CompareReport): string {
  const when = (s: CompareReport['before']) => `${md(s.at)}${s.respondents === null ? '' : ` (${respondentCount(s.respondents)})`}`;
  const out: string[] = [
    `# What changed (${report.of} results)`,
    '',
    `Before: ${when(report.before)} · after: ${when(report.after)}`,
    '',
    `**${md(report.headline)}**`,
    '',
  ];
  out.push(
    ...markdownTable(['', 'Before', 'After', 'Change'], [['**Overall**', ...cells(report.overall)], ...report.pillars.map((p) => [md(p.name), ...cells(p)])]),
    '',
  );
  if (report.gaps.length > 0) {
    out.push('## Perception gaps', '');
    out.push(
      ...markdownTable(
        ['Gap', 'Pillar', 'Before', 'After', 'Change in size'],
        report.gaps.map((g) => [g.label, md(g.name), signedPoints(g.shownBefore), signedPoints(g.shownAfter), shownSizeChange(g.shownBefore, g.shownAfter)]),
      ),
      '',
    );
  }
  if (report.movers.length > 0) {
    out.push('## Statements that moved most', '');
    out.push(
      ...markdownTable(
        ['Id', 'Statement', 'Before', 'After', 'Change'],
        report.movers.map((m) => [md(m.id), md(m.text), ...cells(m)]),
      ),
      '',
    );
  }
  out.push('## Improved', '', ...bullets(report.improved), '', '## Got worse', '', ...bullets(report.worsened), '');
  return out.join('\n');
}

function cells(x: { before: number | null; after: number | null; change: number | null }): string[] {
  return [scoreText(x.before), scoreText(x.after), shownDifference(x.after, x.before)];
}

function bullets(lines: readonly string[]): string[] {
  return lines.length === 0 ? ['- nothing'] : lines.map((l) => `- ${md(l)}`);
}
