import { respondentCount } from '../../core/report/wording.js';
import type { TeamReport } from '../../core/report/team/schema.js';
import { textBar } from '../shared/bar.js';
import type { RenderOptions } from '../renderer.js';
import { decimal, intervalRange, percent, shownDifference, scoreText } from '../shared/numbers.js';
import { plainText } from '../shared/sanitize.js';
import { textStyle } from '../shared/style.js';
import { bandColour, type Cell, renderTable, right } from '../shared/terminal-table.js';
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
import { fitLines, wrapLine } from '../shared/wrap.js';

const BAR = 12;

export function renderTeamText(report: TeamReport, options: RenderOptions): string {
  const c = textStyle(options.color);
  const pillarName = pillarsById(report);
  const items = itemsById(report);
  const out: string[] = [];
  const heading = (text: string) => out.push(c.bold(text));

  out.push(
    wrapLine(
      `${c.bold(`${plainText(report.bank.title)}: team report`)}  ${c.dim(`${formLabel(report)} · ${respondentCount(report.respondents.total)} · bank ${plainText(report.bank.version)}`)}`,
      options.width,
      2,
    ),
    '',
    wrapLine(plainText(report.headline), options.width, 0),
    '',
  );

  heading('Who answered');
  const groups = report.respondents.byRole.map((g) => `${g.role} ${g.n}`);
  if (report.respondents.folded.length > 0) {
    groups.push(
      c.dim(
        `${report.respondents.folded.join(', ')}: ${report.respondents.excluded > 0 ? 'left out of every figure (too few to stay anonymous)' : 'in the team figures only'}`,
      ),
    );
  }
  if (report.respondents.consented.length > 0) groups.push(c.dim(`${report.respondents.consented.join(', ')}: shown with consent`));
  if (report.respondents.straightLiners > 0) groups.push(c.yellow(`${report.respondents.straightLiners} gave the same answer to every statement`));
  out.push(`  ${groups.join(' · ')}`);
  if (report.respondents.names !== null) out.push(`  ${c.dim('Names:')} ${report.respondents.names.map(plainText).join(', ')}`);
  out.push('');

  heading('Pillars (mean of the respondents’ scores, 0-100)');
  const roles = report.respondents.byRole.map((g) => g.role);
  const overall = report.overall.team;
  const pillars: Cell[][] = [];
  pillars.push([
    c.bold('Overall'),
    right(c.bold(scoreText(overall.mean))),
    overall.mean === null ? '' : bandColour(c, report, overall.band?.id)(textBar(overall.mean, BAR)),
    plainText(overall.band?.label ?? ''),
    ...report.overall.byRole.map((r) => roleCell(r.score)),
    '',
  ]);
  for (const p of report.pillars) {
    const weakest = p.id === report.weakestPillar ? c.bold(' ← weakest') : '';
    pillars.push([
      plainText(p.name),
      right(scoreText(p.team.mean)),
      p.team.mean === null ? c.dim('not enough answers') : bandColour(c, report, p.team.band?.id)(textBar(p.team.mean, BAR)),
      `${plainText(p.team.band?.label ?? '')}${weakest}`,
      ...p.byRole.map((r) => roleCell(r.score)),
      right(percent(p.unknownRate)),
    ]);
  }
  const pillarHead = ['Pillar', 'Team', '', 'Band', ...roles, "Don't know"].map((h) => c.dim(h));
  // The bar repeats the team score: the column a narrow terminal does without first.
  out.push(renderTable(pillarHead, pillars, { width: options.width, optional: [2] }), '');
  for (const { band, who } of bandsInUse(report)) {
    if (band.description === undefined) continue;
    out.push(wrapLine(`  ${c.bold(plainText(band.label))} ${c.dim(`(${who.map(plainText).join(', ')})`)}: ${plainText(band.description)}`, options.width, 4));
  }
  if (bandsInUse(report).some(({ band }) => band.description !== undefined)) out.push('');

  heading('Spread');
  const spread: Cell[][] = [];
  for (const p of report.pillars) {
    const s = p.team;
    spread.push([
      plainText(p.name),
      ...[String(s.n), scoreText(s.mean), scoreText(s.median), scoreText(s.min), scoreText(s.max), scoreText(s.sd), decimal(p.alpha)].map(right),
    ]);
  }
  out.push(
    renderTable(
      ['Pillar', 'n', 'Mean', 'Median', 'Min', 'Max', 'SD', 'Alpha'].map((h) => c.dim(h)),
      spread,
      { width: options.width },
    ),
  );
  for (const p of report.pillars)
    if (p.alpha !== null && p.alphaNote !== null) out.push(wrapLine(`  ${c.dim(`${plainText(p.name)} alpha: ${plainText(p.alphaNote)}`)}`, options.width, 4));
  out.push('');

  for (const gap of report.gaps) {
    heading(`Perception gap: ${gap.a.label} − ${gap.b.label}`);
    if (!gap.shown) {
      out.push(`  ${c.dim(plainText(gap.reason ?? ''))}`, '');
      continue;
    }
    const table: Cell[][] = [];
    for (const p of gap.pillars) {
      table.push([
        plainText(pillarName.get(p.pillar) ?? p.pillar),
        ...[`${scoreText(p.a)} (${p.nA})`, `${scoreText(p.b)} (${p.nB})`, shownDifference(p.a, p.b), intervalRange(p.low, p.high), decimal(p.g)].map(right),
        verdictLabel(p),
      ]);
    }
    const head = ['Pillar', `${gap.a.label} (n)`, `${gap.b.label} (n)`, 'Gap', '95% interval', 'g', 'Reading'].map((h) => c.dim(h));
    out.push(renderTable(head, table, { width: options.width }));
    for (const p of gap.pillars) out.push(wrapLine(`  ${plainText(p.reading)}`, options.width, 4));
    out.push('');
  }

  const basis = report.gaps.find((g) => g.id === report.disagreements.gap);
  if (basis) {
    heading(`Statements where ${basis.a.label} and ${basis.b.label} differ beyond noise`);
    if (report.disagreements.items.length === 0) out.push(`  ${c.dim('None: every statement gap is within noise.')}`);
    report.disagreements.items.forEach((id, i) => {
      const entry = basis.items.find((e) => e.item === id);
      const item = items.get(id);
      if (!entry || !item) return;
      out.push(wrapLine(`  ${i + 1}. ${c.dim(id.padEnd(4))} ${plainText(statementLabel(item))}`, options.width, 9));
      out.push(
        `     ${c.dim(`${basis.a.label} ${scoreText(entry.a)}, ${basis.b.label} ${scoreText(entry.b)}, gap ${shownDifference(entry.a, entry.b)} (${intervalRange(entry.low, entry.high)}) · ${verdictLabel(entry)}`)}`,
      );
      out.push(wrapLine(`     ${plainText(entry.reading)}`, options.width, 5));
    });
    out.push('');
  }

  heading('Lowest-rated statements (whole team)');
  report.lowestItems.forEach((id, i) => {
    const item = items.get(id);
    if (!item) return;
    out.push(wrapLine(`  ${i + 1}. ${c.dim(id.padEnd(4))} ${scoreText(item.mean).padStart(3)}  ${plainText(statementLabel(item))}`, options.width, 12));
    out.push(`            ${c.dim(`${STANCE_HEADER}: ${stanceCounts(item.stance)} · agreement within roles (r_wg): ${agreementByRole(item, decimal)}`)}`);
  });
  out.push('');

  heading(`"Don't know"`);
  out.push(wrapLine(`  ${plainText(report.unknown.reading ?? 'Nobody answered "don’t know".')}`, options.width, 4));
  for (const f of report.unknown.findings) out.push(wrapLine(`  ${c.yellow(plainText(f.reading))}`, options.width, 4));
  for (const f of report.unknown.items) out.push(wrapLine(`  ${c.yellow(plainText(f.reading))}`, options.width, 4));
  out.push('');

  heading('Next steps for the team');
  report.nextSteps.forEach((step, i) => {
    out.push(wrapLine(`  ${i + 1}. ${c.bold(`[${step.owner}]`)} ${plainText(step.action)}`, options.width, 5));
    out.push(wrapLine(`     ${c.dim(`${plainText(pillarName.get(step.pillar) ?? step.pillar)} · ${plainText(step.reason)}`)}`, options.width, 5));
  });
  out.push('');

  heading(`Workshop agenda (${report.agenda.minutes} minutes)`);
  for (const block of report.agenda.blocks) {
    out.push(`  ${c.bold(agendaTime(block))}  ${c.bold(plainText(block.title))} ${c.dim(`(${block.minutes} min)`)}`);
    out.push(wrapLine(`               ${c.dim(plainText(block.purpose))}`, options.width, 15));
    for (const prompt of block.prompts) out.push(wrapLine(`               • ${plainText(prompt)}`, options.width, 17));
  }

  if (report.notes.length > 0) {
    out.push('');
    heading('Notes');
    for (const note of report.notes) out.push(wrapLine(`  ${c.dim(plainText(note))}`, options.width, 2));
  }
  return `${fitLines(out.join('\n'), options.width)}\n`;
}

/** A role's score with its band, numbers aligned: " 39 Cooperating". */
function roleCell(score: { mean: number | null; band: { label: string } | null }): string {
  return score.mean === null ? scoreText(null).padStart(3) : `${scoreText(score.mean).padStart(3)} ${plainText(score.band?.label ?? '')}`;
}
