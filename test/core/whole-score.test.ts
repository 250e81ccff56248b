import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeDifference, wholeInterval, wholeScore } from '../../src/core/whole-score.js';

describe('wholeScore and wholeDifference', () => {
  it.each([
    [39.6, 39],
    [40, 40],
    [39.9999999999, 40],
    [0, 0],
    [100, 100],
  ])('%d reads %d', (score, whole) => expect(wholeScore(score)).toBe(whole));

  it('a difference is the difference of the whole scores: 25.9 v 87.1 is 62, not 61.2 rounded', () => {
    expect(wholeDifference(25.9, 87.1)).toBe(-62);
  });
});

describe('wholeInterval', () => {
  it.each([
    [-40.2, -15.7, [-41, -15]],
    [-117.3, -50.2, [-100, -50]],
    [12.5, 131, [12, 100]],
    [-160, 150, [-100, 100]],
    [-100, 100, [-100, 100]],
  ])('%d to %d reads %j', (low, high, shown) => expect(wholeInterval(low, high)).toEqual(shown));

  it('holds what the interval held within −100..100, and never reaches past it', () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true }), (low, width) => {
        const high = low + width;
        const [lo, hi] = wholeInterval(low, high);
        expect(lo).toBeGreaterThanOrEqual(-100);
        expect(hi).toBeLessThanOrEqual(100);
        expect(Number.isInteger(lo) && Number.isInteger(hi)).toBe(true);
        expect(lo).toBeLessThanOrEqual(Math.max(-100, Math.min(100, low)) + 1e-6);
        expect(hi).toBeGreaterThanOrEqual(Math.min(100, Math.max(-100, high)) - 1e-6);
      }),
    );
  });
});
