/**
 * A 0-100 score as people read it: a whole number, rounded down, so that a 39.6 shown next to a band
 * starting at 40 does not read as 40 (float noise such as 39.9999999999 still reads as 40).
 * Every format and every sentence of a report shows scores this way.
 */
export function wholeScore(score: number): number {
  return Math.floor(Math.round(score * 1e6) / 1e6);
}
