import { describe, expect, it } from 'vitest';
import { judgeComparison, LARGE_MIN_POINTS, PILLAR_SHARE, rawGap, type RawGap } from '../../../../src/core/report/team/gaps.js';

// The size of a gap beyond noise: Cohen's label on Hedges' g, but "large" only for a gap that is
// surely LARGE_MIN_POINTS points or more (the interval's bound nearest 0).

const side = (mean: number) => ({ n: 10, mean, variance: 100 });
/** One pillar gap read on its own (no statements): plain Benjamini–Hochberg over one gap, p itself. */
const judgeAlone = (pillars: RawGap[]) => judgeComparison(pillars, []).pillars;

describe('the size of a gap', () => {
  it('12 points at 10 v 10, sd 10: g 1.15 (large by Cohen) but surely only 2.6 points (interval 2.6 to 21.4): medium', () => {
    // se = √(100/10 + 100/10) = √20; df 18; t(0.975, 18) = 2.1009 (tables): half-width 9.40.
    // g = 12 / 10 · (1 − 3 / (4 · 18 − 1)) = 1.1493.
    const [gap] = judgeAlone([rawGap(side(60), side(48))]);
    expect(gap?.g).toBeCloseTo(1.2 * (1 - 3 / 71), 9);
    expect(gap?.low).toBeCloseTo(12 - 2.1009 * Math.sqrt(20), 3);
    expect(gap?.verdict).toBe('beyond-noise');
    expect(gap?.sureness).toBeLessThan(LARGE_MIN_POINTS);
    expect(gap?.size).toBe('medium');
  });

  it('27 points at 10 v 10, sd 10: surely 17.6 points or more: large', () => {
    const [gap] = judgeAlone([rawGap(side(75), side(48))]);
    expect(gap?.sureness).toBeCloseTo(27 - 2.1009 * Math.sqrt(20), 3);
    expect(gap?.size).toBe('large');
  });

  it('gives no size within noise, nor without g (under 5 a side)', () => {
    const [quiet] = judgeAlone([rawGap(side(52), side(48))]);
    expect(quiet).toMatchObject({ verdict: 'within-noise', size: null, sureness: 0 });
    const [small] = judgeAlone([rawGap({ n: 4, mean: 90, variance: 25 }, { n: 4, mean: 10, variance: 25 })]);
    expect(small).toMatchObject({ verdict: 'beyond-noise', g: null, size: null });
  });
});

describe('one correction over a comparison’s pillars and statements', () => {
  // 12 points at 10 v 10, sd 10: t = 12/√20 = 2.683, df 18, p = 0.0152 (tables: between 0.01 and 0.02).
  const real = rawGap(side(60), side(48));
  const none = rawGap(side(50), side(50));
  const p = real.p as number;
  const pillarsWith = (k: number) => Array.from({ length: 4 }, (_, i) => (i === k ? real : none));
  const itemsWith = (k: number) => Array.from({ length: 48 }, (_, i) => (i === k ? real : none));

  it('spends 80 % of the budget on the 4 pillars: a lone pillar gap is adjusted to p·52/(0.8·52/4) = 5p', () => {
    expect(PILLAR_SHARE).toBe(0.8);
    expect(p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.02);
    const { pillars, items } = judgeComparison(pillarsWith(2), itemsWith(-1));
    expect(pillars[2]?.pAdjusted).toBeCloseTo(5 * p, 12);
    // 5p = 0.076: its interval excludes 0 (p < 0.05), but not once all 52 gaps are taken into account.
    expect(pillars[2]?.verdict).toBe('within-noise');
    expect(items.every((i) => i.pAdjusted === 1)).toBe(true);
  });

  it('and 20 % on the 48 statements: a lone statement gap is adjusted to p·52/(0.2·52/48) = 240p', () => {
    const { pillars, items } = judgeComparison(pillarsWith(-1), itemsWith(7));
    expect(items[7]?.pAdjusted).toBeCloseTo(Math.min(1, 240 * p), 12);
    expect(items[7]?.verdict).toBe('within-noise');
    expect(pillars.every((g) => g.pAdjusted === 1)).toBe(true);
  });

  it('a clear pillar gap stays beyond noise among 48 quiet statements', () => {
    const clear = rawGap(side(75), side(48));
    const { pillars } = judgeComparison([clear, none, none, none], itemsWith(-1));
    expect(pillars[0]?.pAdjusted).toBeCloseTo(5 * (clear.p as number), 12);
    expect(pillars[0]?.verdict).toBe('beyond-noise');
  });

  it('gaps without a p take no share of the budget', () => {
    const missing = rawGap(null, side(50));
    const { pillars, items } = judgeComparison([real, missing], [missing]);
    expect(pillars[0]?.pAdjusted).toBeCloseTo(p, 12);
    expect(pillars[1]).toMatchObject({ pAdjusted: null, verdict: 'not-enough' });
    expect(items[0]).toMatchObject({ pAdjusted: null, verdict: 'not-enough' });
  });
});
