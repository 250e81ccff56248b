import type { AnswerValue } from './answers.js';

// An answer as one byte, as team data keeps it: 0 for no answer, 255 for "don't know", and the
// scale's points from 1 (its min) up; a scale has at most 11 points.

export const NO_ANSWER = 0;
export const UNKNOWN = 255;

export function answerCode(value: AnswerValue | null | undefined, min: number): number {
  return value === undefined || value === null ? NO_ANSWER : value === 'na' ? UNKNOWN : value - min + 1;
}

/** The same answer (the same number, or "don't know") to every question, with at least two asked. */
export function straightLined(codes: ArrayLike<number>): boolean {
  const first = codes[0];
  if (codes.length < 2 || first === NO_ANSWER) return false;
  for (let k = 1; k < codes.length; k++) if (codes[k] !== first) return false;
  return true;
}
