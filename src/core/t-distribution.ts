/**
 * Student's t distribution for any real degrees of freedom ν > 0 (Welch–Satterthwaite gives
 * fractional ones): the two-sided tail probability and the quantile. Built on the regularized
 * incomplete beta function, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2), evaluated by its continued
 * fraction (modified Lentz). Checked against published t tables in the tests.
 */

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_TERMS = 500;

/** ln Γ(x) for x > 0: Lanczos approximation (g = 7, n = 9), relative error below 1e-15. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < c.length; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of I_x(a, b), convergent for x < (a + 1)/(a + b + 2). */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + even * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + even / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + odd / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0; y = 1 − x, passed apart so that x near 1 keeps its precision. */
function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(y, b, a)) / b;
}

/** P(|T| ≥ |t|) for T ~ t(ν). */
export function tTwoSided(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) throw new RangeError(`tTwoSided: needs df > 0 and a number t (got t=${t}, df=${df})`);
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  return incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

/** The density of t(ν) at t. */
function tDensity(t: number, df: number): number {
  return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** A start for Newton: the normal quantile (Abramowitz & Stegun 26.2.23) widened by Cornish–Fisher terms. */
function startingPoint(q: number, df: number): number {
  const w = Math.sqrt(-2 * Math.log(1 - q));
  const z = w - (2.515517 + 0.802853 * w + 0.010328 * w * w) / (1 + 1.432788 * w + 0.189269 * w * w + 0.001308 * w * w * w);
  const t = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  return Number.isFinite(t) && t > 0 ? t : 1;
}

/** The q-quantile of t(ν) for 0.5 ≤ q < 1 (the upper quantiles an interval needs). */
export function tQuantile(q: number, df: number): number {
  if (!(q >= 0.5 && q < 1) || !(df > 0)) throw new RangeError(`tQuantile: needs 0.5 ≤ q < 1 and df > 0 (got q=${q}, df=${df})`);
  if (q === 0.5) return 0;
  const tail = 2 * (1 - q);
  // Newton on the tail probability (its slope is −2·density), kept inside the bracket (lo, hi)
  // known to hold the one root; a step that would leave it bisects (or doubles) instead.
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let t = startingPoint(q, df);
  for (let i = 0; i < 300; i++) {
    const excess = tTwoSided(t, df) - tail;
    if (excess === 0) return t;
    if (excess > 0) lo = t;
    else hi = t;
    const next = t + excess / (2 * tDensity(t, df));
    const previous = t;
    t = next > lo && next < hi ? next : Number.isFinite(hi) ? (lo + hi) / 2 : 2 * t;
    if (Math.abs(t - previous) <= 1e-14 * t) return t;
  }
  return t;
}
