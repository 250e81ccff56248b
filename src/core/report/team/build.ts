import type { Group, ItemCounts, TeamData } from '../../aggregate.js';
import { ROLES, type Role } from '../../roles.js';
import { allQuestions, bandFor, formQuestions, type Bank, type Form } from '../../bank.js';
import { describe, momentsOf, momentsOfCounts, polarised, rwgFromVariance, type Numbers, type Summary } from '../../stats.js';
import { itemScore } from '../../scoring.js';
import { wholeScore } from '../../whole-score.js';
import { stampBank } from '../stamp-bank.js';
import type { NextStep } from '../stamps.js';
import { buildAgenda } from './agenda.js';
import { disclosedRoles } from './disclosure.js';
import { safetyConcerns } from './safety.js';
import { bySureness, judgeComparison, rawGap, type RawGap } from './gaps.js';
import { capitalize, counted, respondentCount, uncapitalize } from '../wording.js';
import { gapReading, mostUnknownReading, quotedStatement, statementGapReading, statementUnknownReading, unknownReading } from './readings.js';
import { stanceOf, stancePhrase, stanceTotal, type Stance } from './statements.js';
import type { GapId, TeamGap, TeamItem, TeamPillar, TeamReport, TeamScore } from './schema.js';
import { TEAM_SCHEMA_VERSION } from './version.js';

// The team report: everything every format shows, computed here. Renderers only lay it out.
// Anonymity is enforced here and nowhere else: a role group smaller than minGroup never gets
// figures of its own, and no figure is shown beside the team's when subtracting the shown groups
// from the team would leave fewer than minGroup values (see disclosure.ts). When the folded
// respondents are too few to hide among themselves, they are left out of every figure.

export interface TeamReportOptions {
  minGroup: number;
  showNames: boolean;
  createdAt: string;
  agendaMinutes?: number;
  /** Roles shown below minGroup because their people agreed to it (--show-role). */
  showRoles?: readonly Role[];
}

const ALPHA_MIN_RESPONDENTS = 10;
const ALPHA_MIN_ITEMS = 3;
/** r_wg from fewer answers swings with one person: shown from this many answers (and never under minGroup). */
export const RWG_MIN_ANSWERS = 5;
const RANKED_ITEMS = 5;
/** A role answering "don't know" to this share of a pillar's questions is a finding. */
const NOTABLE_UNKNOWN_RATE = 0.2;
/** A role answering "don't know" to at least half of its answers on one statement is a finding too. */
const NOTABLE_ITEM_UNKNOWN_RATE = 0.5;
const UNKNOWN_FINDINGS = 5;
const MIN_STEPS = 3;
const MAX_STEPS = 5;

interface Side {
  label: string;
  /** How a sentence names the group: "in sales", "in the rest of the team". */
  phrase: string;
  group: Group;
}

interface Comparison {
  id: GapId;
  a: Side;
  b: Side;
}

const COMPARISONS: readonly Comparison[] = [
  { id: 'sales-marketing', a: { label: 'sales', phrase: 'sales', group: ['sales'] }, b: { label: 'marketing', phrase: 'marketing', group: ['marketing'] } },
  {
    id: 'leadership-others',
    a: { label: 'leadership', phrase: 'leadership', group: ['leadership'] },
    b: { label: 'everyone else', phrase: 'the rest of the team', group: ROLES.filter((r) => r !== 'leadership') },
  },
];

type ReportSoFar = Omit<TeamReport, 'nextSteps' | 'agenda' | 'headline'>;

export function buildTeamReport(data: TeamData, options: TeamReportOptions): TeamReport {
  const { bank } = data;
  const { minGroup } = options;
  const consent = new Set(options.showRoles ?? []);
  const present = ROLES.filter((r) => data.roleCount(r) > 0);
  const shown = present.filter((r) => data.roleCount(r) >= minGroup || consent.has(r));
  const folded = present.filter((r) => !shown.includes(r));
  const foldedCount = folded.reduce((n, r) => n + data.roleCount(r), 0);
  // Folded respondents hide among themselves when there are enough of them; otherwise the team
  // figures minus the shown groups would be theirs, so they are left out of every figure.
  const included: Group = shown.length === 0 || foldedCount === 0 || foldedCount >= minGroup ? present : shown;
  const excluded = included.length === present.length ? 0 : foldedCount;
  const inGroup = (group: Group) => group.filter((r) => included.includes(r));
  const groupSize = (group: Group) => inGroup(group).reduce((sum, r) => sum + data.roleCount(r), 0);
  const disclose = (n: (r: Role) => number) =>
    disclosedRoles(
      included.map((r) => ({ role: r, n: n(r), eligible: shown.includes(r), consent: consent.has(r) })),
      minGroup,
    );
  const respondentsIn = (group: Group) => group.reduce((sum, r) => sum + data.roleCount(r), 0);
  const visible = COMPARISONS.map((c) => ({ c, reason: hiddenReason(c, respondentsIn(c.a.group), respondentsIn(c.b.group), minGroup, consent) }));
  /** A side's figure may be shown: its one role is disclosed, or it is everyone but a disclosed role. */
  const sideShown = (c: Comparison, side: Side, disclosed: Set<Role>, n: number) =>
    n >= 1 && (side === c.a || c.id === 'sales-marketing' ? side.group.every((r) => disclosed.has(r)) : disclosed.has('leadership') && n >= minGroup);

  const counts = data.itemCounts();
  const unknownRate = (items: readonly number[], group: Group) => {
    let asked = 0;
    let unknown = 0;
    for (const k of items) {
      for (const r of inGroup(group)) {
        const i = ROLES.indexOf(r);
        asked += counts[k]?.asked[i] ?? 0;
        unknown += counts[k]?.unknown[i] ?? 0;
      }
    }
    return asked > 0 ? unknown / asked : null;
  };
  const score = (xs: Numbers) => (xs.length >= minGroup ? scoreOf(bank, xs) : hiddenScore(xs.length));

  const pillarsInForm = bank.pillars.flatMap((pillar, index) => (formQuestions(pillar, data.form).length > 0 ? [{ pillar, index }] : []));
  const pillarGaps = new Map<GapId, (RawGap & { pillar: string; name: string })[]>(COMPARISONS.map((c) => [c.id, []]));
  const pillars = pillarsInForm.map(({ pillar, index }): TeamPillar => {
    const split = data.pillarScores(index);
    const nOf = (r: Role) => split[ROLES.indexOf(r)]?.length ?? 0;
    const disclosed = disclose(nOf);
    const items = data.questions.flatMap((q, k) => (q.pillar === pillar.id ? [k] : []));
    for (const { c, reason } of visible) {
      if (reason !== null) continue;
      const side = (s: Side) => {
        const xs = merged(split, inGroup(s.group));
        return sideShown(c, s, disclosed, xs.length) ? momentsOf(xs) : null;
      };
      pillarGaps.get(c.id)?.push({ pillar: pillar.id, name: pillar.name, ...rawGap(side(c.a), side(c.b)) });
    }
    const { complete, alpha } = data.alpha(items, included);
    const alphaShown = complete >= ALPHA_MIN_RESPONDENTS && items.length >= ALPHA_MIN_ITEMS ? alpha : null;
    return {
      id: pillar.id,
      name: pillar.name,
      summary: pillar.summary,
      weight: pillar.weight,
      team: score(merged(split, included)),
      unknownRate: unknownRate(items, included),
      byRole: shown.map((r) => ({ role: r, score: disclosed.has(r) ? score(merged(split, [r])) : hiddenScore(nOf(r)), unknownRate: unknownRate(items, [r]) })),
      alpha: alphaShown,
      alphaNote: alphaNote(items.length, complete, alphaShown),
      completeRespondents: complete,
    };
  });

  const { scale } = bank;
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const itemGaps = new Map<GapId, (RawGap & { item: string; pillar: string; text: string; sa: Stance; sb: Stance })[]>(COMPARISONS.map((c) => [c.id, []]));
  const items = data.questions.map((q, k): TeamItem => {
    const own = counts[k] as ItemCounts;
    const scores = points.map((v) => itemScore(v, scale, q.reverse));
    const moments = (group: Group) => momentsOfCounts(scores, countsOf(own, inGroup(group)));
    const stance = (group: Group) =>
      stanceOf(
        countsOf(own, inGroup(group)),
        inGroup(group).reduce((n, r) => n + (own.unknown[ROLES.indexOf(r)] ?? 0), 0),
      );
    const nOf = (r: Role) => countsOf(own, [r]).reduce((a, b) => a + b, 0);
    const disclosed = disclose(nOf);
    for (const { c, reason } of visible) {
      if (reason !== null) continue;
      const side = (s: Side) => {
        const m = moments(s.group);
        return m && sideShown(c, s, disclosed, m.n) ? m : null;
      };
      itemGaps.get(c.id)?.push({ item: q.id, pillar: q.pillar, text: q.text, sa: stance(c.a.group), sb: stance(c.b.group), ...rawGap(side(c.a), side(c.b)) });
    }
    const team = moments(included);
    const teamShown = team !== null && team.n >= minGroup;
    return {
      id: q.id,
      pillar: q.pillar,
      text: q.text,
      reverse: q.reverse,
      owner: q.owner,
      tags: q.tags ?? [],
      n: team?.n ?? 0,
      mean: teamShown ? team.mean : null,
      sd: teamShown && team.n > 1 ? Math.sqrt(team.variance) : null,
      stance: stance(included),
      unknownRate: unknownRate([k], included),
      byRole: shown.map((r) => {
        const m = moments([r]);
        const open = m !== null && disclosed.has(r);
        const answers = momentsOfCounts(points, countsOf(own, [r]));
        const rwg = open && answers !== null && answers.n >= Math.max(RWG_MIN_ANSWERS, minGroup) ? rwgFromVariance(answers.variance, points.length) : null;
        return {
          role: r,
          n: m?.n ?? 0,
          mean: open ? m.mean : null,
          unknownRate: unknownRate([k], [r]),
          stance: stance([r]),
          rwg,
          polarised: rwg !== null && polarised(rwg),
        };
      }),
    };
  });

  const gaps = visible.map(({ c, reason }): TeamGap => {
    const judged = judgeComparison(pillarGaps.get(c.id) ?? [], itemGaps.get(c.id) ?? []);
    const compared = (gs: readonly { p: number | null }[]) => gs.filter((g) => g.p !== null).length;
    const [pillarsCompared, itemsCompared] = [compared(judged.pillars), compared(judged.items)];
    const family = `${counted(pillarsCompared + itemsCompared, 'gap')} compared (${counted(pillarsCompared, 'pillar')}, ${counted(itemsCompared, 'statement')})`;
    return {
      id: c.id,
      a: { label: c.a.label, n: groupSize(c.a.group) },
      b: { label: c.b.label, n: groupSize(c.b.group) },
      shown: reason === null,
      reason,
      pillars: judged.pillars.map(({ name, ...g }) => ({ ...g, reading: gapReading(c.a.label, c.b.label, name, g, family) })),
      items: bySureness(
        judged.items.map(({ text, sa, sb, ...g }) => ({
          ...g,
          reading: statementGapReading(text, c.a.phrase, sa, c.b.phrase, sb, g, family),
        })),
      ),
    };
  });

  const basis = gaps.find((g) => g.shown) ?? null;
  const disagreements = {
    gap: basis?.id ?? null,
    items: (basis?.items ?? [])
      .filter((i) => i.verdict === 'beyond-noise')
      .slice(0, RANKED_ITEMS)
      .map((i) => i.item),
  };
  const lowestItems = [...items]
    .filter((i) => i.mean !== null)
    .sort((x, y) => (x.mean ?? 0) - (y.mean ?? 0))
    .slice(0, RANKED_ITEMS)
    .map((i) => i.id);
  const weakest = pillars.filter((p) => p.team.mean !== null).sort((x, y) => (x.team.mean ?? 0) - (y.team.mean ?? 0))[0] ?? null;
  const overall = data.overallScores();
  const overallDisclosed = disclose((r) => overall[ROLES.indexOf(r)]?.length ?? 0);

  const respondents = {
    total: data.size,
    byRole: shown.map((r) => ({ role: r, n: data.roleCount(r) })),
    folded,
    excluded,
    consented: shown.filter((r) => consent.has(r) && data.roleCount(r) < minGroup),
    straightLiners: data.straightLiners,
    names: options.showNames ? data.respondentNames() : null,
    ...mixedForms(bank, data.formsNamed),
  };
  const report: ReportSoFar = {
    schemaVersion: TEAM_SCHEMA_VERSION,
    kind: 'team',
    bank: stampBank(bank),
    form: data.form,
    createdAt: options.createdAt,
    minGroup,
    scale: { ...bank.scale },
    bands: bank.bands.map((b) => ({ ...b })),
    respondents,
    notes: [...(respondents.mixedForms === undefined ? [] : [respondents.mixedForms.reading]), ...notes(respondents, gaps, pillars, minGroup)],
    overall: {
      team: score(merged(overall, included)),
      byRole: shown.map((r) => ({
        role: r,
        score: overallDisclosed.has(r) ? score(merged(overall, [r])) : hiddenScore(overall[ROLES.indexOf(r)]?.length ?? 0),
      })),
    },
    pillars,
    weakestPillar: weakest?.id ?? null,
    items,
    gaps,
    disagreements,
    lowestItems,
    unknown: unknownFindings(bank, pillars, items, minGroup),
  };
  const nextSteps = teamNextSteps(bank, report);
  return {
    ...report,
    headline: headline(report),
    nextSteps,
    agenda: buildAgenda(report, nextSteps, options.agendaMinutes),
  };
}

/** A figure that is not shown: only how many values it would have rested on. */
function hiddenScore(n: number): TeamScore {
  return { n, mean: null, median: null, min: null, max: null, sd: null, band: null };
}

function alphaNote(items: number, complete: number, alpha: number | null): string | null {
  if (items < ALPHA_MIN_ITEMS) return `Not shown: alpha needs at least ${ALPHA_MIN_ITEMS} statements in a pillar (this form has ${items}).`;
  if (alpha === null)
    return complete < ALPHA_MIN_RESPONDENTS ? `Not shown: ${complete} people answered every statement; alpha needs ${ALPHA_MIN_RESPONDENTS}.` : null;
  if (alpha < 0)
    return 'Negative: the statements of this pillar pull in different directions for these people (often a reverse-worded statement read the other way); read the pillar score with care.';
  return null;
}

/** The group's values from per-role ascending arrays, ascending: a median of sorted input costs one linear pass. */
function merged(split: readonly Float64Array[], group: Group): Float64Array {
  const parts = group.map((r) => split[ROLES.indexOf(r)] ?? new Float64Array(0)).filter((p) => p.length > 0);
  if (parts.length <= 1) return parts[0] ?? new Float64Array(0);
  // Merged, not sorted again: the next value is the least of the parts' next ones (-0 before 0, as sort() puts it).
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  const next = new Uint32Array(parts.length);
  for (let at = 0; at < all.length; at++) {
    let least = -1;
    let value = Number.POSITIVE_INFINITY;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p] as Float64Array;
      const i = next[p] as number;
      if (i === part.length) continue;
      const x = part[i] as number;
      if (least === -1 || x < value || (x === value && x === 0 && Object.is(x, -0))) {
        least = p;
        value = x;
      }
    }
    all[at] = value;
    next[least] = (next[least] as number) + 1;
  }
  return all;
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

function hiddenReason(c: Comparison, na: number, nb: number, minGroup: number, consent: ReadonlySet<Role>): string | null {
  const consented = (side: Side) => side.group.length === 1 && side.group.every((r) => consent.has(r));
  const problems = [
    [c.a, na],
    [c.b, nb],
  ].flatMap(([side, n]) => {
    const { label } = side as Side;
    if (n === 0) return [`nobody answered as ${label}`];
    return (n as number) < minGroup && !consented(side as Side) ? [`fewer than ${minGroup} people answered as ${label}`] : [];
  });
  if (problems.length === 0) return null;
  const why = problems.join(' and ');
  return problems.some((p) => p.startsWith('fewer'))
    ? `Not shown: ${why}, and a group smaller than ${minGroup} (--min-group) is never shown on its own.`
    : `Not shown: ${why}.`;
}

function unknownFindings(bank: Bank, pillars: readonly TeamPillar[], items: readonly TeamItem[], minGroup: number): TeamReport['unknown'] {
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
  const itemFindings = items
    .flatMap((i) =>
      i.byRole.flatMap((r) => {
        const of = stanceTotal(r.stance);
        return of >= minGroup && r.stance.unknown / of >= NOTABLE_ITEM_UNKNOWN_RATE
          ? [{ item: i.id, role: r.role, unknown: r.stance.unknown, of, reading: statementUnknownReading(r.role, i.text, r.stance.unknown, of, label) }]
          : [];
      }),
    )
    .sort((x, y) => y.unknown / y.of - x.unknown / x.of);
  return {
    pillar: most?.id ?? null,
    rate: most?.unknownRate ?? null,
    reading: most ? mostUnknownReading(most.name, most.unknownRate ?? 0, label) : null,
    findings,
    items: itemFindings,
  };
}

/** Files that named both forms: every figure rests on the quick form's statements, not the full form's. */
function mixedForms(bank: Bank, named: Readonly<Record<Form, number>>): Pick<TeamReport['respondents'], 'mixedForms'> {
  if (named.quick === 0 || named.full === 0) return {};
  const quick = allQuestions(bank, 'quick').length;
  const left = allQuestions(bank, 'full').length - quick;
  const reading = `The answer files mix forms: ${named.quick} answered the quick form and ${named.full} the full form. Every figure rests on the quick form's ${quick} statements, the ones all of them answered; the full form's other ${left} are left out, so the pillar figures rest on other statements than a full-form report's and do not compare with one.`;
  return { mixedForms: { quick: named.quick, full: named.full, reading } };
}

function notes(respondents: ReportSoFar['respondents'], gaps: readonly TeamGap[], pillars: readonly TeamPillar[], minGroup: number): string[] {
  const out: string[] = [];
  const { folded, excluded, consented, straightLiners } = respondents;
  if (folded.length > 0) {
    out.push(
      excluded > 0
        ? `Fewer than ${minGroup} people answered as ${folded.join(', ')}: to keep their answers anonymous they are never shown on their own, and as ${excluded === 1 ? 'this 1 person is' : `these ${excluded} people are`} too few to hide among themselves, ${excluded === 1 ? 'they are' : 'they are'} left out of every figure (the team figures minus the groups shown would be theirs).`
        : `Fewer than ${minGroup} people answered as ${folded.join(', ')}: to keep their answers anonymous, they count in the whole-team figures only and are never shown on their own.`,
    );
  }
  if (consented.length > 0) {
    out.push(`Shown with the consent of its people (--show-role), though fewer than ${minGroup} answered: ${consented.join(', ')}.`);
  }
  if (straightLiners > 0) {
    out.push(
      `${respondentCount(straightLiners)} gave the same answer to every statement: ${straightLiners === 1 ? 'that score says' : 'those scores say'} little (reverse-worded statements ask the opposite), and they are counted as they are.`,
    );
  }
  out.push(
    `A figure resting on fewer than ${minGroup} answers is not shown (n/a), nor one whose absence the other figures would give away. Gaps are read as within noise unless their 95% interval excludes 0 and they stay clear after correcting for the number compared (weighted Benjamini–Hochberg over the pillars and statements of each comparison together, 5% false discoveries).`,
  );
  for (const gap of gaps) if (gap.reason !== null) out.push(`The ${gap.a.label} − ${gap.b.label} gap is ${uncapitalize(gap.reason)}`);
  const noAlpha = pillars.filter((p) => p.alpha === null).map((p) => p.name);
  if (noAlpha.length > 0) {
    out.push(
      `Cronbach's alpha is shown only where at least ${ALPHA_MIN_RESPONDENTS} people answered every question of a pillar of at least ${ALPHA_MIN_ITEMS} questions (not for ${noAlpha.join(', ')}).`,
    );
  }
  return out;
}

function headline(report: ReportSoFar): string {
  const team = report.overall.team;
  const parts = [
    team.mean === null
      ? `Not enough answers to score the team (${respondentCount(report.respondents.total)}).`
      : `Team score ${wholeScore(team.mean)}/100 (${team.band?.label ?? ''}) from ${respondentCount(report.respondents.total)}.`,
  ];
  const weakest = report.pillars.find((p) => p.id === report.weakestPillar);
  if (weakest?.team.mean != null) parts.push(`Weakest pillar: ${weakest.name} (${wholeScore(weakest.team.mean)}).`);
  const gap = report.gaps.find((g) => g.shown);
  if (gap) {
    const clearest = bySureness(gap.pillars).find((p) => p.verdict === 'beyond-noise');
    const statements = gap.items.filter((i) => i.verdict === 'beyond-noise').length;
    if (clearest) parts.push(`Clearest gap: ${clearest.reading}`);
    else {
      parts.push(
        `No ${gap.a.label} − ${gap.b.label} gap on a pillar is beyond noise (${gap.a.n} v ${gap.b.n} respondents)${statements > 0 ? `; ${statements === 1 ? '1 statement is' : `${statements} statements are`}` : ', nor on any statement'}: ${statements > 0 ? 'see below' : 'the gaps below are questions for the room, not findings'}.`,
      );
    }
  }
  return parts.join(' ');
}

/** Psychological safety when it is a finding, the surest gaps' actions (a step for each side), then the weakest pillar's lowest items, what is invisible, and its advice. */
function teamNextSteps(bank: Bank, report: ReportSoFar): NextStep[] {
  const questions = new Map(bank.pillars.flatMap((p) => p.questions).map((q) => [q.id, q]));
  const pillarName = new Map(bank.pillars.map((p) => [p.id, p.name]));
  const items = new Map(report.items.map((i) => [i.id, i]));
  const steps: NextStep[] = [];
  const taken = new Set<string>();
  const fromItem = (id: string, reason: string) => {
    const q = questions.get(id);
    if (!q || taken.has(id)) return;
    taken.add(id);
    steps.push({ pillar: q.pillar, questionId: q.id, owner: q.owner, action: q.action, reason });
  };

  for (const concern of safetyConcerns(report)) fromItem(concern.item.id, concern.reading);
  const gap = report.gaps.find((g) => g.id === report.disagreements.gap);
  const surest = (gap?.items ?? []).filter((i) => i.verdict === 'beyond-noise').slice(0, 2);
  for (const entry of surest) fromItem(entry.item, entry.reading);
  const top = surest[0];
  const topItem = top ? items.get(top.item) : undefined;
  if (gap && top && topItem && top.gap !== null) {
    // The side that scores the statement lower sees a problem the other does not: the other side acts too.
    const [seer, other] = top.gap < 0 ? [gap.a.label, gap.b.label] : [gap.b.label, gap.a.label];
    const owner = ownerOf(other);
    if (!steps.some((s) => s.owner === owner)) {
      steps.push({
        pillar: topItem.pillar,
        questionId: null,
        owner,
        action: `${capitalize(other)}: ask ${seer} for two recent examples behind ${quotedStatement(topItem.text)}, and bring one change to the next joint meeting.`,
        reason: top.reading,
      });
    }
  }
  const weakest = report.pillars.find((p) => p.id === report.weakestPillar);
  if (weakest) {
    const lowest = report.items
      .filter((i) => i.pillar === weakest.id && i.mean !== null)
      .sort((x, y) => (x.mean ?? 0) - (y.mean ?? 0))
      .slice(0, 2);
    for (const item of lowest) {
      fromItem(
        item.id,
        `${quotedStatement(item.text)}: ${stancePhrase('the team', item.stance)} — among the lowest-scoring statements of ${weakest.name}, the team's weakest pillar.`,
      );
    }
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
  return balanced(steps.slice(0, MAX_STEPS));
}

function ownerOf(label: string): NextStep['owner'] {
  return label === 'sales' || label === 'marketing' || label === 'leadership' ? label : 'both';
}

/** Steps all for one side read as blame: the last one becomes a joint step. */
function balanced(steps: NextStep[]): NextStep[] {
  const owners = new Set(steps.map((s) => s.owner));
  const [only] = owners;
  if (steps.length < 2 || owners.size !== 1 || (only !== 'sales' && only !== 'marketing')) return steps;
  const last = steps[steps.length - 1] as NextStep;
  return [...steps.slice(0, -1), { ...last, owner: 'both' }];
}
