import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  mean,
  median,
  sampleVariance,
  sampleSd,
  describe as summarize,
  hedgesG,
  rwg,
  polarised,
  cronbachAlpha,
  interpretG,
  momentsOf,
  momentsOfRest,
} from '../../src/core/stats.js';
import type { Summary } from '../../src/core/stats.js';

/** null must be null; a number must be within 1e-10 (toBeCloseTo(x, 10)). */
function expectNum(got: number | null, want: number | null): void {
  if (want === null) {
    expect(got).toBeNull();
    return;
  }
  expect(got).not.toBeNull();
  expect(got as number).toBeCloseTo(want, 10);
}

/** Equal within 1e-9, relative to the magnitude once that exceeds 1. */
function near(x: number | null, y: number | null): boolean {
  if (x === null || y === null) return x === y;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

/** A value and a permutation of it. */
function withShuffle<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> {
  return arb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
}

const moderate = fc.double({ min: -1e3, max: 1e3, noNaN: true });
const wide = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('mean', () => {
  it.each<[number[], number | null]>([
    [[], null], //                            nothing to average
    [[7], 7], //                              single value
    [[3, 3, 3], 3], //                        all equal
    [[0.1, 0.1, 0.1], 0.1], //                all equal, not representable: still exact
    [[1, 2, 3, 4], 2.5], //                   10 / 4
    [[-1, -2, -3], -2], //                    −6 / 3
    [[-5, 5], 0], //                          0 / 2
    [[2, 4, 4, 4, 5, 5, 7, 9], 5], //         40 / 8
    [[0.1, 0.2, 0.3], 0.2], //                0.6 / 3
    [[1e308, 1e308], 1e308], //               sum overflows; mean does not
    [[1, Number.NaN], null], //               non-finite input
    [[1, Number.POSITIVE_INFINITY], null], // non-finite input
  ])('mean(%j) = %j', (xs, want) => expectNum(mean(xs), want));
});

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null], //                  empty
    [[5], 5], //                    single value
    [[7, 7, 7], 7], //              all equal
    [[3, 1, 2], 2], //              sorted 1,2,3 → middle 2
    [[4, 1, 3, 2], 2.5], //         sorted 1,2,3,4 → (2 + 3)/2
    [[-3, -1, -2, -10], -2.5], //   sorted −10,−3,−2,−1 → (−3 + −2)/2
    [[10, 2, 1], 2], //             numeric, not lexicographic, sort: 1,2,10
    [[-1e308, 1e308], 0], //        opposite signs: no overflow
    [[1e308, 1.7e308], 1.35e308], // same sign: no overflow
    [[Number.NaN, 1], null], //     non-finite input
  ])('median(%j) = %j', (xs, want) => expectNum(median(xs), want));

  it('does not mutate its input', () => {
    const xs = [5, 3, 9, 1];
    median(xs);
    expect(xs).toEqual([5, 3, 9, 1]);
  });
});

describe('sampleVariance and sampleSd', () => {
  it.each<[number[], number | null, number | null]>([
    [[], null, null], //                       n < 2
    [[4], null, null], //                      n < 2
    [[3, 3, 3, 3], 0, 0], //                   all equal
    [[0.1, 0.1, 0.1], 0, 0], //                all equal, not representable: exactly 0
    [[-1, 1], 2, Math.SQRT2], //               mean 0; (1 + 1)/1 = 2; √2
    [[1, 2, 3, 4], 5 / 3, 1.2909944487358056], // mean 2.5; (2.25+.25+.25+2.25)/3 = 5/3
    [[2, 4, 4, 4, 5, 5, 7, 9], 32 / 7, 2.138089935299395], // mean 5; 9+1+1+1+0+0+4+16 = 32; /7
    [[-2, -4, -4, -4, -5, -5, -7, -9], 32 / 7, 2.138089935299395], // negated: same spread
    // Wikipedia, "Algorithms for calculating variance": 1e9 + {4, 7, 13, 16};
    // mean 1e9 + 10; (36 + 9 + 9 + 36)/3 = 30. The naive Σx² − (Σx)²/n formula fails here.
    [[1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16], 30, Math.sqrt(30)],
    [[1, Number.NaN], null, null], //           non-finite input
    [[-1e300, 1e300], null, null], //           (2e300)² overflows: null, not Infinity
  ])('var(%j) = %j, sd = %j', (xs, v, sd) => {
    expectNum(sampleVariance(xs), v);
    expectNum(sampleSd(xs), sd);
  });

  it('keeps precision for 1e6 values around 1e6 (alternating 1e6 ± 0.5)', () => {
    const n = 1_000_000;
    const xs = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1e6 + 0.5 : 1e6 - 0.5));
    // mean exactly 1e6; Σ(x − m)² = n · 0.25 = 250000; / (n − 1) = 250000/999999
    expect(mean(xs)).toBe(1e6);
    expectNum(sampleVariance(xs), 250000 / 999999); // 0.25000025000025
  });

  it('is shift invariant for 1e6 values: var(1e6 + d) = var(d)', () => {
    const n = 1_000_000;
    // offsets are multiples of 1/1024, so 1e6 + d is exact and both arrays have the same variance
    const d = Array.from({ length: n }, (_, i) => (((i * 7919) % 1025) - 512) / 1024);
    const shifted = d.map((x) => 1e6 + x);
    const base = sampleVariance(d);
    expect(base).not.toBeNull();
    expect(base as number).toBeGreaterThan(0.08);
    expectNum(sampleVariance(shifted), base);
    expectNum(mean(shifted), 1e6 + (mean(d) as number));
  });
});

describe('describe', () => {
  const none = { mean: null, median: null, min: null, max: null, sd: null };
  it.each<[number[], Summary]>([
    [[], { n: 0, ...none }], // empty
    [[5], { n: 1, mean: 5, median: 5, min: 5, max: 5, sd: null }], // single value: no sd
    [[2, 2, 2], { n: 3, mean: 2, median: 2, min: 2, max: 2, sd: 0 }], // all equal
    // mean 0/4 = 0; sorted −4,−1,2,3 → median 0.5; SS 9+1+4+16 = 30, var 10, sd √10
    [[3, -1, 2, -4], { n: 4, mean: 0, median: 0.5, min: -4, max: 3, sd: 3.1622776601683795 }],
    [[1, Number.NaN], { n: 2, ...none }], // non-finite input: n is still the length
  ])('describe(%j)', (xs, want) => {
    const got = summarize(xs);
    expect(got.n).toBe(want.n);
    expectNum(got.mean, want.mean);
    expectNum(got.median, want.median);
    expectNum(got.min, want.min);
    expectNum(got.max, want.max);
    expectNum(got.sd, want.sd);
  });
});

describe('momentsOf', () => {
  it.each([
    [[1, 2, 3, 4], { n: 4, mean: 2.5, variance: 5 / 3 }],
    [[5], { n: 1, mean: 5, variance: 0 }],
    [[2, 2, 2], { n: 3, mean: 2, variance: 0 }],
  ])('momentsOf(%j) = %j', (xs, want) => {
    const got = momentsOf(xs);
    expect(got?.n).toBe(want.n);
    expectNum(got?.mean ?? null, want.mean);
    expectNum(got?.variance ?? null, want.variance);
  });

  it.each([[[]], [[1, Number.NaN]], [[Number.POSITIVE_INFINITY, 1]]])('momentsOf(%j) is null', (xs) => expect(momentsOf(xs)).toBeNull());
});

describe('hedgesG', () => {
  it.each<[number[], number[], number | null]>([
    // means 2, 4; s² 1, 1; pooled var (2·1 + 2·1)/4 = 1; d = −2; J = 1 − 3/(4·6 − 9) = 0.8; g = −1.6
    [[1, 2, 3], [3, 4, 5], -1.6],
    [[3, 4, 5], [1, 2, 3], 1.6], // swapped groups: sign flips
    // means 5, 3; s² 20/3, 4; pooled (3·20/3 + 2·4)/5 = 5.6; d = 2/√5.6 = 0.84515…; J = 1 − 3/19 = 16/19
    [[2, 4, 6, 8], [1, 3, 5], 0.7117088460871719],
    // means 5, 2; s² 0, 2; pooled (0 + 2)/2 = 1; d = 3; J = 1 − 3/(16 − 9) = 4/7; g = 12/7
    [[5, 5], [1, 3], 1.7142857142857142],
    // negative numbers: means −2, −4 (as first case, shifted by −4); g = 1.6
    [[-3, -2, -1], [-5, -4, -3], 1.6],
    [[1, 2, 3], [1, 2, 3], 0], // identical groups
    [[1], [1, 2, 3], null], // n1 < 2
    [[1, 2, 3], [], null], // n2 < 2
    [[2, 2], [3, 3, 3], null], // pooled SD 0
    [[1, Number.NaN], [1, 2], null], // non-finite input
  ])('hedgesG(%j, %j) = %j', (a, b, want) => expectNum(hedgesG(a, b), want));
});

describe('rwg', () => {
  it.each<[number[], number, number | null]>([
    // Worked example (constructed, not from a published table). The uniform null for
    // A = 5 options is σ²_EU = (25 − 1)/12 = 2, the value given by James, Demaree & Wolf
    // (1984) and the default ranvar = 2 of rwg() in Bliese's R package `multilevel`.
    // Ratings 4,4,5,5,4: mean 4.4; SS .16+.16+.36+.36+.16 = 1.2; s² = 1.2/4 = 0.3;
    // r_wg = 1 − 0.3/2 = 0.85
    [[4, 4, 5, 5, 4], 5, 0.85],
    // A = 7: σ²_EU = 48/12 = 4; 6,7,7,6: mean 6.5, SS 4·.25 = 1, s² = 1/3; 1 − (1/3)/4 = 11/12
    [[6, 7, 7, 6], 7, 11 / 12],
    [[3, 3, 3], 5, 1], // all equal: perfect agreement
    [[1, 2, 3, 4, 5], 5, -0.25], // s² = 10/4 = 2.5 > 2 → 1 − 1.25 = −0.25, not truncated: polarised
    [[1, 5], 5, -3], // s² = 8 → 1 − 4 = −3
    [[1, 2], 2, -1], // A = 2: σ²_EU = 3/12 = 0.25; s² = 0.5 → 1 − 2 = −1
    [[-1, -1, -2], 5, 5 / 6], // negative numbers: mean −4/3, SS 1/9+1/9+4/9 = 2/3, s² = 1/3; 1 − 1/6
    [[4], 5, null], // n < 2
    [[], 5, null], // n < 2
    [[1, 2], 1, null], // A < 2: σ²_EU = 0
    [[1, 2], 4.5, null], // A not an integer
  ])('rwg(%j, A=%j) = %j', (xs, a, want) => expectNum(rwg(xs, a), want));
});

describe('cronbachAlpha', () => {
  it.each<[number[][], number | null]>([
    // Worked example (constructed, recomputed by hand; no published table used because
    // its exact figures could not be verified here). 5 respondents × 3 items:
    //   item1 1,2,3,4,5  mean 3    SS 4+1+0+1+4 = 10            var 2.5
    //   item2 2,2,3,4,4  mean 3    SS 1+1+0+1+1 = 4             var 1
    //   item3 2,3,3,5,5  mean 3.6  SS 2.56+.36+.36+1.96+1.96 = 7.2  var 1.8
    //   total 5,7,9,13,14 mean 9.6 SS 21.16+6.76+.36+11.56+19.36 = 59.2  var 14.8
    // α = 3/2 · (1 − 5.3/14.8) = 3/2 · 9.5/14.8 = 285/296 = 0.96283783…
    [
      [
        [1, 2, 2],
        [2, 2, 3],
        [3, 3, 3],
        [4, 4, 5],
        [5, 4, 5],
      ],
      285 / 296,
    ],
    // items 4,3,5,2 / 5,4,5,3 / 4,3,5,2: vars 5/3, 11/12, 5/3 (Σ 51/12 = 4.25);
    // totals 13,10,15,7: mean 11.25, SS 3.0625+1.5625+14.0625+18.0625 = 36.75, var 12.25;
    // α = 3/2 · (1 − 4.25/12.25) = 3/2 · 8/12.25 = 48/49
    [
      [
        [4, 5, 4],
        [3, 4, 3],
        [5, 5, 5],
        [2, 3, 2],
      ],
      48 / 49,
    ],
    // uncorrelated items: vars 1/3, 1/3; totals 2,3,3,4 var 2/3; α = 2 · (1 − 1) = 0
    [
      [
        [1, 1],
        [1, 2],
        [2, 1],
        [2, 2],
      ],
      0,
    ],
    // negatively related items: vars 1, 4/3; totals 4,3,4 var 1/3; α = 2 · (1 − 7) = −12
    [
      [
        [1, 3],
        [2, 1],
        [3, 1],
      ],
      -12,
    ],
    // negative numbers: first example negated; variances unchanged → 285/296
    [
      [
        [-1, -2, -2],
        [-2, -2, -3],
        [-3, -3, -3],
        [-4, -4, -5],
        [-5, -4, -5],
      ],
      285 / 296,
    ],
    [[], null], // no respondents
    [[[1, 2, 3]], null], // n < 2
    [[[1], [2], [3]], null], // k < 2
    [
      [
        [1, 2],
        [2, 1],
      ],
      null,
    ], // totals 3,3: var(total) = 0
    // item1 1,3,5 var 4; item2 2,4,5 mean 11/3, SS 25/9+1/9+16/9 = 42/9, var 7/3;
    // totals 3,7,10 mean 20/3, SS 121/9+1/9+100/9 = 222/9, var 37/3;
    // α = 2 · (1 − (19/3)/(37/3)) = 2 · 18/37 = 36/37
    [
      [
        [1, 2],
        [3, 4],
        [5, 5],
      ],
      36 / 37,
    ],
    [[[1, 2], [3]], null], // ragged rows
    [
      [
        [1, 2],
        [Number.NaN, 3],
      ],
      null,
    ], // non-finite input
  ])('cronbachAlpha(%j) = %j', (rows, want) => expectNum(cronbachAlpha(rows), want));
});

describe('interpretG', () => {
  it.each<[number, string]>([
    [0, 'negligible'],
    [0.19, 'negligible'],
    [-0.19, 'negligible'],
    [0.2, 'small'], // thresholds are inclusive lower bounds
    [-0.2, 'small'],
    [0.49, 'small'],
    [0.5, 'medium'],
    [-0.79, 'medium'],
    [0.8, 'large'],
    [2.5, 'large'],
    [Number.NEGATIVE_INFINITY, 'large'],
  ])('interpretG(%j) = %s', (g, want) => expect(interpretG(g)).toBe(want));

  it('rejects NaN', () => expect(() => interpretG(Number.NaN)).toThrow(RangeError));
});

describe('properties', () => {
  it('mean and median lie within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(wide, { minLength: 1 }), (xs) => {
        const s = summarize(xs);
        const lo = Math.min(...xs);
        const hi = Math.max(...xs);
        // + 0 turns -0 into 0, as the module does.
        expect(s.min).toBe(lo + 0);
        expect(s.max).toBe(hi + 0);
        for (const v of [s.mean, s.median]) {
          expect(v).not.toBeNull();
          expect(v as number).toBeGreaterThanOrEqual(lo);
          expect(v as number).toBeLessThanOrEqual(hi);
        }
      }),
    );
  });

  it('describe and momentsOf, each in few passes, give exactly what mean, median, sampleSd and sampleVariance give', () => {
    const values = fc.oneof(
      fc.array(wide),
      fc.array(wide).map((xs) => [...xs].sort((p, q) => p - q)),
    );
    fc.assert(
      fc.property(values, (xs) => {
        const s = summarize(xs);
        expect(s.mean).toBe(mean(xs));
        expect(s.median).toBe(median(xs));
        expect(s.sd).toBe(sampleSd(xs));
        const m = momentsOf(xs);
        if (mean(xs) === null) expect(m).toBeNull();
        else expect(m).toEqual({ n: xs.length, mean: mean(xs), variance: sampleVariance(xs) ?? 0 });
      }),
    );
  });

  it('sd is ≥ 0 and null exactly when n < 2', () => {
    fc.assert(
      fc.property(fc.array(wide), (xs) => {
        const sd = sampleSd(xs);
        if (xs.length < 2) expect(sd).toBeNull();
        else expect(sd as number).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('hedgesG(a, b) = −hedgesG(b, a)', () => {
    fc.assert(
      fc.property(fc.array(wide), fc.array(wide), (a, b) => {
        const ab = hedgesG(a, b);
        const ba = hedgesG(b, a);
        expect(ba).toBe(ab === null ? null : 0 - ab);
      }),
    );
  });

  it('order independence: a shuffled input gives the same results within 1e-9', () => {
    fc.assert(
      fc.property(withShuffle(fc.array(moderate)), withShuffle(fc.array(moderate)), ([a, a2], [b, b2]) => {
        const s1 = summarize(a);
        const s2 = summarize(a2);
        for (const key of ['mean', 'median', 'min', 'max', 'sd'] as const) {
          expect(near(s1[key], s2[key])).toBe(true);
        }
        expect(near(sampleVariance(a), sampleVariance(a2))).toBe(true);
        expect(near(hedgesG(a, b), hedgesG(a2, b2))).toBe(true);
        expect(near(rwg(a, 7), rwg(a2, 7))).toBe(true);
      }),
    );
  });

  it('order independence of respondents for cronbachAlpha', () => {
    const rows = fc
      .integer({ min: 2, max: 6 })
      .chain((k) => fc.array(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: k, maxLength: k }), { minLength: 2, maxLength: 30 }));
    fc.assert(
      fc.property(withShuffle(rows), ([r1, r2]) => {
        expect(near(cronbachAlpha(r1), cronbachAlpha(r2))).toBe(true);
      }),
    );
  });

  it('rwg is at most 1, and below 0 (polarised) exactly when the spread exceeds the uniform null', () => {
    const likert = fc.integer({ min: 2, max: 11 }).chain((a) => fc.tuple(fc.constant(a), fc.array(fc.integer({ min: 1, max: a }))));
    fc.assert(
      fc.property(likert, ([a, xs]) => {
        const r = rwg(xs, a);
        if (xs.length < 2) {
          expect(r).toBeNull();
          return;
        }
        expect(r as number).toBeLessThanOrEqual(1);
        expect(polarised(r as number)).toBe((sampleVariance(xs) as number) > (a * a - 1) / 12);
      }),
    );
  });

  it('alpha of identical, non-constant items is 1', () => {
    const column = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 50 }).filter((xs) => xs.some((x) => x !== xs[0]));
    fc.assert(
      fc.property(column, fc.integer({ min: 2, max: 12 }), (col, k) => {
        const rows = col.map((v) => Array.from({ length: k }, () => v));
        expect(cronbachAlpha(rows) as number).toBeCloseTo(1, 10);
      }),
    );
    const realColumn = fc.array(moderate, { minLength: 2, maxLength: 50 }).filter((xs) => Math.max(...xs) - Math.min(...xs) > 1e-3);
    fc.assert(
      fc.property(realColumn, fc.integer({ min: 2, max: 12 }), (col, k) => {
        const rows = col.map((v) => Array.from({ length: k }, () => v));
        expect(cronbachAlpha(rows) as number).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('momentsOfRest', () => {
  const moments = (xs: number[]) => ({ n: xs.length, mean: mean(xs) as number, variance: sampleVariance(xs) as number });

  it('gives the rest of a group from the whole and one part: 10, 20, 30, 40 minus 10, 40 is 20, 30', () => {
    // whole: mean 25, SS 500 (variance 500/3); part 10, 40: mean 25, SS 450; rest 20, 30: mean 25, SS 50.
    const rest = momentsOfRest(moments([10, 20, 30, 40]), moments([10, 40]));
    expect(rest?.n).toBe(2);
    expect(rest?.mean).toBeCloseTo(25, 12);
    expect(rest?.variance).toBeCloseTo(50, 9);
  });

  it('is null for a rest of fewer than 2, or figures that cannot be of one group and its part', () => {
    expect(momentsOfRest(moments([1, 2, 3]), moments([1, 2]))).toBeNull();
    expect(momentsOfRest({ n: 5, mean: 50, variance: 0 }, { n: 2, mean: 90, variance: 100 })).toBeNull();
  });

  it('equals the rest computed directly, on random groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 12 }),
        (part, rest) => {
          const got = momentsOfRest(moments([...part, ...rest]), part.length > 1 ? moments(part) : { n: 1, mean: part[0] as number, variance: 0 });
          const want = moments(rest);
          expect(got?.n).toBe(want.n);
          expect(got?.mean).toBeCloseTo(want.mean, 6);
          expect(got?.variance).toBeCloseTo(want.variance, 4);
        },
      ),
    );
  });
});
