import type { TeamReport } from '../../core/report/team/schema.js';
import { markdownTable, md } from '../shared/markdown.js';
import { decimal, percent, signedPoints, scoreText } from '../shared/numbers.js';
import { agendaTime, bandsInUse, itemsById, pillarsById } from './layout.js';

/** The team report as a consultant takes it into the room: figures first, then the agenda to run. */
export function renderTeamMarkdown(report: TeamReport): string {
  const pillarName = pillarsById(report);
  const items = itemsById(report);
  const roles = report.respondents.byRole.map((g) => g.role);
  const out: string[] = [];

  out.push(`# ${md(report.bank.title)}: team report`, '');
  out.push(`${report.form} form · ${report.respondents.total} respondents · bank ${md(report.bank.id)} ${md(report.bank.version)} · ${md(report.createdAt)}`, '');
  out.push(`**${md(report.headline)}**`, '');

  out.push('## Who answered', '');
  out.push(...markdownTable(['Role', 'Respondents'], [...report.respondents.byRole.map((g) => [g.role, String(g.n)]), ['**all**', `**${report.respondents.total}**`]]), '');
  if (report.respondents.folded.length > 0) out.push(`_${md(report.respondents.folded.join(', '))}: in the team figures only (groups under ${report.minGroup} are never shown on their own)._`, '');
  if (report.respondents.names !== null) out.push(`Names: ${report.respondents.names.map(md).join(', ')}`, '');

  out.push('## Pillars', '', '_Mean of the respondents’ scores, 0-100._', '');
  const overall = report.overall.team;
  out.push(
    ...markdownTable(
      ['Pillar', 'Team', 'Band', ...roles, "Don't know"],
      [
        ['**Overall**', `**${scoreText(overall.mean)}**`, md(overall.band?.label ?? ''), ...report.overall.byRole.map((r) => roleCell(r.score)), ''],
        ...report.pillars.map((p) => [
          p.id === report.weakestPillar ? `**${md(p.name)}** (weakest)` : md(p.name),
          scoreText(p.team.mean),
          p.team.mean === null ? 'not enough answers' : md(p.team.band?.label ?? ''),
          ...p.byRole.map((r) => roleCell(r.score)),
          percent(p.unknownRate),
        ]),
      ],
    ),
    '',
  );
  for (const { band, who } of bandsInUse(report)) {
    if (band.description !== undefined) out.push(`- **${md(band.label)}** (${who.map(md).join(', ')}): ${md(band.description)}`);
  }
  if (bandsInUse(report).some(({ band }) => band.description !== undefined)) out.push('');
  out.push('### Spread', '');
  out.push(
    ...markdownTable(
      ['Pillar', 'n', 'Mean', 'Median', 'Min', 'Max', 'SD', 'Alpha'],
      report.pillars.map((p) => [md(p.name), String(p.team.n), ...[p.team.mean, p.team.median, p.team.min, p.team.max, p.team.sd].map((s) => scoreText(s)), decimal(p.alpha)]),
    ),
    '',
  );

  out.push('## Perception gaps', '');
  for (const gap of report.gaps) {
    out.push(`### ${gap.a.label} − ${gap.b.label}`, '');
    if (!gap.shown) {
      out.push(`_${md(gap.reason ?? '')}_`, '');
      continue;
    }
    out.push(
      ...markdownTable(
        ['Pillar', gap.a.label, gap.b.label, 'Gap', 'g', 'Size'],
        gap.pillars.map((p) => [md(pillarName.get(p.pillar) ?? p.pillar), scoreText(p.a), scoreText(p.b), signedPoints(p.gap), decimal(p.g), p.size ?? '']),
      ),
      '',
    );
    out.push(...gap.pillars.map((p) => `- ${md(p.reading)}`), '');
  }

  const basis = report.gaps.find((g) => g.id === report.disagreements.gap);
  if (basis && report.disagreements.items.length > 0) {
    out.push(`## Where ${basis.a.label} and ${basis.b.label} disagree most`, '');
    out.push(
      ...markdownTable(
        ['#', 'Id', 'Statement', basis.a.label, basis.b.label, 'Gap', 'Size'],
        report.disagreements.items.flatMap((id, i) => {
          const e = basis.items.find((x) => x.item === id);
          return e ? [[String(i + 1), md(id), md(items.get(id)?.text ?? id), scoreText(e.a), scoreText(e.b), signedPoints(e.gap), e.size ?? '']] : [];
        }),
      ),
      '',
    );
  }

  out.push('## Lowest-rated statements', '');
  out.push(
    ...markdownTable(
      ['#', 'Id', 'Statement', 'Team', 'Agreement (r_wg)', "Don't know"],
      report.lowestItems.flatMap((id, i) => {
        const item = items.get(id);
        return item ? [[String(i + 1), md(id), md(item.text), scoreText(item.mean), decimal(item.rwg), percent(item.unknownRate)]] : [];
      }),
    ),
    '',
  );

  out.push(`## "Don't know"`, '');
  out.push(md(report.unknown.reading ?? 'Nobody answered "don’t know".'), '');
  if (report.unknown.findings.length > 0) out.push(...report.unknown.findings.map((f) => `- ${md(f.reading)}`), '');

  out.push('## Next steps for the team', '');
  report.nextSteps.forEach((step, i) => {
    out.push(`${i + 1}. **${step.owner}:** ${md(step.action)}  `, `   _${md(pillarName.get(step.pillar) ?? step.pillar)}: ${md(step.reason)}_`);
  });
  out.push('');

  out.push(`## Workshop agenda (${report.agenda.minutes} minutes)`, '');
  for (const block of report.agenda.blocks) {
    out.push(`### ${agendaTime(block)} · ${md(block.title)} (${block.minutes} min)`, '', md(block.purpose), '');
    out.push(...block.prompts.map((p) => `- [ ] ${md(p)}`), '');
  }

  out.push('## All statements', '');
  out.push(
    ...markdownTable(
      ['Id', 'Pillar', 'Statement', 'Team', 'SD', 'r_wg', "Don't know", ...roles],
      report.items.map((i) => [
        md(i.id),
        md(pillarName.get(i.pillar) ?? i.pillar),
        md(i.reverse ? `${i.text} (reversed)` : i.text),
        scoreText(i.mean),
        scoreText(i.sd),
        decimal(i.rwg),
        percent(i.unknownRate),
        ...i.byRole.map((r) => scoreText(r.mean)),
      ]),
    ),
    '',
  );

  if (report.notes.length > 0) out.push('## Notes', '', ...report.notes.map((n) => `- ${md(n)}`), '');
  return `${out.join('\n')}`;
}

/** A role's score with its band: "39 Cooperating". */
function roleCell(score: { mean: number | null; band: { label: string } | null }): string {
  return score.mean === null ? scoreText(null) : `${scoreText(score.mean)} ${md(score.band?.label ?? '')}`;
}
