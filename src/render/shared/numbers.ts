import { percentText } from '../../core/report/wording.js';
import { wholeDifference, wholeInterval, wholeScore } from '../../core/whole-score.js';

/** Scores are kept at full precision; people read whole numbers, rounded down (see core/whole-score). */
export function scoreText(score: number | null, missing = 'n/a'): string {
  return score === null ? missing : String(wholeScore(score));
}

export function percent(rate: number | null): string {
  return rate === null ? 'n/a' : percentText(rate);
}

/** A difference in points, with its sign: +12, −12, 0. */
export function signedPoints(value: number | null): string {
  if (value === null) return 'n/a';
  const n = Math.round(value);
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/** Indices such as g, alpha and r_wg: two decimals. */
export function decimal(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2).replace(/^-/, '−');
}

/** a − b as shown: the difference of the two whole scores shown beside it, with its sign. */
export function shownDifference(a: number | null, b: number | null): string {
  return a === null || b === null ? 'n/a' : signedPoints(wholeDifference(a, b));
}

/** A 95% interval of a difference in whole points, rounded outwards: "−40 to −16". */
export function intervalRange(low: number | null, high: number | null): string {
  if (low === null || high === null) return 'n/a';
  const [lo, hi] = wholeInterval(low, high);
  return `${signedPoints(lo)} to ${signedPoints(hi)}`;
}

/** The change in size of a gap as shown: |after| − |before| of the two rounded gaps shown beside it. */
export function shownSizeChange(before: number | null, after: number | null): string {
  return before === null || after === null ? 'n/a' : signedPoints(Math.abs(Math.round(after)) - Math.abs(Math.round(before)));
}
