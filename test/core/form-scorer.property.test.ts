import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerCode } from '../../src/core/answer-codes.js';
import type { AnswerValue } from '../../src/core/answers.js';
import { allQuestions, type Bank, type Form } from '../../src/core/bank.js';
import { FormScorer } from '../../src/core/form-scorer.js';
import { scoreRespondent } from '../../src/core/scoring.js';
import { tinyBank } from '../helpers/tiny-bank.js';
import { tinyBankArb } from '../helpers/tiny-bank-arbitrary.js';

// The team path scores respondents from answer codes; it must give scoreRespondent's figures to the bit.

function scored(bank: Bank, form: Form, answers: Record<string, AnswerValue>): { overall: number; pillars: number[] } {
  const scorer = new FormScorer(bank, form);
  const codes = Uint8Array.from(allQuestions(bank, form), (q) => answerCode(answers[q.id], bank.scale.min));
  const pillars = new Float64Array(bank.pillars.length);
  const overall = scorer.score(codes, pillars);
  return { overall, pillars: [...pillars] };
}

const bank = tinyBank({
  pillars: [
    { id: 'p0', weight: 1, questions: [{ id: 'A1' }, { id: 'A2', weight: 3, reverse: true, quick: true }] },
    { id: 'p1', weight: 2, questions: [{ id: 'B1', quick: true }, { id: 'B2' }] },
  ],
});

describe('FormScorer: hand-computed', () => {
  it.each([
    // A1 5 → 100, A2 2 reversed → 75: (100 + 3·75) / 4 = 81.25; B1 na, B2 3 → 50 on half the weight; overall (81.25 + 2·50) / 3.
    ['full', { A1: 5, A2: 2, B1: 'na', B2: 3 }, [81.25, 50], 181.25 / 3],
    // Nothing answered in p1: no score, and the overall is p0's alone.
    ['full', { A1: 5, A2: 2, B1: 'na' }, [81.25, Number.NaN], 81.25],
    // Less than half of p0's weight (1 of 4): no score.
    ['full', { A1: 1, B1: 4, B2: 4 }, [Number.NaN, 75], 75],
    ['full', {}, [Number.NaN, Number.NaN], Number.NaN],
    // The quick form asks A2 and B1 only.
    ['quick', { A1: 1, A2: 1, B1: 5 }, [100, 100], 100],
  ] as const)('%s form, %j', (form, answers, pillars, overall) => {
    expect(scored(bank, form, answers)).toEqual({ overall, pillars });
  });
});

const specArb = tinyBankArb([
  { min: 1, max: 5 },
  { min: 0, max: 10 },
  { min: -3, max: 3 },
  { min: 0, max: 1 },
]);
const caseArb = specArb.chain((spec) => {
  const { min, max } = spec.scale ?? { min: 1, max: 5 };
  const value = fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 4 }, { arbitrary: fc.constant<AnswerValue>('na'), weight: 1 });
  const ids = spec.pillars.flatMap((p) => p.questions.map((q) => q.id));
  const answers = fc.record(Object.fromEntries(ids.map((id) => [id, value])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, AnswerValue>>;
  return fc.tuple(fc.constant(tinyBank(spec)), answers, fc.constantFrom<Form>('full', 'quick'));
});

describe('FormScorer: the same figures as scoreRespondent', () => {
  it('to the bit, on any bank, weights, scale and answers (some left out)', () => {
    fc.assert(
      fc.property(caseArb, ([bank, answers, form]) => {
        const want = scoreRespondent(bank, form, answers);
        expect(scored(bank, form, answers)).toEqual({ overall: want.overall ?? Number.NaN, pillars: want.pillars.map((p) => p.score ?? Number.NaN) });
      }),
      { numRuns: 500 },
    );
  });
});
