import { EVERYONE, type Group, type ItemCounts, type TeamData } from '../../aggregate.js';
import { ROLES } from '../../bank-schema.js';
import { bandFor, formQuestions, type Bank } from '../../bank.js';
import type { Role } from '../../roles.js';
import { describe, hedgesG, hedgesGFromMoments, interpretG, mean, momentsOfCounts, rwgFromVariance, type Numbers, type Summary } from '../../stats.js';
import { itemScore } from '../../scoring.js';
import { wholeScore } from '../../whole-score.js';
import { stampBank } from '../stamp-bank.js';
import type { NextStep } from '../stamps.js';
import { buildAgenda } from './agenda.js';
import { quoted } from '../wording.js';
import { gapReading, mostUnknownReading, unknownReading } from './readings.js';
import type { GapId, TeamGap, TeamItem, TeamPillar, TeamReport, TeamScore } from './schema.js';

// The team report: everything every format shows, computed here. Renderers only lay it out.
// Anonymity is enforced here and nowhere else: a role group smaller than minGroup never gets
// figures of its own; its respondents count in the whole-team figures only.

export interface TeamReportOptions {
  minGroup: number;
  showNames: boolean;
  createdAt: string;
  agendaMinutes?: number;
}

const ALPHA_MIN_RESPONDENTS = 10;
const RANKED_ITEMS = 5;
/** A role answering "don't know" to this share of a pillar's questions is a finding. */
const NOTABLE_UNKNOWN_RATE = 0.2;
const UNKNOWN_FINDINGS = 5;
const MIN_STEPS = 3;
const MAX_STEPS = 5;

interface Comparison {
  id: GapId;
  a: { label: string; group: Group };
  b: { label: string; group: Group };
}

const COMPARISONS: readonly Comparison[] = [
  { id: 'sales-marketing', a: { label: 'sales', group: ['sales'] }, b: { label: 'marketing', group: ['marketing'] } },
  {
    id: 'leadership-others',
    a: { label: 'leadership', group: ['leadership'] },
    b: { label: 'everyone else', group: ROLES.filter((r) => r !== 'leadership') },
  },
];

export function buildTeamReport(data: TeamData, options: TeamReportOptions): TeamReport {
  const { bank } = data;
  const shown = ROLES.filter((r) => data.roleCount(r) > 0 && data.roleCount(r) >= options.minGroup);
  const folded = ROLES.filter((r) => data.roleCount(r) > 0 && !shown.includes(r));
  const groupSize = (group: Group) => group.reduce((sum, r) => sum + data.roleCount(r), 0);
  const score = (xs: Numbers) => scoreOf(bank, xs);
  const visible = COMPARISONS.map((c) => ({ c, reason: hiddenReason(c, groupSize(c.a.group), groupSize(c.b.group), options.minGroup) }));
  const gapEntry = (c: Comparison, subject: string, ma: number | null, mb: number | null, g: number | null) => {
    const gap = ma === null || mb === null ? null : ma - mb;
    const size = g === null ? null : interpretG(g);
    return { a: ma, b: mb, gap, g, size, reading: gapReading(c.a.label, c.b.label, subject, gap, size) };
  };

  const counts = data.questions.map((_, k) => data.itemCounts(k));
  const unknownRate = (items: readonly number[], group: Group) => {
    let asked = 0;
    let unknown = 0;
    for (const k of items) {
      for (const r of group) {
        const i = ROLES.indexOf(r);
        asked += counts[k]?.asked[i] ?? 0;
        unknown += counts[k]?.unknown[i] ?? 0;
      }
    }
    return asked > 0 ? unknown / asked : null;
  };

  const pillarsInForm = bank.pillars.flatMap((pillar, index) => (formQuestions(pillar, data.form).length > 0 ? [{ pillar, index }] : []));
  const pillarGaps = new Map<GapId, TeamGap['pillars']>(COMPARISONS.map((c) => [c.id, []]));
  const pillars = pillarsInForm.map(({ pillar, index }): TeamPillar => {
    const split = data.pillarScores(index);
    const items = data.questions.flatMap((q, k) => (q.pillar === pillar.id ? [k] : []));
    for (const { c, reason } of visible) {
      if (reason !== null) continue;
      const xa = merged(split, c.a.group);
      const xb = merged(split, c.b.group);
      pillarGaps.get(c.id)?.push({ pillar: pillar.id, ...gapEntry(c, pillar.name, mean(xa), mean(xb), hedgesG(xa, xb)) });
    }
    const { complete, alpha } = data.alpha(items);
    return {
      id: pillar.id,
      name: pillar.name,
      summary: pillar.summary,
      weight: pillar.weight,
      team: score(merged(split, EVERYONE)),
      unknownRate: unknownRate(items, EVERYONE),
      byRole: shown.map((r) => ({ role: r, score: score(merged(split, [r])), unknownRate: unknownRate(items, [r]) })),
      alpha: complete >= ALPHA_MIN_RESPONDENTS ? alpha : null,
      completeRespondents: complete,
    };
  });

  const { scale } = bank;
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const itemGaps = new Map<GapId, TeamGap['items']>(COMPARISONS.map((c) => [c.id, []]));
  const items = data.questions.map((q, k): TeamItem => {
    const scores = points.map((v) => itemScore(v, scale, q.reverse));
    const moments = (group: Group) => momentsOfCounts(scores, countsOf(counts[k] as ItemCounts, group));
    for (const { c, reason } of visible) {
      if (reason !== null) continue;
      const ma = moments(c.a.group);
      const mb = moments(c.b.group);
      const g = ma && mb ? hedgesGFromMoments(ma, mb) : null;
      itemGaps.get(c.id)?.push({ item: q.id, pillar: q.pillar, ...gapEntry(c, quoted(q.text), ma?.mean ?? null, mb?.mean ?? null, g) });
    }
    const team = moments(EVERYONE);
    const answers = momentsOfCounts(points, countsOf(counts[k] as ItemCounts, EVERYONE));
    return {
      id: q.id,
      pillar: q.pillar,
      text: q.text,
      reverse: q.reverse,
      owner: q.owner,
      n: team?.n ?? 0,
      mean: team?.mean ?? null,
      sd: team && team.n > 1 ? Math.sqrt(team.variance) : null,
      rwg: answers && answers.n > 1 ? rwgFromVariance(answers.variance, points.length) : null,
      unknownRate: unknownRate([k], EVERYONE),
      byRole: shown.map((r) => {
        const own = moments([r]);
        return { role: r, n: own?.n ?? 0, mean: own?.mean ?? null, unknownRate: unknownRate([k], [r]) };
      }),
    };
  });

  const gaps = visible.map(({ c, reason }): TeamGap => ({
    id: c.id,
    a: { label: c.a.label, n: groupSize(c.a.group) },
    b: { label: c.b.label, n: groupSize(c.b.group) },
    shown: reason === null,
    reason,
    pillars: pillarGaps.get(c.id) ?? [],
    items: byLargestGap(itemGaps.get(c.id) ?? []),
  }));

  const basis = gaps.find((g) => g.shown) ?? null;
  const disagreements = {
    gap: basis?.id ?? null,
    items: (basis?.items ?? []).filter((i) => i.gap !== null).slice(0, RANKED_ITEMS).map((i) => i.item),
  };
  const lowestItems = [...items]
    .filter((i) => i.mean !== null)
    .sort((x, y) => (x.mean ?? 0) - (y.mean ?? 0))
    .slice(0, RANKED_ITEMS)
    .map((i) => i.id);
  const weakest = pillars.filter((p) => p.team.mean !== null).sort((x, y) => (x.team.mean ?? 0) - (y.team.mean ?? 0))[0] ?? null;
  const overall = data.overallScores();

  const report: Omit<TeamReport, 'nextSteps' | 'agenda' | 'headline'> = {
    schemaVersion: 1,
    kind: 'team',
    bank: stampBank(bank),
    form: data.form,
    createdAt: options.createdAt,
    minGroup: options.minGroup,
    scale: { ...bank.scale },
    bands: bank.bands.map((b) => ({ ...b })),
    respondents: {
      total: data.size,
      byRole: shown.map((r) => ({ role: r, n: data.roleCount(r) })),
      folded,
      names: options.showNames ? data.respondentNames() : null,
    },
    notes: notes(folded, gaps, pillars, options.minGroup),
    overall: {
      team: score(merged(overall, EVERYONE)),
      byRole: shown.map((r) => ({ role: r, score: score(merged(overall, [r])) })),
    },
    pillars,
    weakestPillar: weakest?.id ?? null,
    items,
    gaps,
    disagreements,
    lowestItems,
    unknown: unknownFindings(bank, pillars),
  };
  const nextSteps = teamNextSteps(bank, report);
  return {
    ...report,
    headline: headline(report),
    nextSteps,
    agenda: buildAgenda(report, nextSteps, options.agendaMinutes),
  };
}

/** The group's values from per-role ascending arrays, ascending: a median of sorted input costs one linear pass. */
function merged(split: readonly Float64Array[], group: Group): Float64Array {
  const parts = group.map((r) => split[ROLES.indexOf(r)] ?? new Float64Array(0));
  if (parts.length === 1) return parts[0] as Float64Array;
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all.sort();
}

/** The group's counts per scale point, summed over its roles. */
function countsOf(counts: ItemCounts, group: Group): number[] {
  const out: number[] = new Array<number>(counts.values[0]?.length ?? 0).fill(0);
  for (const r of group) {
    const row = counts.values[ROLES.indexOf(r)];
    row?.forEach((n, i) => (out[i] = (out[i] ?? 0) + n));
  }
  return out;
}

function scoreOf(bank: Bank, xs: Numbers): TeamScore {
  const summary: Summary = describe(xs);
  const band = summary.mean === null ? null : bandFor(bank.bands, summary.mean);
  return { ...summary, band: band ? { id: band.id, label: band.label } : null };
}

function hiddenReason(c: Comparison, na: number, nb: number, minGroup: number): string | null {
  const problems = [
    [c.a.label, na],
    [c.b.label, nb],
  ].flatMap(([label, n]) => (n === 0 ? [`nobody answered as ${label}`] : (n as number) < minGroup ? [`fewer than ${minGroup} people answered as ${label}`] : []));
  if (problems.length === 0) return null;
  const why = problems.join(' and ');
  return problems.some((p) => p.startsWith('fewer'))
    ? `Not shown: ${why}, and a group smaller than ${minGroup} (--min-group) is never shown on its own.`
    : `Not shown: ${why}.`;
}

function byLargestGap<T extends { gap: number | null }>(entries: T[]): T[] {
  return entries.sort((x, y) => (y.gap === null ? -1 : Math.abs(y.gap)) - (x.gap === null ? -1 : Math.abs(x.gap)));
}

function unknownFindings(bank: Bank, pillars: readonly TeamPillar[]): TeamReport['unknown'] {
  const label = bank.scale.unknown;
  const most = pillars.filter((p) => (p.unknownRate ?? 0) > 0).sort((x, y) => (y.unknownRate ?? 0) - (x.unknownRate ?? 0))[0];
  const findings = pillars
    .flatMap((p) =>
      p.byRole.flatMap((r) =>
        r.unknownRate !== null && r.unknownRate >= NOTABLE_UNKNOWN_RATE
          ? [{ pillar: p.id, role: r.role, rate: r.unknownRate, reading: unknownReading(r.role, p.name, r.unknownRate, label) }]
          : [],
      ),
    )
    .sort((x, y) => y.rate - x.rate)
    .slice(0, UNKNOWN_FINDINGS);
  return {
    pillar: most?.id ?? null,
    rate: most?.unknownRate ?? null,
    reading: most ? mostUnknownReading(most.name, most.unknownRate ?? 0, label) : null,
    findings,
  };
}

function notes(folded: readonly Role[], gaps: readonly TeamGap[], pillars: readonly TeamPillar[], minGroup: number): string[] {
  const out: string[] = [];
  if (folded.length > 0) {
    out.push(
      `Fewer than ${minGroup} people answered as ${folded.join(', ')}: to keep their answers anonymous, they count in the whole-team figures only and are never shown on their own.`,
    );
  }
  for (const gap of gaps) if (gap.reason !== null) out.push(`The ${gap.a.label} − ${gap.b.label} gap: ${gap.reason}`);
  const noAlpha = pillars.filter((p) => p.alpha === null).map((p) => p.name);
  if (noAlpha.length > 0) {
    out.push(`Cronbach's alpha is shown only where at least ${ALPHA_MIN_RESPONDENTS} people answered every question of a pillar (not for ${noAlpha.join(', ')}).`);
  }
  return out;
}

function headline(report: Omit<TeamReport, 'nextSteps' | 'agenda' | 'headline'>): string {
  const team = report.overall.team;
  const parts = [
    team.mean === null
      ? `Not enough answers to score the team (${report.respondents.total} respondents).`
      : `Team score ${wholeScore(team.mean)}/100 (${team.band?.label ?? ''}) from ${report.respondents.total} respondents.`,
  ];
  const weakest = report.pillars.find((p) => p.id === report.weakestPillar);
  if (weakest?.team.mean != null) parts.push(`Weakest pillar: ${weakest.name} (${wholeScore(weakest.team.mean)}).`);
  const gap = report.gaps.find((g) => g.shown);
  const largest = gap?.pillars.filter((p) => p.gap !== null).sort((x, y) => Math.abs(y.gap ?? 0) - Math.abs(x.gap ?? 0))[0];
  if (largest && largest.gap !== null && Math.round(Math.abs(largest.gap)) > 0) parts.push(`Largest gap: ${largest.reading}`);
  return parts.join(' ');
}

/** The largest gaps' actions first, then the weakest pillar's lowest items, what is invisible, and its advice. */
function teamNextSteps(bank: Bank, report: Omit<TeamReport, 'nextSteps' | 'agenda' | 'headline'>): NextStep[] {
  const questions = new Map(bank.pillars.flatMap((p) => p.questions).map((q) => [q.id, q]));
  const pillarName = new Map(bank.pillars.map((p) => [p.id, p.name]));
  const steps: NextStep[] = [];
  const taken = new Set<string>();
  const fromItem = (id: string, reason: string) => {
    const q = questions.get(id);
    if (!q || taken.has(id)) return;
    taken.add(id);
    steps.push({ pillar: q.pillar, questionId: q.id, owner: q.owner, action: q.action, reason });
  };

  const gap = report.gaps.find((g) => g.id === report.disagreements.gap);
  for (const entry of (gap?.items ?? []).filter((i) => i.gap !== null && Math.round(Math.abs(i.gap)) > 0).slice(0, 2)) {
    fromItem(entry.item, entry.reading);
  }
  const weakest = report.pillars.find((p) => p.id === report.weakestPillar);
  if (weakest) {
    const lowest = report.items
      .filter((i) => i.pillar === weakest.id && i.mean !== null)
      .sort((x, y) => (x.mean ?? 0) - (y.mean ?? 0))
      .slice(0, 2);
    for (const item of lowest) fromItem(item.id, `The team rates ${quoted(item.text)} ${wholeScore(item.mean ?? 0)}/100, in its weakest pillar, ${weakest.name}.`);
  }
  const invisible = report.unknown.findings[0];
  if (invisible) {
    const name = pillarName.get(invisible.pillar) ?? invisible.pillar;
    steps.push({
      pillar: invisible.pillar,
      questionId: null,
      owner: 'both',
      action: `Walk ${invisible.role} through how ${name} works today: what exists, where to find it, whom to ask.`,
      reason: invisible.reading,
    });
  }
  if (weakest?.team.band) {
    for (const text of bank.pillars.find((p) => p.id === weakest.id)?.advice[weakest.team.band.id] ?? []) {
      if (steps.length >= MIN_STEPS) break;
      steps.push({
        pillar: weakest.id,
        questionId: null,
        owner: 'both',
        action: text,
        reason: `${weakest.name} is the team's weakest pillar (${wholeScore(weakest.team.mean ?? 0)}/100, ${weakest.team.band.label}).`,
      });
    }
  }
  return steps.slice(0, MAX_STEPS);
}
