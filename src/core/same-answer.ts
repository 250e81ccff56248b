import { allQuestions, bandFor, type Bank, type Form } from './bank.js';
import { scoreRespondent } from './scoring.js';

// A respondent who gives the same answer to every statement says nothing about alignment. A bank
// balanced with reverse-worded statements keeps such answers out of its top band; this finds where
// one does not.

export interface SameAnswerInTopBand {
  value: number;
  /** The pillar whose score reaches the top band, or null for the overall score. */
  pillar: string | null;
  score: number;
}

/** Every scale point that, given to every statement of the form, puts a pillar or the overall score in the top band. */
export function sameAnswersInTopBand(bank: Bank, form: Form): SameAnswerInTopBand[] {
  const top = bank.bands.at(-1);
  if (top === undefined || bank.bands.length < 2) return [];
  const questions = allQuestions(bank, form);
  const found: SameAnswerInTopBand[] = [];
  for (let value = bank.scale.min; value <= bank.scale.max; value++) {
    const score = scoreRespondent(bank, form, Object.fromEntries(questions.map((q) => [q.id, value])));
    const inTop = (s: number | null): s is number => s !== null && bandFor(bank.bands, s).id === top.id;
    if (inTop(score.overall)) found.push({ value, pillar: null, score: score.overall });
    for (const p of score.pillars) if (inTop(p.score)) found.push({ value, pillar: p.id, score: p.score });
  }
  return found;
}
