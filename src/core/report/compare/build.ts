import type { Result } from '../result-schema.js';
import { wholeScore } from '../../whole-score.js';
import { capitalize, points, quoted } from '../wording.js';
import type { GapId } from '../team/schema.js';
import type { CompareReport } from './schema.js';

// What changed between two results of the same kind (two single reports, or two team reports).
// Scores are matched by pillar id, and questions by id and wording, so results of different bank
// versions compare on the questions both share.

const MOVERS = 5;

interface Scored {
  overall: number | null;
  pillars: { id: string; name: string; score: number | null }[];
  items: { id: string; pillar: string; text: string; score: number | null }[];
  gaps: { gap: GapId; label: string; pillar: string; name: string; value: number | null }[];
}

export function compareResults(before: Result, after: Result): CompareReport {
  if (before.kind !== after.kind) throw new Error('compareResults needs two results of the same kind');
  const a = scored(before);
  const b = scored(after);

  const pillars = union(a.pillars, b.pillars, (p) => p.id).map(([x, y]) => {
    const c = delta(x?.score ?? null, y?.score ?? null);
    const name = (y ?? x)?.name ?? '';
    return { id: (y ?? x)?.id ?? '', name, ...c, reading: scoreReading(name, c) };
  });
  const gaps = union(a.gaps, b.gaps, (g) => `${g.gap}/${g.pillar}`).map(([x, y]) => {
    const g = (y ?? x) as Scored['gaps'][number];
    const before = x?.value ?? null;
    const after = y?.value ?? null;
    const size = before === null || after === null ? null : Math.abs(after) - Math.abs(before);
    return { gap: g.gap, label: g.label, pillar: g.pillar, name: g.name, before, after, change: size, reading: gapChangeReading(`the ${g.label} gap on ${g.name}`, before, after) };
  });
  // A question compares only with itself: the same id and the same wording in both results.
  const shared = union(a.items, b.items, (i) => i.id).filter(([x, y]) => x !== undefined && y !== undefined && x.text === y.text);
  const movers = shared
    .map(([x, y]) => {
      const i = (y ?? x) as Scored['items'][number];
      const c = delta(x?.score ?? null, y?.score ?? null);
      return { id: i.id, pillar: i.pillar, text: i.text, ...c, reading: scoreReading(`${i.id} ${quoted(i.text)}`, c) };
    })
    .filter((m) => shownChange(m) !== 0)
    .sort((x, y) => Math.abs(y.change ?? 0) - Math.abs(x.change ?? 0))
    .slice(0, MOVERS);
  const overall = delta(a.overall, b.overall);
  const overallReading = scoreReading(before.kind === 'team' ? 'The team score' : 'The overall score', overall);

  const improved = [
    ...(shownChange(overall) > 0 ? [overallReading] : []),
    ...pillars.filter((p) => shownChange(p) > 0).map((p) => p.reading),
    ...gaps.filter((g) => shownGapChange(g) < 0).map((g) => g.reading),
  ];
  const worsened = [
    ...(shownChange(overall) < 0 ? [overallReading] : []),
    ...pillars.filter((p) => shownChange(p) < 0).map((p) => p.reading),
    ...gaps.filter((g) => shownGapChange(g) > 0).map((g) => g.reading),
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
            `The question bank changed in between (${before.bank.version} → ${after.bank.version}): ${shared.length} of the ${b.items.length} questions read the same in both and are compared one by one; pillar scores rest on questions that differ, so compare them with care.`,
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

function scored(result: Result): Scored {
  if (result.kind === 'single') {
    return {
      overall: result.overall.score,
      pillars: result.pillars.map((p) => ({ id: p.id, name: p.name, score: p.score })),
      items: result.items.map((i) => ({ id: i.id, pillar: i.pillar, text: i.text, score: i.score })),
      gaps: [],
    };
  }
  const names = new Map(result.pillars.map((p) => [p.id, p.name]));
  return {
    overall: result.overall.team.mean,
    pillars: result.pillars.map((p) => ({ id: p.id, name: p.name, score: p.team.mean })),
    items: result.items.map((i) => ({ id: i.id, pillar: i.pillar, text: i.text, score: i.mean })),
    gaps: result.gaps
      .filter((g) => g.shown)
      .flatMap((g) => g.pillars.map((p) => ({ gap: g.id, label: `${g.a.label} − ${g.b.label}`, pillar: p.pillar, name: names.get(p.pillar) ?? p.pillar, value: p.gap }))),
  };
}

function sideOf(result: Result): CompareReport['before'] {
  return result.kind === 'single'
    ? { bank: result.bank, form: result.form, at: result.takenAt, respondents: null }
    : { bank: result.bank, form: result.form, at: result.createdAt, respondents: result.respondents.total };
}

function delta(before: number | null, after: number | null): { before: number | null; after: number | null; change: number | null } {
  return { before, after, change: before === null || after === null ? null : after - before };
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

function shownGapChange(c: { before: number | null; after: number | null }): number {
  return c.before === null || c.after === null ? 0 : Math.round(Math.abs(c.after)) - Math.round(Math.abs(c.before));
}

function scoreReading(subject: string, c: { before: number | null; after: number | null }): string {
  const s = capitalize(subject);
  if (c.before === null && c.after === null) return `${s}: no score before or after.`;
  if (c.before === null) return `${s}: no score before, ${wholeScore(c.after ?? 0)} now.`;
  if (c.after === null) return `${s}: ${wholeScore(c.before)} before, no score now.`;
  const change = shownChange(c);
  if (change === 0) return `${s} stayed at ${wholeScore(c.after)}.`;
  return `${s} ${change > 0 ? 'rose' : 'fell'} ${points(change)} (${wholeScore(c.before)} → ${wholeScore(c.after)}).`;
}

function gapChangeReading(subject: string, before: number | null, after: number | null): string {
  const s = capitalize(subject);
  if (before === null || after === null) return `${s} could not be compared (not shown in both results).`;
  const span = `${Math.round(Math.abs(before))} → ${Math.round(Math.abs(after))} points`;
  const change = shownGapChange({ before, after });
  const flipped = Math.round(before) * Math.round(after) < 0 ? ', and now runs the other way' : '';
  if (change === 0) return `${s} stayed the same (${span}${flipped}).`;
  return `${s} ${change < 0 ? 'narrowed' : 'widened'} by ${points(change)} (${span}${flipped}).`;
}
