import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tQuantile, tTwoSided } from '../../src/core/t-distribution.js';

describe('tQuantile', () => {
  // Published t tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2), to the 3 decimals they print.
  it.each<[number, number, number]>([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 3, 3.182],
    [0.975, 4, 2.776],
    [0.975, 5, 2.571],
    [0.975, 10, 2.228],
    [0.975, 20, 2.086],
    [0.975, 30, 2.042],
    [0.975, 60, 2.0],
    [0.975, 100, 1.984],
    [0.95, 1, 6.314],
    [0.95, 5, 2.015],
    [0.95, 10, 1.812],
    [0.995, 1, 63.657],
    [0.995, 5, 4.032],
    [0.995, 10, 3.169],
    [0.9, 3, 1.638],
    [0.5, 7, 0],
  ])('t(%s; df=%s) = %s (published table)', (q, df, want) => {
    expect(Math.abs(tQuantile(q, df) - want)).toBeLessThanOrEqual(0.0005 + 1e-12);
  });

  // Fractional degrees of freedom (Welch–Satterthwaite): scipy.stats.t.ppf, scipy 1.17.1.
  it.each<[number, number]>([
    [2.5, 3.5746548420036817],
    [3.7, 2.8675207071911895],
    [7.25, 2.348194849105371],
    [15.5, 2.1254766592309386],
  ])('t(0.975; df=%s) = %s (scipy)', (df, want) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(want, 9);
  });

  it('tends to the normal quantile 1.959964 for large df', () => {
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('inverts the tail probability', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (q, df) => {
        const t = tQuantile(q, df);
        expect(tTwoSided(t, df)).toBeCloseTo(2 * (1 - q), 9);
      }),
    );
  });

  it('refuses what it cannot answer', () => {
    expect(() => tQuantile(0.3, 5)).toThrow(RangeError);
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe('tTwoSided', () => {
  it.each<[number, number, number]>([
    [0, 5, 1],
    [12.706204736174707, 1, 0.05], // the table's 12.706 for df 1
    [2.2281388519649385, 10, 0.05],
    [Number.POSITIVE_INFINITY, 3, 0],
  ])('P(|T| ≥ %s; df=%s) = %s', (t, df, want) => expect(tTwoSided(t, df)).toBeCloseTo(want, 9));

  it('is symmetric in t and falls as |t| grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        (t, step, df) => {
          expect(tTwoSided(-t, df)).toBe(tTwoSided(t, df));
          expect(tTwoSided(t + step, df)).toBeLessThanOrEqual(tTwoSided(t, df) + 1e-15);
        },
      ),
    );
  });
});
