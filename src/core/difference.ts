import type { Moments } from './stats.js';
import { tQuantile, tTwoSided } from './t-distribution.js';

// How surely two independent groups differ: the difference of their means with its Welch
// interval (Satterthwaite degrees of freedom), a two-sided p, and a correction for reading many
// differences at once. Used for perception gaps (sales − marketing) and for changes between two
// results (after − before): both are differences of independent means.

export const CONFIDENCE = 0.95;
/** The false discovery rate allowed over the gaps of one comparison (Benjamini–Hochberg). */
export const FALSE_DISCOVERY_RATE = 0.05;

export interface Difference {
  /** The estimate: a − b, or any signed sum of independent means. */
  estimate: number;
  /** The 95% interval; null when no side has any spread (see `uniform`). */
  low: number | null;
  high: number | null;
  /** Welch–Satterthwaite degrees of freedom; null with the interval. */
  df: number | null;
  /** Two-sided p of "no difference". */
  p: number;
  /** Every side gave one value only: Welch has no spread to work with, p comes from counting arrangements. */
  uniform: boolean;
}

/** One mean in a difference: its sign (+1 or −1) and its group's moments. */
export interface Term {
  sign: 1 | -1;
  moments: Moments;
}

/**
 * The difference Σ sign·mean over independent groups, each with n ≥ 2, with its Welch interval:
 * se² = Σ s²/n, df = se⁴ / Σ (s²/n)²/(n − 1). Null when a group has fewer than 2 values.
 *
 * When no group has spread, se = 0 and Welch says nothing. Two uniform groups of sizes n₁, n₂ that
 * differ are then read by exact permutation: of the C(n₁+n₂, n₁) ways to split the values, 2 put
 * them apart this completely, p = 2 / C(n₁+n₂, n₁) (0.1 for 3 v 3: not beyond noise).
 */
export function welchDifference(terms: readonly Term[], level = CONFIDENCE): Difference | null {
  if (terms.length === 0 || terms.some((t) => t.moments.n < 2 || !Number.isFinite(t.moments.mean) || !Number.isFinite(t.moments.variance))) return null;
  const estimate = terms.reduce((sum, t) => sum + t.sign * t.moments.mean, 0);
  const parts = terms.map((t) => t.moments.variance / t.moments.n);
  const se2 = parts.reduce((a, b) => a + b, 0);
  if (!(se2 > 0)) {
    const [first, second] = terms;
    const p = estimate === 0 ? 1 : first && second && terms.length === 2 ? Math.min(1, 2 / binomial(first.moments.n + second.moments.n, first.moments.n)) : 0;
    return { estimate, low: null, high: null, df: null, p, uniform: true };
  }
  // se⁴ / Σ v², written with shares of se² so that tiny variances do not underflow.
  const df = 1 / terms.reduce((sum, t, i) => sum + ((parts[i] as number) / se2) ** 2 / (t.moments.n - 1), 0);
  const se = Math.sqrt(se2);
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { estimate, low: estimate - half, high: estimate + half, df, p: tTwoSided(estimate / se, df), uniform: false };
}

/** a − b. */
export function meanDifference(a: Moments, b: Moments, level = CONFIDENCE): Difference | null {
  return welchDifference(
    [
      { sign: 1, moments: a },
      { sign: -1, moments: b },
    ],
    level,
  );
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * Benjamini–Hochberg adjusted p-values (step-up, monotone, capped at 1), in the input's order;
 * weighted when `weights` are given (Genovese, Roeder & Wasserman 2006): each p is read as p / w,
 * the weights positive and averaging 1, so p(i)/w(i) ≤ q·i/m rejects the i smallest. A difference is
 * a discovery at false discovery rate q when its adjusted p is ≤ q. An adjusted p is never below
 * its own p: a weight can spend more of the budget on a difference, not make it surer than it is.
 */
export function adjustBenjaminiHochberg(ps: readonly number[], weights: readonly number[] = ps.map(() => 1)): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => ({ p, i, q: p / (weights[i] as number) })).sort((x, y) => x.q - y.q);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i, q } = order[rank - 1] as { p: number; i: number; q: number };
    running = Math.min(running, (q * m) / rank);
    adjusted[i] = Math.min(1, Math.max(p, running));
  }
  return adjusted;
}

/** The bound of the interval nearest 0, in points: how surely it differs (0 when the interval spans 0). */
export function sureness(d: Difference): number {
  if (d.low === null || d.high === null) return Math.abs(d.estimate);
  if (d.low <= 0 && d.high >= 0) return 0;
  return Math.min(Math.abs(d.low), Math.abs(d.high));
}

/** The interval excludes 0 (a uniform difference: its permutation p is below 1 − level). */
export function excludesZero(d: Difference, level = CONFIDENCE): boolean {
  if (d.low === null || d.high === null) return d.p < 1 - level;
  return d.low > 0 || d.high < 0;
}
