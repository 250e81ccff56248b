// Forms tools rewrite what they export: case, spacing, curly quotes, trailing punctuation.
// Texts are compared by their words only.

/** Lower-case words separated by single spaces; punctuation, quotes, symbols and invisible characters (zero-width, bidi, controls) dropped. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\p{Cf}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Dice coefficient of the two texts' word sets (0 = nothing shared, 1 = the same words). */
export function wordSimilarity(a: string, b: string): number {
  const wa = new Set(normalizeText(a).split(' ').filter(Boolean));
  const wb = new Set(normalizeText(b).split(' ').filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}
