/**
 * A 0-100 score as people read it: a whole number, rounded down, so that a 39.6 shown next to a band
 * starting at 40 does not read as 40 (float noise such as 39.9999999999 still reads as 40).
 * Every format and every sentence of a report shows scores this way.
 */
export function wholeScore(score: number): number {
  return Math.floor(Math.round(score * 1e6) / 1e6);
}

/** A difference as people read it: the difference of the two whole scores shown beside it, so the figures always add up. */
export function wholeDifference(a: number, b: number): number {
  return wholeScore(a) - wholeScore(b);
}

/** A difference of two 0-100 scores lies in −100..100: Welch's interval can reach past that, the shown one does not. */
export const DIFFERENCE_LIMIT = 100;

/**
 * An interval of a difference of two scores in whole points: rounded outwards so that it still holds
 * what it held, and cut to −100..100, where every such difference lies ("−117 to −50" reads "−100 to −50").
 */
export function wholeInterval(low: number, high: number): [number, number] {
  const clamp = (x: number) => Math.min(DIFFERENCE_LIMIT, Math.max(-DIFFERENCE_LIMIT, x));
  return [clamp(Math.floor(Math.round(low * 1e6) / 1e6)), clamp(Math.ceil(Math.round(high * 1e6) / 1e6))];
}
