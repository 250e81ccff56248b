import { excludesZero, meanDifference, welchDifference } from '../../difference.js';
import { momentsOfRest, type Moments } from '../../stats.js';
import type { ReadableResult } from '../result-schema.js';
import { wholeDifference, wholeScore } from '../../whole-score.js';
import { capitalize, points, quoted } from '../wording.js';
import type { GapId } from '../team/schema.js';
import { TEAM_SCHEMA_VERSION } from '../team/version.js';
import type { CompareReport } from './schema.js';

// What changed between two results of the same kind (two single reports, or two team reports).
// Scores are matched by pillar id, and questions by id and wording, so results of different bank
// versions compare on the questions both share.

const MOVERS = 5;

/** A figure and, for team results, the moments of the respondents behind it (null for one person's result). */
interface Figure {
  score: number | null;
  moments: Moments | null;
}

interface Scored {
  team: boolean;
  overall: Figure;
  pillars: ({ id: string; name: string } & Figure)[];
  items: ({ id: string; pillar: string; text: string } & Figure)[];
  /** sides: the moments of a and of b, to read the change of the gap (a₂ − b₂) − (a₁ − b₁). */
  gaps: {
    gap: GapId;
    label: string;
    pillar: string;
    name: string;
    value: number | null;
    /** The gap as the team report shows it: the difference of the two whole scores. */
    shown: number | null;
    sides: [Moments, Moments] | null;
    /** The result does not record the spread this gap's change is judged by (an older result). */
    unrecorded: boolean;
  }[];
}

export function compareResults(before: ReadableResult, after: ReadableResult): CompareReport {
  if (before.kind !== after.kind) throw new Error('compareResults needs two results of the same kind');
  const a = scored(before);
  const b = scored(after);

  const pillars = union(a.pillars, b.pillars, (p) => p.id).map(([x, y]) => {
    const c = delta(x, y, a.team);
    const name = (y ?? x)?.name ?? '';
    return { id: (y ?? x)?.id ?? '', name, ...c, reading: scoreReading(name, c) };
  });
  const gaps = union(a.gaps, b.gaps, (g) => `${g.gap}/${g.pillar}`).map(([x, y]) => {
    const g = (y ?? x) as Scored['gaps'][number];
    const before = x?.value ?? null;
    const after = y?.value ?? null;
    const shown = { shownBefore: x?.shown ?? null, shownAfter: y?.shown ?? null };
    const size = before === null || after === null ? null : Math.abs(after) - Math.abs(before);
    const clear = gapChangeClear(x?.sides ?? null, y?.sides ?? null);
    const unrecorded = (x?.unrecorded ?? false) || (y?.unrecorded ?? false);
    return {
      gap: g.gap,
      label: g.label,
      pillar: g.pillar,
      name: g.name,
      before,
      after,
      ...shown,
      change: size,
      clear,
      unrecorded,
      reading: gapChangeReading(`the ${g.label} gap on ${g.name}`, shown, clear, unrecorded),
    };
  });
  // A question compares only with itself: the same id and the same wording in both results.
  const shared = union(a.items, b.items, (i) => i.id).filter(([x, y]) => x !== undefined && y !== undefined && x.text === y.text);
  const movers = shared
    .map(([x, y]) => {
      const i = (y ?? x) as Scored['items'][number];
      const c = delta(x, y, a.team);
      return { id: i.id, pillar: i.pillar, text: i.text, ...c, reading: scoreReading(`${i.id} ${quoted(i.text)}`, c) };
    })
    .filter((m) => shownChange(m) !== 0)
    .sort((x, y) => Math.abs(y.change ?? 0) - Math.abs(x.change ?? 0))
    .slice(0, MOVERS);
  const overall = delta(a.overall, b.overall, a.team);
  const overallReading = scoreReading(before.kind === 'team' ? 'The team score' : 'The overall score', overall);

  // Only changes beyond noise count as improved or worse; the rest are no clear change.
  const improved = [
    ...(overall.clear && shownChange(overall) > 0 ? [overallReading] : []),
    ...pillars.filter((p) => p.clear && shownChange(p) > 0).map((p) => p.reading),
    ...gaps.filter((g) => g.clear && shownGapChange(g) < 0).map((g) => g.reading),
  ];
  const worsened = [
    ...(overall.clear && shownChange(overall) < 0 ? [overallReading] : []),
    ...pillars.filter((p) => p.clear && shownChange(p) < 0).map((p) => p.reading),
    ...gaps.filter((g) => g.clear && shownGapChange(g) > 0).map((g) => g.reading),
  ];
  const bankChanged = before.bank.hash !== after.bank.hash;
  return {
    schemaVersion: 1,
    kind: 'compare',
    of: before.kind,
    before: sideOf(before),
    after: sideOf(after),
    bankChanged,
    questions: { compared: shared.length, before: a.items.length, after: b.items.length },
    bands: after.bands,
    headline: [
      overallReading,
      `${improved.length} figure${improved.length === 1 ? '' : 's'} improved, ${worsened.length} got worse.`,
      ...(bankChanged
        ? [
            shared.length === a.items.length && shared.length === b.items.length
              ? `The question bank changed in between (${before.bank.version} → ${after.bank.version}), but all ${shared.length} questions read the same in both.`
              : `The question bank changed in between (${before.bank.version} → ${after.bank.version}): ${shared.length} of the ${b.items.length} questions read the same in both and are compared one by one; pillar scores rest on questions that differ, so compare them with care.`,
          ]
        : []),
      ...(gaps.some((g) => g.unrecorded)
        ? [
            'Some changes of the leadership − everyone else gap are not judged: a team result of schemaVersion 1 (an older cash-test) does not record the spread of everyone else, and this one does not show the figures it can be worked out from (the team and leadership). `cash-test aggregate <answers> --format json` on its answers gives a result that can be judged.',
          ]
        : []),
    ].join(' '),
    overall: { ...overall, reading: overallReading },
    pillars,
    gaps,
    movers,
    improved,
    worsened,
  };
}

function scored(result: ReadableResult): Scored {
  if (result.kind === 'single') {
    const one = (score: number | null): Figure => ({ score, moments: null });
    return {
      team: false,
      overall: one(result.overall.score),
      pillars: result.pillars.map((p) => ({ id: p.id, name: p.name, ...one(p.score) })),
      items: result.items.map((i) => ({ id: i.id, pillar: i.pillar, text: i.text, ...one(i.score) })),
      gaps: [],
    };
  }
  const names = new Map(result.pillars.map((p) => [p.id, p.name]));
  const figure = (s: { n: number; mean: number | null; sd: number | null }): Figure => ({ score: s.mean, moments: momentsOf(s.n, s.mean, s.sd) });
  const gapOf = (
    g: { id: GapId; a: { label: string }; b: { label: string } },
    p: { pillar: string; a: number | null; b: number | null; gap: number | null },
    [a, b]: [Moments | null, Moments | null],
    unrecorded: boolean,
  ): Scored['gaps'][number] => ({
    gap: g.id,
    label: `${g.a.label} − ${g.b.label}`,
    pillar: p.pillar,
    name: names.get(p.pillar) ?? p.pillar,
    value: p.gap,
    shown: p.a === null || p.b === null ? null : wholeDifference(p.a, p.b),
    sides: a && b ? [a, b] : null,
    unrecorded,
  });
  const sideOfRole = (pillar: string, role: string) => {
    const score = result.pillars.find((p) => p.id === pillar)?.byRole.find((r) => r.role === role)?.score;
    return score ? figure(score).moments : null;
  };
  return {
    team: true,
    overall: figure(result.overall.team),
    pillars: result.pillars.map((p) => ({ id: p.id, name: p.name, ...figure(p.team) })),
    items: result.items.map((i) => ({ id: i.id, pillar: i.pillar, text: i.text, ...figure(i) })),
    gaps:
      result.schemaVersion === TEAM_SCHEMA_VERSION
        ? result.gaps
            .filter((g) => g.shown)
            .flatMap((g) => g.pillars.map((p) => gapOf(g, p, [momentsOf(p.nA, p.a, p.sdA), momentsOf(p.nB, p.b, p.sdB)], false)))
        : // A schemaVersion 1 result records the role scores, so sales and marketing as they are; everyone
          // else is the team minus leadership (the same people in both figures), when both are shown.
          result.gaps
            .filter((g) => g.shown)
            .flatMap((g) =>
              g.pillars.map((p) => {
                if (g.id === 'sales-marketing') return gapOf(g, p, [sideOfRole(p.pillar, 'sales'), sideOfRole(p.pillar, 'marketing')], false);
                const leadership = sideOfRole(p.pillar, 'leadership');
                const team = result.pillars.find((x) => x.id === p.pillar)?.team;
                const whole = team ? figure(team).moments : null;
                const rest = whole && leadership ? momentsOfRest(whole, leadership) : null;
                // The rest must be the gap's other side: its mean is recorded.
                const others = rest && p.b !== null && Math.abs(rest.mean - p.b) < 1e-6 ? rest : null;
                return gapOf(g, p, [leadership, others], others === null);
              }),
            ),
  };
}

function momentsOf(n: number, mean: number | null, sd: number | null): Moments | null {
  return mean === null || sd === null || n < 2 ? null : { n, mean, variance: sd * sd };
}

/** The change of a gap is beyond noise when the interval of (a₂ − b₂) − (a₁ − b₁) excludes 0. */
function gapChangeClear(before: [Moments, Moments] | null, after: [Moments, Moments] | null): boolean {
  if (before === null || after === null) return false;
  const d = welchDifference([
    { sign: 1, moments: after[0] },
    { sign: -1, moments: after[1] },
    { sign: -1, moments: before[0] },
    { sign: 1, moments: before[1] },
  ]);
  return d !== null && excludesZero(d);
}

function sideOf(result: ReadableResult): CompareReport['before'] {
  return result.kind === 'single'
    ? { bank: result.bank, form: result.form, at: result.takenAt, respondents: null }
    : { bank: result.bank, form: result.form, at: result.createdAt, respondents: result.respondents.total };
}

function delta(
  before: Figure | undefined,
  after: Figure | undefined,
  team: boolean,
): { before: number | null; after: number | null; change: number | null; clear: boolean } {
  const b = before?.score ?? null;
  const a = after?.score ?? null;
  const change = b === null || a === null ? null : a - b;
  if (!team) return { before: b, after: a, change, clear: change !== null };
  const d = before?.moments && after?.moments ? meanDifference(after.moments, before.moments) : null;
  return { before: b, after: a, change, clear: d !== null && excludesZero(d) };
}

/** Pairs up entries by key: in the order of `after`, then what only `before` has. */
function union<T>(before: readonly T[], after: readonly T[], key: (t: T) => string): [T | undefined, T | undefined][] {
  const old = new Map(before.map((t) => [key(t), t]));
  const pairs: [T | undefined, T | undefined][] = after.map((t) => [old.get(key(t)), t]);
  const fresh = new Set(after.map(key));
  for (const t of before) if (!fresh.has(key(t))) pairs.push([t, undefined]);
  return pairs;
}

// Sentences show whole numbers, so a change is read as the difference of the figures shown:
// 50.2 → 50.9 is "stayed at 50", never "rose 1 point (50 → 50)".
function shownChange(c: { before: number | null; after: number | null }): number {
  return c.before === null || c.after === null ? 0 : wholeScore(c.after) - wholeScore(c.before);
}

/** A gap's change in size as shown: |after| − |before| of the two gaps the team reports show. */
function shownGapChange(c: { shownBefore: number | null; shownAfter: number | null }): number {
  return c.shownBefore === null || c.shownAfter === null ? 0 : Math.abs(c.shownAfter) - Math.abs(c.shownBefore);
}

function scoreReading(subject: string, c: { before: number | null; after: number | null; clear: boolean }): string {
  const s = capitalize(subject);
  if (c.before === null && c.after === null) return `${s}: no score before or after.`;
  if (c.before === null) return `${s}: no score before, ${wholeScore(c.after ?? 0)} now.`;
  if (c.after === null) return `${s}: ${wholeScore(c.before)} before, no score now.`;
  const change = shownChange(c);
  if (change === 0) return `${s} stayed at ${wholeScore(c.after)}.`;
  return `${s} ${change > 0 ? 'rose' : 'fell'} ${points(change)} (${wholeScore(c.before)} → ${wholeScore(c.after)})${c.clear ? '' : ', within noise: no clear change'}.`;
}

function gapChangeReading(subject: string, shown: { shownBefore: number | null; shownAfter: number | null }, clear: boolean, unrecorded: boolean): string {
  const s = capitalize(subject);
  const { shownBefore: before, shownAfter: after } = shown;
  if (before === null || after === null) return `${s} could not be compared (not shown in both results).`;
  const span = `${Math.abs(before)} → ${Math.abs(after)} points`;
  const change = shownGapChange(shown);
  const flipped = before * after < 0 ? ', and now runs the other way' : '';
  if (change === 0) return `${s} stayed the same (${span}${flipped}).`;
  const judged = clear ? '' : unrecorded ? ', not judged: an older result does not record the spread it is judged by' : ', within noise: no clear change';
  return `${s} ${change < 0 ? 'narrowed' : 'widened'} by ${points(change)} (${span}${flipped})${judged}.`;
}
