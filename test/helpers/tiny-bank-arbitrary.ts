import fc from 'fast-check';
import type { TinyBank } from './tiny-bank.js';

// Random banks for property tests of scoring: 1-4 pillars of 1-6 questions, on one of the given scales.

/** Any weight the schema allows, decimal ones included: they are where floating point bites. */
const weightArb = fc.oneof(fc.constantFrom(0.1, 0.2, 0.3, 0.5, 1, 1.5, 2, 3), fc.double({ min: 0.001, max: 1000, noNaN: true }));

export function tinyBankArb(scales: readonly { min: number; max: number }[]): fc.Arbitrary<TinyBank> {
  return fc
    .record({
      scale: fc.constantFrom(...scales),
      pillars: fc.array(
        fc.record({
          weight: weightArb,
          questions: fc.array(fc.record({ reverse: fc.boolean(), weight: weightArb, quick: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map(({ scale, pillars }) => ({
      scale,
      pillars: pillars.map((p, i) => ({ id: `p${i}`, weight: p.weight, questions: p.questions.map((q, j) => ({ id: `Q${i}_${j}`, ...q })) })),
    }));
}
