/** Scores are kept at full precision; people read whole numbers. */
export function wholeScore(score: number | null): string {
  return score === null ? 'n/a' : String(Math.round(score));
}

export function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 100)}%`;
}
