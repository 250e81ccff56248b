import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/answers.js';
import { bandFor, type Bank, type Form } from '../../src/core/bank.js';
import { itemScore, scoreRespondent, type RespondentScore } from '../../src/core/scoring.js';
import { tinyBank, type TinyBank, type TinyPillar } from '../helpers/tiny-bank.js';
import { tinyBankArb } from '../helpers/tiny-bank-arbitrary.js';

type Answers = Record<string, AnswerValue>;

const scales = [
  { min: 1, max: 5 },
  { min: 0, max: 10 },
  { min: 1, max: 7 },
  { min: -3, max: 3 },
  { min: 0, max: 1 },
];
const specArb = tinyBankArb(scales);

function answersArb(spec: TinyBank): fc.Arbitrary<Answers> {
  const { min, max } = spec.scale ?? { min: 1, max: 5 };
  const value = fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 3 }, { arbitrary: fc.constant<AnswerValue>('na'), weight: 1 });
  return fc.record(Object.fromEntries(spec.pillars.flatMap((p) => p.questions.map((q) => [q.id, value]))));
}

const caseArb = specArb.chain((spec) => fc.tuple(fc.constant(spec), answersArb(spec), fc.constantFrom<Form>('full', 'quick')));

/** Within 1e-9 (different summation orders round differently), or both null. */
function near(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9;
}

function scoresById(score: RespondentScore): Map<string, number | null> {
  return new Map(score.pillars.map((p) => [p.id, p.score]));
}

function pillarScore(score: RespondentScore, id: string): number | null {
  return score.pillars.find((p) => p.id === id)?.score ?? null;
}

function mapQuestions(spec: TinyBank, f: (pillar: TinyPillar) => TinyPillar): TinyBank {
  return { ...spec, pillars: spec.pillars.map(f) };
}

function flipReverse(spec: TinyBank): TinyBank {
  return mapQuestions(spec, (p) => ({ ...p, questions: p.questions.map((q) => ({ ...q, reverse: !q.reverse })) }));
}

function questionOf(spec: TinyBank, id: string) {
  return spec.pillars.flatMap((p) => p.questions.map((q) => ({ ...q, pillar: p.id }))).find((q) => q.id === id);
}

describe('scoring invariants', () => {
  it('keeps every score in [0, 100]', () => {
    fc.assert(
      fc.property(caseArb, ([spec, answers, form]) => {
        const result = scoreRespondent(tinyBank(spec), form, answers);
        const figures = [result.overall, ...result.pillars.map((p) => p.score), ...result.items.map((i) => i.score)];
        for (const figure of figures) if (figure !== null) expect(figure >= 0 && figure <= 100, `${figure}`).toBe(true);
        for (const p of result.pillars) if (p.unknownRate !== null) expect(p.unknownRate >= 0 && p.unknownRate <= 1).toBe(true);
      }),
    );
  });

  it('never lowers a pillar or the overall score when an answer to a normal item goes up, nor when one to a reverse item goes down', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), ([spec, answers, form], pick, step) => {
        const bank = tinyBank(spec);
        const { min, max } = bank.scale;
        const movable = Object.entries(answers).filter(([, v]) => typeof v === 'number');
        fc.pre(movable.length > 0);
        const [id, value] = movable[pick % movable.length] as [string, number];
        const question = questionOf(spec, id);
        if (!question) throw new Error(`no question ${id}`);
        // Towards the aligned end: up for a normal item, down for a reverse one.
        const room = question.reverse ? value - min : max - value;
        fc.pre(room > 0);
        const moved = question.reverse ? value - (1 + (step % room)) : value + 1 + (step % room);

        const before = scoreRespondent(bank, form, answers);
        const after = scoreRespondent(bank, form, { ...answers, [id]: moved });
        const [b, a] = [pillarScore(before, question.pillar), pillarScore(after, question.pillar)];
        expect(a === null).toBe(b === null);
        if (a !== null && b !== null) expect(a).toBeGreaterThanOrEqual(b);
        if (after.overall !== null && before.overall !== null) expect(after.overall).toBeGreaterThanOrEqual(before.overall);
      }),
    );
  });

  it('reversing every item twice changes nothing', () => {
    fc.assert(
      fc.property(caseArb, ([spec, answers, form]) => {
        expect(scoreRespondent(tinyBank(flipReverse(flipReverse(spec))), form, answers)).toEqual(scoreRespondent(tinyBank(spec), form, answers));
      }),
    );
  });

  it('scores a reversed item answered v like the normal item answered min + max - v (and vice versa)', () => {
    fc.assert(
      fc.property(caseArb, ([spec, answers, form]) => {
        const { min, max } = spec.scale ?? { min: 1, max: 5 };
        const mirrored = Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, v === 'na' ? v : min + max - v]));
        const original = scoreRespondent(tinyBank(spec), form, answers);
        const flipped = scoreRespondent(tinyBank(flipReverse(spec)), form, mirrored);
        expect(near(flipped.overall, original.overall)).toBe(true);
        flipped.pillars.forEach((p, i) => expect(near(p.score, original.pillars[i]?.score)).toBe(true));
        flipped.items.forEach((item, i) => expect(near(item.score, original.items[i]?.score)).toBe(true));
        for (let v = min; v <= max; v++) expect(itemScore(v, { min, max }, true)).toBeCloseTo(100 - itemScore(v, { min, max }, false), 9);
      }),
    );
  });

  it('does not depend on the order of pillars or of questions', () => {
    fc.assert(
      fc.property(
        caseArb.chain(([spec, answers, form]) => {
          const shuffledPillars = spec.pillars.map((p) =>
            fc.shuffledSubarray(p.questions, { minLength: p.questions.length, maxLength: p.questions.length }).map((questions) => ({ ...p, questions })),
          );
          return fc.tuple(
            fc.constant(spec),
            fc.constant(answers),
            fc.constant(form),
            fc.tuple(...shuffledPillars).chain((pillars) => fc.shuffledSubarray(pillars, { minLength: pillars.length, maxLength: pillars.length })),
          );
        }),
        ([spec, answers, form, pillars]) => {
          const original = scoreRespondent(tinyBank(spec), form, answers);
          const shuffled = scoreRespondent(tinyBank({ ...spec, pillars }), form, answers);
          expect(near(shuffled.overall, original.overall)).toBe(true);
          expect(shuffled.band).toBe(original.band);
          const before = new Map(original.pillars.map((p) => [p.id, p]));
          for (const p of shuffled.pillars) {
            const o = before.get(p.id);
            expect(near(p.score, o?.score ?? null)).toBe(true);
            expect([p.asked, p.answered, p.unknown, p.unknownRate]).toEqual([o?.asked, o?.answered, o?.unknown, o?.unknownRate]);
          }
        },
      ),
    );
  });

  it('treats na like a question not asked, as long as at least half of the weight is still answered', () => {
    // Not "na never changes the score": na drops the item from the mean, which moves the mean unless the item
    // scored exactly the mean. What holds: the pillar scores as if the na questions were not in the bank.
    fc.assert(
      fc.property(caseArb, ([spec, answers]) => {
        const full = scoreRespondent(tinyBank(spec), 'full', answers);
        const withoutNa = mapQuestions(spec, (p) => ({ ...p, questions: p.questions.filter((q) => answers[q.id] !== 'na') }));
        const kept = withoutNa.pillars.filter((p) => p.questions.length > 0);
        fc.pre(kept.length > 0);
        const reduced = scoresById(scoreRespondent(tinyBank({ ...withoutNa, pillars: kept }), 'full', answers));
        for (const p of full.pillars) {
          if (p.score === null) continue;
          expect(near(p.score, reduced.get(p.id) ?? null)).toBe(true);
        }
      }),
    );
  });

  it('is the same whether a pillar has no score or is not in the bank at all', () => {
    fc.assert(
      fc.property(caseArb, ([spec, answers, form]) => {
        const result = scoreRespondent(tinyBank(spec), form, answers);
        const scored = new Set(result.pillars.filter((p) => p.score !== null).map((p) => p.id));
        fc.pre(scored.size > 0);
        const onlyScored = scoreRespondent(tinyBank({ ...spec, pillars: spec.pillars.filter((p) => scored.has(p.id)) }), form, answers);
        expect(near(onlyScored.overall, result.overall)).toBe(true);
      }),
    );
  });

  it('scores the quick form like the full form of a bank of only the quick questions', () => {
    fc.assert(
      fc.property(caseArb, ([spec, answers]) => {
        const quickOnly = mapQuestions(spec, (p) => ({ ...p, questions: p.questions.filter((q) => q.quick) }));
        const kept = quickOnly.pillars.filter((p) => p.questions.length > 0);
        fc.pre(kept.length > 0);
        const quick = scoreRespondent(tinyBank(spec), 'quick', answers);
        const full = scoreRespondent(tinyBank({ ...quickOnly, pillars: kept }), 'full', answers);
        expect(near(quick.overall, full.overall)).toBe(true);
        const fullById = new Map(full.pillars.map((p) => [p.id, p]));
        for (const p of quick.pillars) {
          const f = fullById.get(p.id);
          if (f === undefined) expect(p).toMatchObject({ asked: 0, score: null, unknownRate: null });
          else expect(near(p.score, f.score) && p.unknownRate === f.unknownRate).toBe(true);
        }
      }),
    );
  });

  it('counts the unknown rate as na answers over questions asked, whatever the other values', () => {
    fc.assert(
      fc.property(caseArb, ([spec, answers, form]) => {
        const bank: Bank = tinyBank(spec);
        for (const p of scoreRespondent(bank, form, answers).pillars) {
          const asked = bank.pillars.find((x) => x.id === p.id)?.questions.filter((q) => form === 'full' || q.quick) ?? [];
          const na = asked.filter((q) => answers[q.id] === 'na').length;
          expect(p.unknownRate).toBe(asked.length === 0 ? null : na / asked.length);
        }
      }),
    );
  });

  it('gives a score the band with the highest min it reaches', () => {
    const bandsArb = fc
      .uniqueArray(fc.double({ min: 0.5, max: 100, noNaN: true }), { maxLength: 5 })
      .map((mins) => [0, ...mins.sort((a, b) => a - b)].map((min, i) => ({ id: `b${i}`, label: `B${i}`, min })));
    fc.assert(
      fc.property(bandsArb, fc.double({ min: 0, max: 100, noNaN: true }), (bands, s) => {
        // Closer to a boundary than 1e-6 but not on it: within the rounding tolerance, see tolerance.ts.
        fc.pre(bands.every((b) => b.min === s || Math.abs(b.min - s) > 1e-6));
        const expected = bands.filter((b) => b.min <= s).at(-1);
        expect(bandFor(bands, s).id).toBe(expected?.id);
      }),
    );
  });
});
