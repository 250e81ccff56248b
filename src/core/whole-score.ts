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

/** An interval of a difference in whole points, rounded outwards so that it still holds what it held. */
export function wholeInterval(low: number, high: number): [number, number] {
  return [Math.floor(Math.round(low * 1e6) / 1e6), Math.ceil(Math.round(high * 1e6) / 1e6)];
}
