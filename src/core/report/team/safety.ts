import { CONFIDENCE, welchDifference } from '../../difference.js';
import type { QuestionTag } from '../../bank-schema.js';
import { wholeInterval, wholeScore } from '../../whole-score.js';
import type { TeamGap, TeamItem, TeamReport } from './schema.js';
import { quotedStatement } from './readings.js';
import { stancePhrase } from './statements.js';

// Whether people can raise a problem with the other team without fear is what every other
// conversation in the workshop rests on. A statement the bank tags psychological-safety comes first
// in the agenda and the next steps when the team's score on it is low beyond noise (below the
// scale's middle, with its 95% interval too), or when its gap between the teams is beyond noise.

export const SAFETY: QuestionTag = 'psychological-safety';
/** The scale's middle as a score: below it, the team leans to the misaligned answer. */
const MIDDLE = 50;

export interface SafetyConcern {
  item: TeamItem;
  /** The statement's gap entry, when it is beyond noise. */
  gap: TeamGap['items'][number] | null;
  reading: string;
}

type ReportSoFar = Pick<TeamReport, 'items' | 'gaps' | 'disagreements'>;

export function safetyConcerns(report: ReportSoFar): SafetyConcern[] {
  const gap = report.gaps.find((g) => g.id === report.disagreements.gap);
  return report.items
    .filter((item) => item.tags.includes(SAFETY))
    .flatMap((item): SafetyConcern[] => {
      const entry = gap?.items.find((e) => e.item === item.id && e.verdict === 'beyond-noise') ?? null;
      if (entry) return [{ item, gap: entry, reading: entry.reading }];
      const low = lowReading(item);
      return low === null ? [] : [{ item, gap: null, reading: low }];
    });
}

/**
 * The team's mean below the middle beyond noise: the 95% interval of the mean (t, n − 1 degrees of
 * freedom) lies below 50. With no spread at all (everyone gave one answer below the middle) a sign
 * test: p = 2 · 0.5ⁿ, so it takes 6 people (p 0.03).
 */
export function lowReading(item: Pick<TeamItem, 'text' | 'n' | 'mean' | 'sd' | 'stance'>): string | null {
  if (item.mean === null || item.sd === null || !(item.mean < MIDDLE)) return null;
  const said = `${quotedStatement(item.text)}: ${stancePhrase('the team', item.stance)}`;
  if (item.sd === 0) {
    return 2 * 0.5 ** item.n < 1 - CONFIDENCE ? `${said} — all ${item.n} gave the same answer, below the scale's middle: beyond noise.` : null;
  }
  const d = welchDifference([{ sign: 1, moments: { n: item.n, mean: item.mean, variance: item.sd ** 2 } }]);
  if (d === null || d.low === null || d.high === null || !(d.high < MIDDLE)) return null;
  const [lo, hi] = wholeInterval(d.low, d.high);
  return `${said} — the team scores it ${wholeScore(item.mean)} (95% interval ${Math.max(0, lo)} to ${hi}), below the scale's middle (${MIDDLE}) beyond noise.`;
}
