import type { EffectSizeLabel } from '../../stats.js';
import { capitalize, percentText, points, quoted } from '../wording.js';

// The plain words of the team report. Numbers in sentences are whole points: the figures
// themselves stay at full precision in the model.

/** "Sales rate Systems 28 points lower than marketing — a large gap." */
export function gapReading(a: string, b: string, subject: string, gap: number | null, size: EffectSizeLabel | null): string {
  if (gap === null) return `Not enough answers from ${a} and ${b} to compare ${subject}.`;
  if (Math.round(Math.abs(gap)) === 0) return `${capitalize(a)} and ${b} rate ${subject} the same.`;
  const direction = gap < 0 ? 'lower' : 'higher';
  const sized = size === null ? '' : ` — ${size === 'negligible' ? 'a negligible' : `a ${size}`} gap`;
  return `${capitalize(a)} rate ${subject} ${points(gap)} ${direction} than ${b}${sized}.`;
}

/** A statement of the bank turned into a question for the room. */
export function asked(statement: string): string {
  return `How true is this for us today: ${quoted(statement.replace(/[.!]+$/, ''))}?`;
}

/** "Sales answered “Don't know” to 35% of the Systems questions: Systems is largely invisible to sales." */
export function unknownReading(role: string, pillar: string, rate: number, unknownLabel: string): string {
  return `${capitalize(role)} answered ${quoted(unknownLabel)} to ${percentText(rate)} of the ${pillar} questions: ${pillar} is largely invisible to ${role}.`;
}

export function mostUnknownReading(pillar: string, rate: number, unknownLabel: string): string {
  return `${pillar} has the most ${quoted(unknownLabel)} answers: ${percentText(rate)} of its answers.`;
}
