// What people said about a statement, in its own words: how many agree, are neutral, disagree or
// do not know. Agreement is with the statement as worded, reverse-worded or not, so a sentence
// never pairs a reversed score with a negatively worded statement.

export interface Stance {
  agree: number;
  neutral: number;
  disagree: number;
  unknown: number;
}

/**
 * Counts per scale point (index 0 = the scale's min) and "don't know" as a stance: above the
 * scale's middle is agreeing, below it disagreeing, on it (odd scales only) neutral.
 */
export function stanceOf(counts: ArrayLike<number>, unknown: number): Stance {
  const points = counts.length;
  const middle = (points - 1) / 2;
  const stance: Stance = { agree: 0, neutral: 0, disagree: 0, unknown };
  for (let i = 0; i < points; i++) {
    const n = counts[i] ?? 0;
    if (i > middle) stance.agree += n;
    else if (i < middle) stance.disagree += n;
    else stance.neutral += n;
  }
  return stance;
}

export function stanceTotal(s: Stance): number {
  return s.agree + s.neutral + s.disagree + s.unknown;
}

const PHRASES: readonly [keyof Stance, string, string][] = [
  ['agree', 'agrees', 'agree'],
  ['disagree', 'disagrees', 'disagree'],
  ['neutral', 'is neutral', 'are neutral'],
  ['unknown', "doesn't know", "don't know"],
];

/** "all 3 in sales agree", "in marketing 2 disagree, 1 is neutral", "nobody in sales answered". */
export function stancePhrase(group: string, s: Stance): string {
  const total = stanceTotal(s);
  if (total === 0) return `nobody in ${group} answered`;
  const parts = PHRASES.filter(([key]) => s[key] > 0);
  const [only] = parts;
  if (parts.length === 1 && only) return total === 1 ? `the 1 in ${group} ${only[1]}` : `all ${total} in ${group} ${only[2]}`;
  return `in ${group} ${parts.map(([key, one, many]) => `${s[key]} ${s[key] === 1 ? one : many}`).join(', ')}`;
}
