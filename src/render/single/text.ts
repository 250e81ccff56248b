import { bandDescription } from '../../core/report/band-description.js';
import type { NextStep } from '../../core/report/stamps.js';
import type { ReportItem, SingleReport } from '../../core/report/single/schema.js';
import { answerLabel } from '../../core/report/single/build.js';
import { textBar } from '../shared/bar.js';
import type { RenderOptions } from '../renderer.js';
import { percent, scoreText } from '../shared/numbers.js';
import { plainText } from '../shared/sanitize.js';
import { type Style, textStyle } from '../shared/style.js';
import { bandColour, type Cell, renderTable, right } from '../shared/terminal-table.js';
import { wrapLine } from '../shared/wrap.js';

/** The score bar repeats the score: the column a narrow terminal does without first. */
const BAR_COLUMN = 2;

export function renderSingleText(report: SingleReport, options: RenderOptions): string {
  const c = textStyle(options.color);
  const out: string[] = [];
  const who = [report.respondent.role, report.respondent.name, report.respondent.team].filter(Boolean).map((s) => plainText(s as string));
  out.push(
    wrapLine(
      `${c.bold(plainText(report.bank.title))}  ${c.dim(`${report.form} form · ${who.join(' · ')} · bank ${plainText(report.bank.version)}`)}`,
      options.width,
      2,
    ),
  );
  out.push('');
  const overall = report.overall;
  out.push(
    overall.score === null
      ? c.bold('Overall: not enough answers to score')
      : `${c.bold(`Overall: ${scoreText(overall.score)}/100`)}  ${bandColour(c, report, overall.band?.id)(plainText(overall.band?.label ?? ''))}`,
  );
  const described = bandDescription(report.bands, overall.band?.id);
  if (described !== undefined) out.push(wrapLine(c.dim(plainText(described)), options.width, 0));
  if (report.sameAnswer) out.push(wrapLine(c.yellow(plainText(report.sameAnswer.reading)), options.width, 0));
  out.push('');

  const rows: Cell[][] = [];
  for (const pillar of report.pillars) {
    const colour = bandColour(c, report, pillar.band?.id);
    const weakest = pillar.id === report.weakestPillar ? c.bold('  ← weakest') : '';
    rows.push(
      pillar.score === null
        ? [plainText(pillar.name), c.dim('n/a'), c.dim('not enough answers'), '', percent(pillar.unknownRate)]
        : [
            plainText(pillar.name),
            right(scoreText(pillar.score)),
            colour(textBar(pillar.score)),
            `${colour(plainText(pillar.band?.label ?? ''))}${weakest}`,
            percent(pillar.unknownRate),
          ],
    );
  }
  const head = ['Pillar', 'Score', '', 'Band', "Don't know"].map((h) => c.dim(h));
  out.push(renderTable(head, rows, { width: options.width, optional: [BAR_COLUMN] }), '');

  const weakest = report.pillars.find((p) => p.id === report.weakestPillar);
  if (weakest) {
    out.push(
      wrapLine(`${c.bold('Weakest pillar:')} ${plainText(weakest.name)} (${scoreText(weakest.score)}) — ${plainText(weakest.summary)}`, options.width, 2),
    );
    if (weakest.advice.length > 0) {
      out.push(`What to do about ${plainText(weakest.name)} (${plainText(weakest.band?.label ?? '')}):`);
      for (const advice of weakest.advice) out.push(wrapLine(`  - ${plainText(advice)}`, options.width, 4));
    }
    out.push('');
  }
  const unscored = report.pillars.filter((p) => p.score === null && p.asked > 0);
  for (const p of unscored) {
    out.push(
      wrapLine(
        c.yellow(
          `${plainText(p.name)}: ${p.unknown} of ${p.asked} answers were "${plainText(report.scale.unknown)}" — too few to score, and that is a finding in itself.`,
        ),
        options.width,
        2,
      ),
    );
  }
  if (unscored.length > 0) out.push('');

  const byId = new Map(report.items.map((item) => [item.id, item]));
  const lowest = report.lowestItems.map((id) => byId.get(id)).filter((item): item is ReportItem => item !== undefined);
  if (lowest.length > 0) {
    out.push(c.bold('Lowest-scoring statements'));
    for (const item of lowest) {
      const line = `  ${c.dim(item.id.padEnd(4))} ${scoreText(item.score).padStart(3)}  ${plainText(item.text)} ${c.dim(`(you: ${plainText(answerLabel(report, item.value))})`)}`;
      out.push(wrapLine(line, options.width, 12));
    }
    out.push('');
  }

  out.push(c.bold('Next steps, weakest first'));
  report.nextSteps.forEach((step, i) => out.push(...nextStepLines(c, report, step, i + 1).map((line) => wrapLine(line, options.width, 5))));
  return `${out.join('\n')}\n`;
}

function nextStepLines(c: Style, report: SingleReport, step: NextStep, n: number): string[] {
  const pillar = report.pillars.find((p) => p.id === step.pillar);
  return [
    `  ${n}. ${c.bold(`[${step.owner}]`)} ${plainText(step.action)}`,
    `     ${c.dim(`${plainText(pillar?.name ?? step.pillar)} · ${plainText(step.reason)}`)}`,
  ];
}
