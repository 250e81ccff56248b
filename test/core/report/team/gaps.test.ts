import { describe, expect, it } from 'vitest';
import { judgeFamily, LARGE_MIN_POINTS, rawGap } from '../../../../src/core/report/team/gaps.js';

// The size of a gap beyond noise: Cohen's label on Hedges' g, but "large" only for a gap that is
// surely LARGE_MIN_POINTS points or more (the interval's bound nearest 0).

const side = (mean: number) => ({ n: 10, mean, variance: 100 });

describe('the size of a gap', () => {
  it('12 points at 10 v 10, sd 10: g 1.15 (large by Cohen) but surely only 2.6 points (interval 2.6 to 21.4): medium', () => {
    // se = √(100/10 + 100/10) = √20; df 18; t(0.975, 18) = 2.1009 (tables): half-width 9.40.
    // g = 12 / 10 · (1 − 3 / (4 · 18 − 1)) = 1.1493.
    const [gap] = judgeFamily([rawGap(side(60), side(48))]);
    expect(gap?.g).toBeCloseTo(1.2 * (1 - 3 / 71), 9);
    expect(gap?.low).toBeCloseTo(12 - 2.1009 * Math.sqrt(20), 3);
    expect(gap?.verdict).toBe('beyond-noise');
    expect(gap?.sureness).toBeLessThan(LARGE_MIN_POINTS);
    expect(gap?.size).toBe('medium');
  });

  it('27 points at 10 v 10, sd 10: surely 17.6 points or more: large', () => {
    const [gap] = judgeFamily([rawGap(side(75), side(48))]);
    expect(gap?.sureness).toBeCloseTo(27 - 2.1009 * Math.sqrt(20), 3);
    expect(gap?.size).toBe('large');
  });

  it('gives no size within noise, nor without g (under 5 a side)', () => {
    const [quiet] = judgeFamily([rawGap(side(52), side(48))]);
    expect(quiet).toMatchObject({ verdict: 'within-noise', size: null, sureness: 0 });
    const [small] = judgeFamily([rawGap({ n: 4, mean: 90, variance: 25 }, { n: 4, mean: 10, variance: 25 })]);
    expect(small).toMatchObject({ verdict: 'beyond-noise', g: null, size: null });
  });
});
