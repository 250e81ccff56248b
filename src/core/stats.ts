/**
 * Descriptive statistics and the few psychometric indices the CASH report needs.
 *
 * Pure: numbers in, numbers out. A function that cannot compute a value returns
 * `null`, never NaN or ±Infinity. Inputs containing a non-finite number (NaN,
 * ±Infinity) are treated as "cannot compute" and give `null` as well.
 *
 * Numerics: sums use Neumaier (compensated) summation, variances the corrected
 * two-pass algorithm, so a million values near 1e6 with a small spread keep
 * their precision.
 */

export interface Summary {
  n: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  sd: number | null;
}

/** Plain arrays or typed arrays: a million scores are cheaper kept in a Float64Array. */
export type Numbers = ArrayLike<number> & Iterable<number>;

export type EffectSizeLabel = 'negligible' | 'small' | 'medium' | 'large';

/** `x` if it is a finite number, otherwise null. Also turns -0 into 0. */
function finiteOrNull(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

function allFinite(xs: Numbers): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) return false;
  return true;
}

/** The least and greatest of xs, and whether they are in ascending order, in one pass; null when one is not finite. */
function scan(xs: Numbers): { lo: number; hi: number; ascending: boolean } | null {
  let lo = Infinity;
  let hi = -Infinity;
  let ascending = true;
  let previous = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    if (!Number.isFinite(x)) return null;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    if (x < previous) ascending = false;
    previous = x;
  }
  return { lo, hi, ascending };
}

/**
 * Neumaier's improved Kahan summation over xs of x / divisor: one loop with no function to call per
 * value, which a million values notice (x / 1 is x exactly).
 */
function compensatedSum(xs: Numbers, divisor = 1): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = (xs[i] as number) / divisor;
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  return sum + c;
}

/** Mean of finite, non-empty xs whose least and greatest are lo and hi, guaranteed to lie in [lo, hi]. */
function meanWithin(xs: Numbers, lo: number, hi: number): number {
  // Constant input: the mean is that value, exactly (keeps variance exactly 0).
  if (lo === hi) return lo;
  const n = xs.length;
  let m = compensatedSum(xs) / n;
  // The sum can overflow for values near ±1.8e308; scale first in that case.
  if (!Number.isFinite(m)) m = compensatedSum(xs, n);
  // Rounding can push the result a hair outside the data range; it cannot be there.
  return Math.min(Math.max(m, lo), hi);
}

/** Mean of finite, non-empty xs, guaranteed to lie in [min, max]. */
function meanOf(xs: Numbers): number {
  const { lo, hi } = scan(xs) ?? { lo: Number.NaN, hi: Number.NaN };
  return meanWithin(xs, lo, hi);
}

/**
 * Corrected two-pass sample variance (n − 1) of finite xs with n ≥ 2 around m, their mean; Infinity on
 * overflow. The sums of (x − m)² and of (x − m), each compensated, in one loop.
 */
function varianceAround(xs: Numbers, m: number): number {
  const n = xs.length;
  let sumSq = 0;
  let cSq = 0;
  let sumDev = 0;
  let cDev = 0;
  for (let i = 0; i < n; i++) {
    const d = (xs[i] as number) - m;
    const v = d * d;
    const t = sumSq + v;
    if (Math.abs(sumSq) >= Math.abs(v)) cSq += sumSq - t + v;
    else cSq += v - t + sumSq;
    sumSq = t;
    const u = sumDev + d;
    if (Math.abs(sumDev) >= Math.abs(d)) cDev += sumDev - u + d;
    else cDev += d - u + sumDev;
    sumDev = u;
  }
  sumSq += cSq;
  // Overflow (data spanning more than ~1e154): report as Infinity, callers map it to null.
  if (!Number.isFinite(sumSq)) return Infinity;
  sumDev += cDev;
  // Second term removes the residual error of m (Chan, Golub & LeVeque 1983).
  const v = (sumSq - (sumDev * sumDev) / n) / (n - 1);
  return Math.max(v, 0);
}

function varianceOf(xs: Numbers): number {
  return varianceAround(xs, meanOf(xs));
}

export function mean(xs: Numbers): number | null {
  if (xs.length === 0 || !allFinite(xs)) return null;
  return finiteOrNull(meanOf(xs));
}

/** Median; sorts a copy, the input is left untouched. */
export function median(xs: Numbers): number | null {
  const order = xs.length === 0 ? null : scan(xs);
  return order === null ? null : middle(order.ascending ? xs : sortedCopy(xs));
}

function sortedCopy(xs: Numbers): number[] {
  return [...xs].sort((p, q) => p - q);
}

/** The median of sorted, finite, non-empty xs. */
function middle(sorted: Numbers): number | null {
  const n = sorted.length;
  const half = Math.floor(n / 2);
  const upper = sorted[half] as number;
  if (n % 2 === 1) return finiteOrNull(upper);
  const lower = sorted[half - 1] as number;
  // Same signs: lower + (upper - lower)/2 cannot overflow; opposite signs: the sum cannot.
  const mid = lower >= 0 === upper >= 0 ? lower + (upper - lower) / 2 : (lower + upper) / 2;
  return finiteOrNull(Math.min(Math.max(mid, lower), upper));
}

/** Sample variance with the n − 1 denominator; null when n < 2. */
export function sampleVariance(xs: Numbers): number | null {
  if (xs.length < 2 || !allFinite(xs)) return null;
  return finiteOrNull(varianceOf(xs));
}

/** Sample standard deviation (n − 1 denominator); null when n < 2. */
export function sampleSd(xs: Numbers): number | null {
  const v = sampleVariance(xs);
  return v === null ? null : finiteOrNull(Math.sqrt(v));
}

/**
 * n, mean, median, min, max and sample SD in one go, in three passes over xs (input in ascending
 * order needs no sorted copy for the median). `n` is always xs.length; every other field is null for
 * empty input or input with a non-finite value, and `sd` is null when n < 2.
 */
export function describe(xs: Numbers): Summary {
  const n = xs.length;
  const order = n === 0 ? null : scan(xs);
  if (order === null) return { n, mean: null, median: null, min: null, max: null, sd: null };
  const m = meanWithin(xs, order.lo, order.hi);
  const variance = n < 2 ? null : finiteOrNull(varianceAround(xs, m));
  return {
    n,
    mean: finiteOrNull(m),
    median: middle(order.ascending ? xs : sortedCopy(xs)),
    min: finiteOrNull(order.lo),
    max: finiteOrNull(order.hi),
    sd: variance === null ? null : finiteOrNull(Math.sqrt(variance)),
  };
}

/** The size, mean and sample variance of xs (0 for one value); null when xs is empty or holds a non-finite value. */
export function momentsOf(xs: Numbers): Moments | null {
  const n = xs.length;
  const order = n === 0 ? null : scan(xs);
  if (order === null) return null;
  const m = meanWithin(xs, order.lo, order.hi);
  const shown = finiteOrNull(m);
  if (shown === null) return null;
  return { n, mean: shown, variance: n < 2 ? 0 : (finiteOrNull(varianceAround(xs, m)) ?? 0) };
}

/**
 * Hedges' g: (mean(a) − mean(b)) / pooled SD, times J = 1 − 3/(4(n1+n2) − 9).
 * Pooled SD = sqrt(((n1−1)s1² + (n2−1)s2²)/(n1+n2−2)).
 *
 * Returns null when either group has fewer than 2 values, and also when the
 * pooled SD is 0 (both groups constant): the standardized difference is then
 * undefined (0/0) or infinite, and neither is a number a report should print.
 */
export function hedgesG(a: Numbers, b: Numbers): number | null {
  if (a.length < 2 || b.length < 2 || !allFinite(a) || !allFinite(b)) return null;
  return hedgesGFromMoments({ n: a.length, mean: meanOf(a), variance: varianceOf(a) }, { n: b.length, mean: meanOf(b), variance: varianceOf(b) });
}

/** A group's size, mean and sample variance (n − 1): all that g, r_wg and alpha need of it. */
export interface Moments {
  n: number;
  mean: number;
  variance: number;
}

/**
 * The moments of the rest of a group, from the whole group's and one part's (the whole minus the
 * part): SS_rest = SS_whole − SS_part − n_part·(m_part − m)² − n_rest·(m_rest − m)². Null when the
 * rest has fewer than 2 values, or when the figures cannot be of one group and its part.
 */
export function momentsOfRest(whole: Moments, part: Moments): Moments | null {
  const n = whole.n - part.n;
  if (n < 2 || part.n < 1) return null;
  const mean = (whole.n * whole.mean - part.n * part.mean) / n;
  const squares = (whole.n - 1) * whole.variance;
  const rest = squares - (part.n - 1) * part.variance - part.n * (part.mean - whole.mean) ** 2 - n * (mean - whole.mean) ** 2;
  // Rounding leaves a sum of squares of 0 a hair either side.
  if (!Number.isFinite(rest) || rest < -1e-9 * Math.max(1, squares)) return null;
  return { n, mean, variance: Math.max(0, rest) / (n - 1) };
}

/** Hedges' g as above, from each group's moments; the same nulls. */
export function hedgesGFromMoments(a: Moments, b: Moments): number | null {
  const { n: n1, variance: s1 } = a;
  const { n: n2, variance: s2 } = b;
  if (n1 < 2 || n2 < 2) return null;
  const pooledVar = ((n1 - 1) * s1 + (n2 - 1) * s2) / (n1 + n2 - 2);
  const pooledSd = Math.sqrt(pooledVar);
  if (!(pooledSd > 0) || !Number.isFinite(pooledSd)) return null;
  const j = 1 - 3 / (4 * (n1 + n2) - 9);
  return finiteOrNull(((a.mean - b.mean) / pooledSd) * j);
}

/**
 * Moments of grouped data: `counts[i]` observations of `values[i]`. Answers on a scale take a
 * few values only, so a million answers reduce to a handful of counts. Null when there are none;
 * the variance is 0 for a single observation (callers needing n ≥ 2 check n).
 */
export function momentsOfCounts(values: readonly number[], counts: ArrayLike<number>): Moments | null {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    n += counts[i] ?? 0;
    sum += (counts[i] ?? 0) * (values[i] as number);
  }
  if (n === 0 || !allFinite(values)) return null;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (counts[i] ?? 0) * ((values[i] as number) - mean) ** 2;
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/**
 * Within-group agreement r_wg = 1 − s²/σ²_EU (James, Demaree & Wolf 1984), with the
 * uniform ("rectangular") null σ²_EU = (A² − 1)/12 for A response options, s² the
 * sample variance. Not truncated: a negative r_wg means the answers spread more than
 * answers picked at random would, i.e. the group is polarised (see `polarised`).
 * Null when n < 2, or when optionCount is not an integer ≥ 2.
 */
export function rwg(values: Numbers, optionCount: number): number | null {
  const s2 = sampleVariance(values);
  return s2 === null ? null : rwgFromVariance(s2, optionCount);
}

/** r_wg as above, from the sample variance of the answers. */
export function rwgFromVariance(variance: number, optionCount: number): number | null {
  if (!Number.isInteger(optionCount) || optionCount < 2 || !Number.isFinite(variance)) return null;
  const expected = (optionCount * optionCount - 1) / 12;
  return finiteOrNull(1 - variance / expected);
}

/** The answers spread more than the uniform null's: r_wg below 0. */
export function polarised(rwgValue: number): boolean {
  return rwgValue < 0;
}

/**
 * Cronbach's alpha: α = k/(k−1) · (1 − Σ var(item) / var(total)), sample variances.
 * Rows are respondents, columns items. Null when k < 2, n < 2, var(total) = 0, or
 * the rows do not all have the same length. Not truncated: α can be negative.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const n = rows.length;
  const first = rows[0];
  if (n < 2 || first === undefined) return null;
  const k = first.length;
  if (k < 2) return null;
  for (const row of rows) if (row.length !== k || !allFinite(row)) return null;

  const totals = rows.map((row) => compensatedSum(row));
  if (!allFinite(totals)) return null;
  const totalVar = varianceOf(totals);
  if (!(totalVar > 0) || !Number.isFinite(totalVar)) return null;

  const itemVars: number[] = [];
  for (let j = 0; j < k; j++) {
    itemVars.push(varianceOf(rows.map((row) => row[j] as number)));
  }
  return alphaFromVariances(itemVars, totalVar);
}

/**
 * Cronbach's alpha from its parts: the sample variance of each item and of the respondents'
 * totals, all over the same respondents. Lets a caller that holds items as columns (many
 * respondents) compute alpha one column at a time. Null when k < 2 or var(total) is not > 0.
 */
export function alphaFromVariances(itemVariances: readonly number[], totalVariance: number): number | null {
  const k = itemVariances.length;
  if (k < 2 || !allFinite(itemVariances) || !(totalVariance > 0) || !Number.isFinite(totalVariance)) return null;
  return finiteOrNull((k / (k - 1)) * (1 - compensatedSum(itemVariances) / totalVariance));
}

/** Cohen's (1988) labels on |g|: < 0.2 negligible, < 0.5 small, < 0.8 medium, else large. */
export function interpretG(g: number): EffectSizeLabel {
  if (Number.isNaN(g)) throw new RangeError('interpretG: g is NaN');
  const size = Math.abs(g);
  if (size < 0.2) return 'negligible';
  if (size < 0.5) return 'small';
  if (size < 0.8) return 'medium';
  return 'large';
}
