import { wholeDifference, wholeInterval, wholeScore } from '../../whole-score.js';
import { capitalize, percentText, points, quoted } from '../wording.js';
import type { GapFigures } from './gaps.js';
import { stancePhrase, type Stance } from './statements.js';

// The plain words of the team report. Numbers in sentences are whole points: the figures
// themselves stay at full precision in the model.

/** "+12", "−12", "0": a whole difference with its sign. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/** "95% interval −40 to −16", in whole points rounded outwards; null without an interval. */
export function intervalText(low: number | null, high: number | null): string | null {
  if (low === null || high === null) return null;
  const [lo, hi] = wholeInterval(low, high);
  return `95% interval ${signed(lo)} to ${signed(hi)}`;
}

/** What a judged gap amounts to: "within noise", "beyond noise — a large gap", "beyond noise: complete separation". */
function verdictWords(gap: Pick<GapFigures, 'verdict' | 'size' | 'separation' | 'low' | 'high' | 'p'>, family: string): string {
  if (gap.verdict === 'beyond-noise') {
    if (gap.separation) return 'beyond noise: complete separation (everyone on each side gave the same answers)';
    return gap.size === null ? 'beyond noise' : `beyond noise — ${gap.size === 'negligible' ? 'a negligible' : `a ${gap.size}`} gap`;
  }
  const apart = gap.low === null ? (gap.p ?? 1) < 0.05 : (gap.low ?? 0) > 0 || (gap.high ?? 0) < 0;
  return apart ? `within noise once all ${family} are taken into account` : 'within noise';
}

/**
 * "Sales rate Systems 28 points lower than marketing (42 v 70; 95% interval −40 to −16): beyond noise — a large gap."
 * The points are the difference of the two whole scores in brackets.
 */
export function gapReading(a: string, b: string, subject: string, gap: GapFigures, family: string): string {
  if (gap.verdict === 'not-enough' || gap.a === null || gap.b === null) return `Not enough answers from ${a} and ${b} to compare ${subject}.`;
  const shown = wholeDifference(gap.a, gap.b);
  const interval = intervalText(gap.low, gap.high);
  const figures = `(${wholeScore(gap.a)} v ${wholeScore(gap.b)}${interval === null ? '' : `; ${interval}`})`;
  const words = verdictWords(gap, family);
  if (shown === 0) return `${capitalize(a)} and ${b} rate ${subject} alike ${figures}: ${words}.`;
  return `${capitalize(a)} rate ${subject} ${points(shown)} ${shown < 0 ? 'lower' : 'higher'} than ${b} ${figures}: ${words}.`;
}

/** "“Leads reach sales as if brand new”: all 3 in sales agree; in marketing 2 disagree, 1 is neutral — beyond noise." */
export function statementGapReading(statement: string, a: string, sa: Stance, b: string, sb: Stance, gap: GapFigures, family: string): string {
  const said = `${quotedStatement(statement)}: ${stancePhrase(a, sa)}; ${stancePhrase(b, sb)}`;
  if (gap.verdict === 'not-enough') return `${said} (too few answers to compare).`;
  return `${said} — ${verdictWords(gap, family)}.`;
}

/** A bank statement quoted inside a sentence, without its own full stop. */
export function quotedStatement(text: string): string {
  return quoted(text.replace(/[.!]+$/, ''));
}

/** A statement of the bank turned into a question for the room. */
export function asked(statement: string): string {
  return `How true is this for us today: ${quotedStatement(statement)}?`;
}

/** "Sales answered “Don't know” to 35% of the Systems questions: Systems is largely invisible to sales." */
export function unknownReading(role: string, pillar: string, rate: number, unknownLabel: string): string {
  return `${capitalize(role)} answered ${quoted(unknownLabel)} to ${percentText(rate)} of the ${pillar} questions: ${pillar} is largely invisible to ${role}.`;
}

export function mostUnknownReading(pillar: string, rate: number, unknownLabel: string): string {
  return `${pillar} has the most ${quoted(unknownLabel)} answers: ${percentText(rate)} of its answers.`;
}

/** "2 of 3 in sales answered “Don't know” to “Lead scoring uses sales feedback”: what it asks about is invisible to them." */
export function statementUnknownReading(role: string, statement: string, unknown: number, of: number, unknownLabel: string): string {
  const who = unknown === of ? `All ${of} in ${role}` : `${unknown} of ${of} in ${role}`;
  return `${who} answered ${quoted(unknownLabel)} to ${quotedStatement(statement)}: what it asks about is invisible to them.`;
}
