import type { BandsStamp } from '../../core/report/stamps.js';
import type { TeamGapEntry, TeamItem, TeamReport } from '../../core/report/team/schema.js';
import type { Stance } from '../../core/report/team/statements.js';

// Look-ups and the clock format every team renderer shares; no figures are computed here.

export function pillarsById(report: Pick<TeamReport, 'pillars'>): Map<string, string> {
  return new Map(report.pillars.map((p) => [p.id, p.name]));
}

export function itemsById(report: Pick<TeamReport, 'items'>): Map<string, TeamItem> {
  return new Map(report.items.map((i) => [i.id, i]));
}

/** "quick form", or for files that mixed forms "quick form (3 quick, 2 full)". */
export function formLabel(report: Pick<TeamReport, 'form' | 'respondents'>): string {
  const mixed = report.respondents.mixedForms;
  return `${report.form} form${mixed === undefined ? '' : ` (${mixed.quick} quick, ${mixed.full} full)`}`;
}

/** "0:10–0:25": an agenda block's place on the clock, from the workshop's start. */
export function agendaTime(block: { start: number; minutes: number }): string {
  const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
  return `${clock(block.start)}–${clock(block.start + block.minutes)}`;
}

/** The bands the team's overall score and each shown role's fall in, lowest first, with who is in each. */
export function bandsInUse(report: Pick<TeamReport, 'bands' | 'overall'>): { band: BandsStamp[number]; who: string[] }[] {
  const who = new Map<string, string[]>();
  const add = (id: string | undefined, name: string) => {
    if (id !== undefined) who.set(id, [...(who.get(id) ?? []), name]);
  };
  add(report.overall.team.band?.id, 'the team');
  for (const r of report.overall.byRole) add(r.score.band?.id, r.role);
  return report.bands.filter((b) => who.has(b.id)).map((band) => ({ band, who: who.get(band.id) ?? [] }));
}

/** A gap's reading in a table cell: "within noise", "beyond noise · large", "beyond noise · complete separation". */
export function verdictLabel(e: Pick<TeamGapEntry, 'verdict' | 'size' | 'separation'>): string {
  if (e.verdict === 'not-enough') return 'too few answers';
  if (e.verdict === 'within-noise') return 'within noise';
  return `beyond noise${e.separation ? ' · complete separation' : e.size ? ` · ${e.size}` : ''}`;
}

/** Agree · neutral · disagree · don't know, as counts: "3 · 0 · 1 · 0". */
export function stanceCounts(s: Stance): string {
  return [s.agree, s.neutral, s.disagree, s.unknown].join(' · ');
}

export const STANCE_HEADER = "Agree · neutral · disagree · don't know";

/** A statement as shown in a table: reverse-worded ones marked, since agreeing with them is the misaligned answer. */
export function statementLabel(item: Pick<TeamItem, 'text' | 'reverse'>): string {
  return item.reverse ? `${item.text} (reverse-worded)` : item.text;
}

/** r_wg within each role shown: "sales 0.62 · marketing −0.10 polarised"; n/a where too few answered. */
export function agreementByRole(item: Pick<TeamItem, 'byRole'>, decimal: (x: number | null) => string): string {
  return item.byRole.map((r) => `${r.role} ${decimal(r.rwg)}${r.polarised ? ' polarised' : ''}`).join(' · ');
}
