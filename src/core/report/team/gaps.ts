import { adjustBenjaminiHochberg, excludesZero, FALSE_DISCOVERY_RATE, meanDifference, sureness } from '../../difference.js';
import { hedgesGFromMoments, interpretG, type EffectSizeLabel, type Moments } from '../../stats.js';

// A perception gap as a claim the room can trust: a − b with its 95% Welch interval, read as
// "within noise" unless the interval excludes 0 and the gap survives one weighted
// Benjamini–Hochberg correction over everything its comparison may call beyond noise: its pillar
// gaps and its statement gaps together. Only a gap beyond noise gets a size.

/** Hedges' g from groups this small is noise itself: shown only when both sides have at least this many. */
export const G_MIN_GROUP = 5;
/**
 * A gap is called large only when it is surely at least this many points (its interval's bound
 * nearest 0), whatever g says: with 10 a side, every gap that clears noise has g above 0.8.
 */
export const LARGE_MIN_POINTS = 10;
/**
 * The share of the correction's budget spread over the pillar gaps; the statement gaps share the
 * rest. With 4 pillars and 48 statements a pillar gap alone needs p ≤ 0.01 (0.0125 if the pillars
 * were corrected on their own), a statement gap alone p ≤ 0.0002.
 */
export const PILLAR_SHARE = 0.8;

export type Verdict = 'not-enough' | 'within-noise' | 'beyond-noise';

export interface GapFigures {
  /** Mean of group a and of group b, 0-100; n: how many values each rests on. */
  a: number | null;
  b: number | null;
  nA: number;
  nB: number;
  /** Standard deviation of each side's values; null with fewer than 2. */
  sdA: number | null;
  sdB: number | null;
  /** a − b in points. */
  gap: number | null;
  /** The 95% interval of a − b (Welch); null when too few values or no spread on either side. */
  low: number | null;
  high: number | null;
  df: number | null;
  p: number | null;
  /** p after the weighted Benjamini–Hochberg correction over its comparison's pillar and statement gaps. */
  pAdjusted: number | null;
  /** Both sides gave one value each: g is undefined (0/0 or ±∞), the sides are completely apart. */
  separation: boolean;
  /** Hedges' g, only when both sides have at least G_MIN_GROUP values and some spread. */
  g: number | null;
  verdict: Verdict;
  /** Only for gaps beyond noise: Cohen's label on g, never "large" unless surely LARGE_MIN_POINTS points or more. */
  size: EffectSizeLabel | null;
  /** How surely the sides differ: the interval's bound nearest 0 in points (0 within noise). */
  sureness: number;
}

/** The figures of one gap before the rest of its comparison is known; `judgeComparison` completes them. */
export type RawGap = Omit<GapFigures, 'pAdjusted' | 'verdict' | 'size' | 'sureness'>;

export function rawGap(a: Moments | null, b: Moments | null): RawGap {
  const nA = a?.n ?? 0;
  const nB = b?.n ?? 0;
  const d = a && b ? meanDifference(a, b) : null;
  const uniform = d?.uniform ?? false;
  const g = a && b && nA >= G_MIN_GROUP && nB >= G_MIN_GROUP ? hedgesGFromMoments(a, b) : null;
  return {
    a: a?.mean ?? null,
    b: b?.mean ?? null,
    nA,
    nB,
    sdA: spread(a),
    sdB: spread(b),
    gap: a && b ? a.mean - b.mean : null,
    low: d?.low ?? null,
    high: d?.high ?? null,
    df: d?.df ?? null,
    p: d?.p ?? null,
    separation: uniform && d !== null && d.estimate !== 0,
    g,
  };
}

type Judged<T> = T & Pick<GapFigures, 'pAdjusted' | 'verdict' | 'size' | 'sureness'>;

/**
 * Corrects a comparison's pillar and statement gaps together and reads each gap; order is kept.
 * The headline, next steps and agenda draw on both, so one correction keeps the chance that they
 * claim anything at all in a team with no real difference at the false discovery rate.
 */
export function judgeComparison<P extends RawGap, I extends RawGap>(pillars: readonly P[], items: readonly I[]): { pillars: Judged<P>[]; items: Judged<I>[] } {
  const testedPillars = pillars.filter((g) => g.p !== null).length;
  const testedItems = items.filter((g) => g.p !== null).length;
  const m = testedPillars + testedItems;
  const both = testedPillars > 0 && testedItems > 0;
  const pillarWeight = both ? (PILLAR_SHARE * m) / testedPillars : 1;
  const itemWeight = both ? ((1 - PILLAR_SHARE) * m) / testedItems : 1;
  const all = [...pillars.map((g) => ({ g, w: pillarWeight })), ...items.map((g) => ({ g, w: itemWeight }))];
  const tested = all.filter(({ g }) => g.p !== null);
  const adjusted = adjustBenjaminiHochberg(
    tested.map(({ g }) => g.p as number),
    tested.map(({ w }) => w),
  );
  const pAdjusted = new Map<RawGap, number>(tested.map(({ g }, k) => [g, adjusted[k] as number]));
  const judge = <T extends RawGap>(g: T): Judged<T> => {
    const q = pAdjusted.get(g) ?? null;
    const difference = g.gap === null || g.p === null ? null : { estimate: g.gap, low: g.low, high: g.high, df: g.df, p: g.p, uniform: g.low === null };
    const verdict: Verdict =
      difference === null ? 'not-enough' : excludesZero(difference) && q !== null && q <= FALSE_DISCOVERY_RATE ? 'beyond-noise' : 'within-noise';
    const sure = verdict === 'beyond-noise' && difference ? sureness(difference) : 0;
    return { ...g, pAdjusted: q, verdict, size: verdict === 'beyond-noise' ? sizeOf(g.g, sure) : null, sureness: sure };
  };
  return { pillars: pillars.map(judge), items: items.map(judge) };
}

function spread(m: Moments | null): number | null {
  return m !== null && m.n > 1 ? Math.sqrt(m.variance) : null;
}

function sizeOf(g: number | null, sure: number): EffectSizeLabel | null {
  if (g === null) return null;
  const label = interpretG(g);
  return label === 'large' && sure < LARGE_MIN_POINTS ? 'medium' : label;
}

/** Beyond noise first, most surely different first; then the rest by size of gap. */
export function bySureness<T extends Pick<GapFigures, 'verdict' | 'sureness' | 'gap'>>(gaps: readonly T[]): T[] {
  const rank = (g: T) => (g.verdict === 'beyond-noise' ? 0 : g.verdict === 'within-noise' ? 1 : 2);
  return [...gaps].sort((x, y) => rank(x) - rank(y) || y.sureness - x.sureness || Math.abs(y.gap ?? 0) - Math.abs(x.gap ?? 0));
}
