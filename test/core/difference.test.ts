import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustBenjaminiHochberg, excludesZero, meanDifference, sureness, welchDifference } from '../../src/core/difference.js';
import { mean, sampleVariance, type Moments } from '../../src/core/stats.js';

const moments = (xs: number[]): Moments => ({ n: xs.length, mean: mean(xs) as number, variance: sampleVariance(xs) as number });

describe('meanDifference (Welch)', () => {
  // Independent computation: scipy 1.17.1, stats.ttest_ind(a, b, equal_var=False) and its
  // confidence_interval(0.95): p, df, low, high.
  it.each<[number[], number[], number, number, number, number]>([
    [[50, 75, 62.5], [25, 37.5, 50], 0.07048399691021992, 4.0, -3.3369741940939903, 53.33697419409399],
    [[10, 20, 30, 40, 50], [12, 18, 35, 37, 41, 60, 70], 0.41478613588064855, 9.908069182047077, -32.59001004581759, 14.59001004581759],
    [[100, 100, 100], [0, 50, 25, 75], 0.030466291662170977, 3.0, 11.143493580986984, 113.85650641901302],
    [
      [61.1, 44.4, 72.2, 55.5, 50, 38.8, 66.6, 59.9],
      [40, 35.5, 52.2, 47.7, 30, 45, 41.1, 33.3],
      0.006988833337822795,
      12.233941883790152,
      5.070923178649247,
      25.854076821350752,
    ],
  ])('%j − %j: p %s, df %s, 95%% interval [%s, %s]', (a, b, p, df, low, high) => {
    const d = meanDifference(moments(a), moments(b));
    expect(d).not.toBeNull();
    expect(Math.abs((d?.low as number) - low)).toBeLessThan(1e-6);
    expect(Math.abs((d?.high as number) - high)).toBeLessThan(1e-6);
    expect(d?.df as number).toBeCloseTo(df, 9);
    expect(d?.p as number).toBeCloseTo(p, 9);
    expect(d?.uniform).toBe(false);
  });

  it('needs two values a side', () => {
    expect(meanDifference(moments([50]), moments([10, 20]))).toBeNull();
  });

  it('reads two uniform sides by counting arrangements: 3 v 3 apart is p = 2/20, 5 v 5 is 2/252', () => {
    const three = meanDifference(moments([75, 75, 75]), moments([25, 25, 25]));
    expect(three).toMatchObject({ estimate: 50, low: null, high: null, df: null, uniform: true });
    expect(three?.p).toBeCloseTo(0.1, 12);
    expect(excludesZero(three!)).toBe(false);
    const five = meanDifference(moments([75, 75, 75, 75, 75]), moments([25, 25, 25, 25, 25]));
    expect(five?.p).toBeCloseTo(2 / 252, 12);
    expect(excludesZero(five!)).toBe(true);
    expect(meanDifference(moments([50, 50, 50]), moments([50, 50, 50]))?.p).toBe(1);
  });

  it('is the sum of signed means for more terms: a change of a gap (after − before)', () => {
    const t = (xs: number[], sign: 1 | -1) => ({ sign, moments: moments(xs) });
    const d = welchDifference([t([60, 70, 80], 1), t([40, 50, 45], -1), t([55, 65, 60], -1), t([50, 52, 48], 1)]);
    expect(d?.estimate).toBeCloseTo(70 - 45 - 60 + 50, 12);
    // se² = 100/3 + 25/3 + 25/3 + 4/3 = 154/3; df = se⁴ / Σ (s²/n)² / 2
    const parts = [100 / 3, 25 / 3, 25 / 3, 4 / 3];
    const df = (154 / 3) ** 2 / parts.reduce((s, v) => s + (v * v) / 2, 0);
    expect(d?.df).toBeCloseTo(df, 9);
  });

  it('the interval holds the estimate, is symmetric about it, and flips with the sides', () => {
    const side = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(side, side, (a, b) => {
        const d = meanDifference(moments(a), moments(b));
        const r = meanDifference(moments(b), moments(a));
        if (d === null || r === null) throw new Error('two values a side always give a difference');
        expect(d.p).toBeGreaterThanOrEqual(0);
        expect(d.p).toBeLessThanOrEqual(1);
        expect(r.p).toBeCloseTo(d.p, 12);
        if (d.low === null || d.high === null) return;
        expect(d.low).toBeLessThanOrEqual(d.estimate);
        expect(d.high).toBeGreaterThanOrEqual(d.estimate);
        expect(d.high - d.estimate).toBeCloseTo(d.estimate - d.low, 6);
        expect(r.low).toBeCloseTo(-d.high, 6);
        // the interval excludes 0 exactly when p < 0.05 (barring the knife's edge)
        if (Math.abs(d.p - 0.05) > 1e-9) expect(excludesZero(d)).toBe(d.p < 0.05);
      }),
    );
  });
});

describe('sureness: the bound nearest 0', () => {
  const d = (estimate: number, low: number | null, high: number | null) => ({ estimate, low, high, df: 3, p: 0.01, uniform: low === null });
  it.each<[number, number | null, number | null, number]>([
    [10, 4, 16, 4],
    [-10, -16, -4, 4],
    [2, -3, 7, 0],
    [50, null, null, 50],
  ])('estimate %s in [%s, %s] → %s', (e, low, high, want) => expect(sureness(d(e, low, high))).toBe(want));
});

describe('adjustBenjaminiHochberg', () => {
  it.each<[number[], number[]]>([
    [[], []],
    [[0.04], [0.04]],
    // sorted 0.01, 0.02, 0.03, 0.5 over m = 4: 0.04, 0.04, 0.04, 0.5 (step-up keeps them monotone)
    [
      [0.03, 0.5, 0.01, 0.02],
      [0.04, 0.5, 0.04, 0.04],
    ],
    // 0.01·3/1 = 0.03; 0.04·3/2 = 0.06; 0.045·3/3 = 0.045 → min from above: 0.03, 0.045, 0.045
    [
      [0.01, 0.04, 0.045],
      [0.03, 0.045, 0.045],
    ],
    [
      [0.9, 0.8],
      [0.9, 0.9],
    ],
  ])('%j → %j', (ps, want) => {
    const got = adjustBenjaminiHochberg(ps);
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i] as number, 12));
  });

  it.each<[number[], number[], number[]]>([
    // p/w: 0.002, 0.03, 0.002, 0.4 over m = 4: ·4/rank 0.008, 0.004, 0.04, 0.4 → step-up 0.004, 0.004, 0.04, 0.4
    // (unweighted: 0.008, 0.04, 0.004, 0.2)
    [
      [0.004, 0.03, 0.001, 0.2],
      [2, 1, 0.5, 0.5],
      [0.004, 0.04, 0.004, 0.4],
    ],
    // p/w: 0.0111, 0.005: ·2/rank 0.0111 (rank 2), 0.01 (rank 1); the first is never below its own p 0.02
    [
      [0.02, 0.001],
      [1.8, 0.2],
      [0.02, 0.01],
    ],
    // one pillar of 4 among 48 statements, 80 % of the budget on the pillars: w = 0.8·52/4 = 10.4, p·52/10.4 = 5p
    [
      [0.009, ...Array.from({ length: 51 }, () => 1)],
      [10.4, 10.4, 10.4, 10.4, ...Array.from({ length: 48 }, () => (0.2 * 52) / 48)],
      [0.045, ...Array.from({ length: 51 }, () => 1)],
    ],
  ])('weighted: %j with weights %j → %j', (ps, weights, want) => {
    const got = adjustBenjaminiHochberg(ps, weights);
    expect(got).toHaveLength(want.length);
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i] as number, 12));
  });

  it('with equal weights is plain Benjamini–Hochberg; a heavier weight never raises a p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 4, noNaN: true })), { minLength: 1, maxLength: 40 }),
        (pairs) => {
          const ps = pairs.map(([p]) => p);
          const weights = pairs.map(([, w]) => w);
          expect(
            adjustBenjaminiHochberg(
              ps,
              ps.map(() => 1),
            ),
          ).toEqual(adjustBenjaminiHochberg(ps));
          const heavier = weights.map((w, i) => (i === 0 ? w * 2 : w));
          expect(adjustBenjaminiHochberg(ps, heavier)[0] as number).toBeLessThanOrEqual(adjustBenjaminiHochberg(ps, weights)[0] as number);
        },
      ),
    );
  });

  it('never lowers a p, keeps the order of p, and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (ps) => {
        const adjusted = adjustBenjaminiHochberg(ps);
        ps.forEach((p, i) => {
          expect(adjusted[i] as number).toBeGreaterThanOrEqual(p);
          expect(adjusted[i] as number).toBeLessThanOrEqual(1);
          ps.forEach((q, j) => {
            if (p < q) expect(adjusted[i] as number).toBeLessThanOrEqual(adjusted[j] as number);
          });
        });
      }),
    );
  });
});
