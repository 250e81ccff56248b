import type { ReportItem, SingleReport } from '../../core/report/single/schema.js';
import { bandDescription } from '../../core/report/band-description.js';
import { answerLabel } from '../../core/report/single/build.js';
import { percent, scoreText } from '../shared/numbers.js';
import { markdownTable, md } from '../shared/markdown.js';

export function renderSingleMarkdown(report: SingleReport): string {
  const out: string[] = [];
  const who = [report.respondent.role, report.respondent.name, report.respondent.team].filter(Boolean).map((s) => md(s as string));
  out.push(`# ${md(report.bank.title)}`, '');
  out.push(`${who.join(' · ')} · ${report.form} form · bank ${md(report.bank.id)} ${md(report.bank.version)} · ${md(report.takenAt)}`, '');
  out.push(
    report.overall.score === null
      ? '**Overall: not enough answers to score.**'
      : `**Overall: ${scoreText(report.overall.score)}/100 — ${md(report.overall.band?.label ?? '')}**`,
    '',
  );
  const described = bandDescription(report.bands, report.overall.band?.id);
  if (described !== undefined) out.push(`_${md(described)}_`, '');
  if (report.sameAnswer) out.push(`> **${md(report.sameAnswer.reading)}**`, '');
  out.push('## Pillars', '');
  out.push(
    ...markdownTable(
      ['Pillar', 'Score', 'Band', "Don't know"],
      report.pillars.map((p) => [
        p.id === report.weakestPillar ? `**${md(p.name)}** (weakest)` : md(p.name),
        scoreText(p.score),
        p.score === null ? 'not enough answers' : md(p.band?.label ?? ''),
        percent(p.unknownRate),
      ]),
    ),
    '',
  );
  for (const p of report.pillars) {
    out.push(`### ${md(p.name)}`, '', md(p.summary), '');
    out.push(...p.advice.map((a) => `- ${md(a)}`), ...(p.advice.length > 0 ? [''] : []));
  }
  const byId = new Map(report.items.map((item) => [item.id, item]));
  const lowest = report.lowestItems.map((id) => byId.get(id)).filter((item): item is ReportItem => item !== undefined);
  if (lowest.length > 0) {
    out.push('## Lowest-scoring statements', '');
    out.push(
      ...markdownTable(
        ['Id', 'Score', 'Statement', 'Answer'],
        lowest.map((i) => [md(i.id), scoreText(i.score), md(i.text), md(answerLabel(report, i.value))]),
      ),
      '',
    );
  }
  out.push('## Next steps, weakest first', '');
  report.nextSteps.forEach((step, i) => {
    out.push(`${i + 1}. **${step.owner}:** ${md(step.action)}  `, `   _${md(step.reason)}_`);
  });
  return `${out.join('\n')}\n`;
}
