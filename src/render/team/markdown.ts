import { respondentCount } from '../../core/report/wording.js';
import type { TeamReport } from '../../core/report/team/schema.js';
import { markdownTable, md } from '../shared/markdown.js';
import { decimal, intervalRange, percent, shownDifference, scoreText } from '../shared/numbers.js';
import {
  agendaTime,
  agreementByRole,
  bandsInUse,
  formLabel,
  itemsById,
  pillarsById,
  stanceCounts,
  STANCE_HEADER,
  statementLabel,
  verdictLabel,
} from './layout.js';

/** The team report as a consultant takes it into the room: figures first, then the agenda to run. */
export function renderTeamMarkdown(report: TeamReport): string {
  const pillarName = pillarsById(report);
  const items = itemsById(report);
  const roles = report.respondents.byRole.map((g) => g.role);
  const out: string[] = [];

  out.push(`# ${md(report.bank.title)}: team report`, '');
  out.push(
    `${formLabel(report)} · ${respondentCount(report.respondents.total)} · bank ${md(report.bank.id)} ${md(report.bank.version)} · ${md(report.createdAt)}`,
    '',
  );
  out.push(`**${md(report.headline)}**`, '');

  out.push('## Who answered', '');
  out.push(
    ...markdownTable(['Role', 'Respondents'], [...report.respondents.byRole.map((g) => [g.role, String(g.n)]), ['**all**', `**${report.respondents.total}**`]]),
    '',
  );
  if (report.respondents.folded.length > 0) {
    const where = report.respondents.excluded > 0 ? 'left out of every figure, too few to stay anonymous' : 'in the team figures only';
    out.push(`_${md(report.respondents.folded.join(', '))}: ${where} (groups under ${report.minGroup} are never shown on their own)._`, '');
  }
  if (report.respondents.consented.length > 0)
    out.push(`_${md(report.respondents.consented.join(', '))}: shown with the consent of its people (--show-role)._`, '');
  if (report.respondents.straightLiners > 0)
    out.push(`_${report.respondents.straightLiners} gave the same answer to every statement: their scores say little._`, '');
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
      report.pillars.map((p) => [
        md(p.name),
        String(p.team.n),
        ...[p.team.mean, p.team.median, p.team.min, p.team.max, p.team.sd].map((x) => scoreText(x)),
        decimal(p.alpha),
      ]),
    ),
    '',
    ...report.pillars.flatMap((p) => (p.alpha !== null && p.alphaNote !== null ? [`_${md(p.name)} alpha: ${md(p.alphaNote)}_`, ''] : [])),
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
        ['Pillar', gap.a.label, 'n', gap.b.label, 'n', 'Gap', '95% interval', 'g', 'Reading'],
        gap.pillars.map((p) => [
          md(pillarName.get(p.pillar) ?? p.pillar),
          scoreText(p.a),
          String(p.nA),
          scoreText(p.b),
          String(p.nB),
          shownDifference(p.a, p.b),
          intervalRange(p.low, p.high),
          decimal(p.g),
          verdictLabel(p),
        ]),
      ),
      '',
    );
    out.push(...gap.pillars.map((p) => `- ${md(p.reading)}`), '');
  }

  const basis = report.gaps.find((g) => g.id === report.disagreements.gap);
  if (basis) {
    out.push(`## Statements where ${basis.a.label} and ${basis.b.label} differ beyond noise`, '');
    if (report.disagreements.items.length === 0) out.push('_None: every statement gap is within noise._', '');
    else {
      out.push(
        ...markdownTable(
          ['#', 'Id', 'Statement', basis.a.label, basis.b.label, 'Gap', '95% interval', 'Reading'],
          report.disagreements.items.flatMap((id, i) => {
            const e = basis.items.find((x) => x.item === id);
            const item = items.get(id);
            return e && item
              ? [
                  [
                    String(i + 1),
                    md(id),
                    md(statementLabel(item)),
                    scoreText(e.a),
                    scoreText(e.b),
                    shownDifference(e.a, e.b),
                    intervalRange(e.low, e.high),
                    verdictLabel(e),
                  ],
                ]
              : [];
          }),
        ),
        '',
        ...report.disagreements.items.flatMap((id) => {
          const e = basis.items.find((x) => x.item === id);
          return e ? [`- ${md(e.reading)}`] : [];
        }),
        '',
      );
    }
  }

  out.push('## Lowest-rated statements', '');
  out.push(
    ...markdownTable(
      ['#', 'Id', 'Statement', 'Team', STANCE_HEADER, 'Agreement within roles (r_wg)', "Don't know"],
      report.lowestItems.flatMap((id, i) => {
        const item = items.get(id);
        return item
          ? [
              [
                String(i + 1),
                md(id),
                md(statementLabel(item)),
                scoreText(item.mean),
                stanceCounts(item.stance),
                agreementByRole(item, decimal),
                percent(item.unknownRate),
              ],
            ]
          : [];
      }),
    ),
    '',
  );

  out.push(`## "Don't know"`, '');
  out.push(md(report.unknown.reading ?? 'Nobody answered "don’t know".'), '');
  const unknownFindings = [...report.unknown.findings, ...report.unknown.items];
  if (unknownFindings.length > 0) out.push(...unknownFindings.map((f) => `- ${md(f.reading)}`), '');

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
      [
        'Id',
        'Pillar',
        'Statement',
        'Team',
        'SD',
        STANCE_HEADER,
        "Don't know",
        ...roles.flatMap((r) => [r, `${r}: ${STANCE_HEADER.toLowerCase()}`, `${r} r_wg`]),
      ],
      report.items.map((i) => [
        md(i.id),
        md(pillarName.get(i.pillar) ?? i.pillar),
        md(statementLabel(i)),
        scoreText(i.mean),
        scoreText(i.sd),
        stanceCounts(i.stance),
        percent(i.unknownRate),
        ...i.byRole.flatMap((r) => [scoreText(r.mean), stanceCounts(r.stance), `${decimal(r.rwg)}${r.polarised ? ' polarised' : ''}`]),
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
