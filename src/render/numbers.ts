/**
 * Scores are kept at full precision; people read whole numbers. Rounded down, so that a 39.6 shown next to
 * a band starting at 40 does not read as 40 (float noise such as 39.9999999999 still shows as 40).
 */
export function wholeScore(score: number | null): string {
  return score === null ? 'n/a' : String(Math.floor(Math.round(score * 1e6) / 1e6));
}

export function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 100)}%`;
}
