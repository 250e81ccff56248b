import type { TeamGapEntry, TeamReport, TeamScore } from '../../core/report/team/schema.js';
import type { Stance } from '../../core/report/team/statements.js';
import { wholeDifference } from '../../core/whole-score.js';
import { plainText } from '../shared/sanitize.js';

// The team report's figures as one tidy table, one figure a row:
//   section,group,pillar,item,metric,value
// section: meta | band | respondents | overall | pillar | item | gap | ranking | unknown
// group:   a band's id, team, a role (only groups of at least --min-group), a gap id, or a ranking's name
// Empty value: the figure could not be computed. Scores are 0-100 at full precision.

type Cell = string | number | null;
type Row = [section: string, group: string, pillar: string, item: string, metric: string, value: Cell];

export const CSV_HEADER = ['section', 'group', 'pillar', 'item', 'metric', 'value'] as const;

export function renderTeamCsv(report: TeamReport): string {
  const rows: Row[] = [];
  const meta: [string, Cell][] = [
    ['bank_id', report.bank.id],
    ['bank_version', report.bank.version],
    ['bank_hash', report.bank.hash],
    ['form', report.form],
    ['created_at', report.createdAt],
    ['min_group', report.minGroup],
  ];
  for (const [metric, value] of meta) rows.push(['meta', '', '', '', metric, value]);
  for (const band of report.bands) {
    rows.push(['band', band.id, '', '', 'label', band.label], ['band', band.id, '', '', 'min', band.min]);
    if (band.description !== undefined) rows.push(['band', band.id, '', '', 'description', band.description]);
  }

  rows.push(['respondents', 'team', '', '', 'n', report.respondents.total]);
  for (const g of report.respondents.byRole) rows.push(['respondents', g.role, '', '', 'n', g.n]);
  for (const r of report.respondents.folded) rows.push(['respondents', r, '', '', 'folded', 1]);
  for (const r of report.respondents.consented) rows.push(['respondents', r, '', '', 'shown_with_consent', 1]);
  rows.push(['respondents', 'team', '', '', 'excluded', report.respondents.excluded]);
  rows.push(['respondents', 'team', '', '', 'straight_liners', report.respondents.straightLiners]);
  for (const name of report.respondents.names ?? []) rows.push(['respondents', 'team', '', '', 'name', name]);
  const mixed = report.respondents.mixedForms;
  if (mixed !== undefined) {
    rows.push(['respondents', 'team', '', '', 'named_quick_form', mixed.quick], ['respondents', 'team', '', '', 'named_full_form', mixed.full]);
    rows.push(['respondents', 'team', '', '', 'mixed_forms', mixed.reading]);
  }

  const score = (section: string, group: string, pillar: string, s: TeamScore) => {
    for (const metric of ['n', 'mean', 'median', 'min', 'max', 'sd'] as const) rows.push([section, group, pillar, '', metric, s[metric]]);
    rows.push([section, group, pillar, '', 'band', s.band?.label ?? null]);
  };
  score('overall', 'team', '', report.overall.team);
  for (const r of report.overall.byRole) score('overall', r.role, '', r.score);

  for (const p of report.pillars) {
    score('pillar', 'team', p.id, p.team);
    rows.push(['pillar', 'team', p.id, '', 'unknown_rate', p.unknownRate]);
    rows.push(['pillar', 'team', p.id, '', 'alpha', p.alpha]);
    rows.push(['pillar', 'team', p.id, '', 'alpha_note', p.alphaNote]);
    rows.push(['pillar', 'team', p.id, '', 'complete_respondents', p.completeRespondents]);
    for (const r of p.byRole) {
      score('pillar', r.role, p.id, r.score);
      rows.push(['pillar', r.role, p.id, '', 'unknown_rate', r.unknownRate]);
    }
  }

  for (const i of report.items) {
    const row = (group: string, metric: string, value: Cell) => rows.push(['item', group, i.pillar, i.id, metric, value]);
    row('team', 'text', i.text);
    row('team', 'reverse', i.reverse ? 1 : 0);
    row('team', 'n', i.n);
    row('team', 'mean', i.mean);
    row('team', 'sd', i.sd);
    row('team', 'unknown_rate', i.unknownRate);
    const stance = (group: string, st: Stance) => {
      row(group, 'agree', st.agree);
      row(group, 'neutral', st.neutral);
      row(group, 'disagree', st.disagree);
      row(group, 'dont_know', st.unknown);
    };
    stance('team', i.stance);
    for (const r of i.byRole) {
      row(r.role, 'n', r.n);
      row(r.role, 'mean', r.mean);
      row(r.role, 'unknown_rate', r.unknownRate);
      stance(r.role, r.stance);
      row(r.role, 'rwg', r.rwg);
      row(r.role, 'polarised', r.polarised ? 1 : 0);
    }
  }

  for (const gap of report.gaps.filter((g) => g.shown)) {
    const entry = (pillar: string, item: string, e: TeamGapEntry) => {
      const values: [string, Cell][] = [
        ['a_mean', e.a],
        ['a_n', e.nA],
        ['a_sd', e.sdA],
        ['b_mean', e.b],
        ['b_n', e.nB],
        ['b_sd', e.sdB],
        ['gap', e.gap],
        ['gap_shown', e.a === null || e.b === null ? null : wholeDifference(e.a, e.b)],
        ['ci_low', e.low],
        ['ci_high', e.high],
        ['df', e.df],
        ['p', e.p],
        ['p_adjusted', e.pAdjusted],
        ['separation', e.separation ? 1 : 0],
        ['g', e.g],
        ['verdict', e.verdict],
        ['size', e.size],
        ['sureness', e.sureness],
        ['reading', e.reading],
      ];
      for (const [metric, value] of values) rows.push(['gap', gap.id, pillar, item, metric, value]);
    };
    for (const p of gap.pillars) entry(p.pillar, '', p);
    for (const i of gap.items) entry(i.pillar, i.item, i);
  }

  const pillarOf = new Map(report.items.map((i) => [i.id, i.pillar]));
  report.disagreements.items.forEach((id, k) => rows.push(['ranking', 'disagreement', pillarOf.get(id) ?? '', id, 'rank', k + 1]));
  report.lowestItems.forEach((id, k) => rows.push(['ranking', 'lowest', pillarOf.get(id) ?? '', id, 'rank', k + 1]));
  for (const f of report.unknown.findings) rows.push(['unknown', f.role, f.pillar, '', 'reading', f.reading]);
  for (const f of report.unknown.items) {
    rows.push(['unknown', f.role, pillarOf.get(f.item) ?? '', f.item, 'dont_know', f.unknown]);
    rows.push(['unknown', f.role, pillarOf.get(f.item) ?? '', f.item, 'of', f.of]);
    rows.push(['unknown', f.role, pillarOf.get(f.item) ?? '', f.item, 'reading', f.reading]);
  }

  return `${[CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * One CSV cell. Text is made plain (it may reach a terminal) and, when a spreadsheet would run it
 * as a formula (starting with = + - @, a tab or a carriage return), gets a leading apostrophe;
 * numbers are written as numbers and left alone.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const plain = plainText(value);
  const text = /^[=+\-@\t\r]/.test(plain) ? `'${plain}` : plain;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
