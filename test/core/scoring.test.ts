import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/answers.js';
import { bandFor, type Form } from '../../src/core/bank.js';
import { itemScore, scoreRespondent, weightedMean, type RespondentScore } from '../../src/core/scoring.js';
import { tinyBank, type TinyBank } from '../helpers/tiny-bank.js';

/** Equal to 1e-9, or both null. */
function expectScore(got: number | null | undefined, want: number | null): void {
  if (want === null) {
    expect(got).toBeNull();
    return;
  }
  expect(got).toBeTypeOf('number');
  expect(got as number).toBeCloseTo(want, 9);
}

function pillar(score: RespondentScore, id: string) {
  const found = score.pillars.find((p) => p.id === id);
  if (!found) throw new Error(`no pillar ${id}`);
  return found;
}

describe('itemScore', () => {
  it.each([
    // scale 1..5: s = (v - 1) / 4 * 100
    { min: 1, max: 5, v: 1, reverse: false, want: 0 }, // 0/4*100
    { min: 1, max: 5, v: 2, reverse: false, want: 25 }, // 1/4*100
    { min: 1, max: 5, v: 3, reverse: false, want: 50 }, // 2/4*100
    { min: 1, max: 5, v: 4, reverse: false, want: 75 }, // 3/4*100
    { min: 1, max: 5, v: 5, reverse: false, want: 100 }, // 4/4*100
    { min: 1, max: 5, v: 1, reverse: true, want: 100 }, // 100 - 0
    { min: 1, max: 5, v: 2, reverse: true, want: 75 }, // 100 - 25
    { min: 1, max: 5, v: 5, reverse: true, want: 0 }, // 100 - 100
    // scale 0..10: s = v / 10 * 100
    { min: 0, max: 10, v: 0, reverse: false, want: 0 }, // 0/10*100
    { min: 0, max: 10, v: 7, reverse: false, want: 70 }, // 7/10*100
    { min: 0, max: 10, v: 10, reverse: false, want: 100 }, // 10/10*100
    { min: 0, max: 10, v: 3, reverse: true, want: 70 }, // 100 - 3/10*100
    { min: 0, max: 10, v: 10, reverse: true, want: 0 }, // 100 - 100
    // scale 1..7: s = (v - 1) / 6 * 100
    { min: 1, max: 7, v: 4, reverse: false, want: 50 }, // 3/6*100
    { min: 1, max: 7, v: 2, reverse: false, want: 100 / 6 }, // 1/6*100 = 16.666…
    { min: 1, max: 7, v: 2, reverse: true, want: 500 / 6 }, // 100 - 16.666… = 83.333…
    { min: 1, max: 7, v: 7, reverse: false, want: 100 }, // 6/6*100
    // a scale below zero, -2..2: s = (v + 2) / 4 * 100
    { min: -2, max: 2, v: 0, reverse: false, want: 50 }, // 2/4*100
    { min: -2, max: 2, v: -1, reverse: true, want: 75 }, // 100 - 1/4*100
    // two points, 0..1
    { min: 0, max: 1, v: 1, reverse: false, want: 100 }, // 1/1*100
    { min: 0, max: 1, v: 1, reverse: true, want: 0 }, // 100 - 100
  ])('$v on $min..$max, reverse $reverse → $want', ({ min, max, v, reverse, want }) => {
    expectScore(itemScore(v, { min, max }, reverse), want);
  });
});

describe('weightedMean', () => {
  it.each([
    { parts: [], want: null }, // nothing to average
    { parts: [{ value: 80, weight: 1 }], want: 80 },
    {
      parts: [
        { value: 100, weight: 1 },
        { value: 0, weight: 3 },
      ],
      want: 25,
    }, // (1*100 + 3*0) / 4
    {
      parts: [
        { value: 50, weight: 0.5 },
        { value: 80, weight: 1.5 },
      ],
      want: 72.5,
    }, // (25 + 120) / 2
  ])('$parts → $want', ({ parts, want }) => {
    expectScore(weightedMean(parts), want);
  });

  it('stays between its parts with decimal weights (sums that round up do not push it over 100)', () => {
    // Σ(w·100)/Σw for these weights is 100.00000000000004 in floating point, before clamping.
    const parts = [9.899999999999999, 0.2, 0.2, 0.2, 0.7].map((weight) => ({ value: 100, weight }));
    expect(weightedMean(parts)).toBe(100);
  });
});

// p: P1 (w1), P2 (reverse, w3), P3 (w2): asked weight 6, half is 3.  q (pillar weight 2): Q1, Q2 (w1 each).
const twoPillars: TinyBank = {
  pillars: [
    { id: 'p', questions: [{ id: 'P1' }, { id: 'P2', reverse: true, weight: 3 }, { id: 'P3', weight: 2 }] },
    { id: 'q', weight: 2, questions: [{ id: 'Q1' }, { id: 'Q2' }] },
  ],
};
const bank = tinyBank(twoPillars);
const score = (answers: Record<string, AnswerValue>, form: Form = 'full') => scoreRespondent(bank, form, answers);

interface Row {
  name: string;
  answers: Record<string, AnswerValue>;
  want: number | null;
  band: string | null;
}

describe('pillar score, unknown rate, overall (scale 1..5, bands 0/40/70)', () => {
  it.each<Row & { unknownRate: number }>([
    {
      name: 'all answered, weighted, one reversed',
      answers: { P1: 5, P2: 2, P3: 3 },
      // P1 5 → 100; P2 2 reversed → 100 - 25 = 75; P3 3 → 50.  (1*100 + 3*75 + 2*50) / 6 = 425/6 = 70.8333…
      want: 425 / 6,
      band: 'high',
      unknownRate: 0, // 0 na / 3 asked
    },
    {
      name: 'na on the heavy item: exactly half the weight answered is scored',
      answers: { P1: 5, P2: 'na', P3: 3 },
      // answered weight 1 + 2 = 3 = 6/2.  (1*100 + 2*50) / 3 = 200/3 = 66.666…
      want: 200 / 3,
      band: 'mid',
      unknownRate: 1 / 3, // 1 na / 3 asked
    },
    {
      name: 'only the heavy item answered: exactly half',
      answers: { P1: 'na', P2: 2, P3: 'na' },
      // answered weight 3 = 6/2.  3*75 / 3 = 75
      want: 75,
      band: 'high',
      unknownRate: 2 / 3,
    },
    {
      name: 'below half the weight answered → no score',
      answers: { P1: 'na', P2: 'na', P3: 1 },
      // answered weight 2 < 3
      want: null,
      band: null,
      unknownRate: 2 / 3,
    },
    {
      name: 'all na → no score',
      answers: { P1: 'na', P2: 'na', P3: 'na' },
      want: null,
      band: null,
      unknownRate: 1, // 3 / 3
    },
    {
      name: 'a score exactly at a band minimum belongs to that band',
      answers: { P1: 'na', P2: 5, P3: 5 },
      // P2 5 reversed → 100 - 100 = 0; P3 5 → 100.  (3*0 + 2*100) / 5 = 200/5 = 40 → mid, not low
      want: 40,
      band: 'mid',
      unknownRate: 1 / 3,
    },
  ])('$name', ({ answers, want, band, unknownRate }) => {
    const p = pillar(score({ ...answers, Q1: 3, Q2: 3 }), 'p');
    expectScore(p.score, want);
    expect(p.band).toBe(band);
    expectScore(p.unknownRate, unknownRate);
    expect(p.asked).toBe(3);
    expect(p.unknown).toBe(Object.values(answers).filter((v) => v === 'na').length);
    expect(p.answered).toBe(Object.values(answers).filter((v) => v !== 'na').length);
  });

  it.each<Row>([
    {
      name: 'pillars weighted by pillar weight',
      answers: { P1: 5, P2: 2, P3: 3, Q1: 4, Q2: 2 },
      // p = 425/6 = 70.833…; q = (75 + 25) / 2 = 50.  (1*425/6 + 2*50) / 3 = 1025/18 = 56.944…
      want: 1025 / 18,
      band: 'mid',
    },
    {
      name: 'a pillar without a score is skipped, not counted as 0',
      answers: { P1: 'na', P2: 'na', P3: 5, Q1: 4, Q2: 2 },
      // p: answered weight 2 < 3 → null; overall = q alone = 50
      want: 50,
      band: 'mid',
    },
    {
      name: 'every pillar without a score → no overall score',
      answers: { P1: 'na', P2: 'na', P3: 5, Q1: 'na', Q2: 'na' },
      want: null,
      band: null,
    },
    {
      name: 'top of the scale everywhere → 100',
      answers: { P1: 5, P2: 1, P3: 5, Q1: 5, Q2: 5 },
      // P2 1 reversed → 100 - 0; every item 100
      want: 100,
      band: 'high',
    },
  ])('overall: $name', ({ answers, want, band }) => {
    const result = score(answers);
    expectScore(result.overall, want);
    expect(result.band).toBe(band);
  });

  it('keeps every item of the form, in bank order, with its value and score', () => {
    const result = score({ P1: 5, P2: 'na', P3: 3, Q1: 1, Q2: 2 });
    expect(result.items).toEqual([
      { id: 'P1', pillar: 'p', value: 5, score: 100 },
      { id: 'P2', pillar: 'p', value: 'na', score: null },
      { id: 'P3', pillar: 'p', value: 3, score: 50 },
      { id: 'Q1', pillar: 'q', value: 1, score: 0 },
      { id: 'Q2', pillar: 'q', value: 2, score: 25 },
    ]);
  });
});

describe('the quick form', () => {
  // p: P1 quick (w1), P2 quick reversed (w3), P3 not quick; q (pillar weight 2): Q1 quick, Q2 not; r: nothing quick.
  const quickBank = tinyBank({
    pillars: [
      {
        id: 'p',
        questions: [
          { id: 'P1', quick: true },
          { id: 'P2', quick: true, reverse: true, weight: 3 },
          { id: 'P3', weight: 2 },
        ],
      },
      { id: 'q', weight: 2, questions: [{ id: 'Q1', quick: true }, { id: 'Q2' }] },
      { id: 'r', questions: [{ id: 'R1' }] },
    ],
  });
  const answers = { P1: 5, P2: 2, P3: 1, Q1: 4, Q2: 1, R1: 1 };

  it('scores only the quick questions', () => {
    const result = scoreRespondent(quickBank, 'quick', answers);
    expect(result.form).toBe('quick');
    // p: P1 5 → 100, P2 2 reversed → 75; P3 not asked.  (1*100 + 3*75) / 4 = 325/4 = 81.25
    expectScore(pillar(result, 'p').score, 81.25);
    // q: Q1 4 → 75
    expectScore(pillar(result, 'q').score, 75);
    // overall (1*81.25 + 2*75) / 3 = 231.25/3 = 77.0833…; r asks nothing and is skipped
    expectScore(result.overall, 231.25 / 3);
    expect(result.items.map((i) => i.id)).toEqual(['P1', 'P2', 'Q1']);
    expect(result.pillars.map((p) => p.asked)).toEqual([2, 1, 0]);
  });

  it('gives a pillar with no quick question no score and no unknown rate', () => {
    const r = pillar(scoreRespondent(quickBank, 'quick', answers), 'r');
    expect(r).toEqual({ id: 'r', score: null, band: null, asked: 0, answered: 0, unknown: 0, unknownRate: null });
  });

  it('counts the half weight within the form', () => {
    // quick p asks P1 (w1) and P2 (w3): half is 2.  P2 na → answered 1 < 2 → null.
    expect(pillar(scoreRespondent(quickBank, 'quick', { ...answers, P2: 'na' }), 'p').score).toBeNull();
    // full p asks weight 6, half 3: P1 + P3 answered = 3 → scored: (1*100 + 2*0) / 3 = 33.333…
    expectScore(pillar(scoreRespondent(quickBank, 'full', { ...answers, P2: 'na' }), 'p').score, 100 / 3);
  });
});

describe('bands', () => {
  const bands = [
    { id: 'low', label: 'Low', min: 0 },
    { id: 'mid', label: 'Mid', min: 40 },
    { id: 'high', label: 'High', min: 70 },
  ];
  it.each([
    { score: 0, band: 'low' },
    { score: 39.999, band: 'low' },
    { score: 40, band: 'mid' }, // exactly at a band's min: that band
    { score: 69.5, band: 'mid' },
    { score: 70, band: 'high' },
    { score: 100, band: 'high' },
  ])('$score → $band', ({ score: s, band }) => {
    expect(bandFor(bands, s).id).toBe(band);
  });

  it('puts scores that are exactly at a boundary on the 0..10 scale into the upper band', () => {
    const tenPoint = tinyBank({
      scale: { min: 0, max: 10 },
      pillars: [
        { id: 'p', questions: [{ id: 'A' }] },
        { id: 'q', questions: [{ id: 'B' }] },
      ],
    });
    const result = scoreRespondent(tenPoint, 'full', { A: 4, B: 7 });
    expect(result.pillars.map((p) => [p.score, p.band])).toEqual([
      [40, 'mid'], // 4/10*100
      [70, 'high'], // 7/10*100
    ]);
    expect(result.band).toBe('mid'); // (40 + 70) / 2 = 55
  });

  it('puts a pillar that is 40 with decimal weights into the 40 band, though floating point makes it 39.99999999999999', () => {
    const decimal = tinyBank({
      scale: { min: 1, max: 3 },
      pillars: [{ id: 'p', questions: [0.2, 0.9, 0.1, 0.1, 0.2].map((weight, i) => ({ id: `D${i}`, weight })) }],
    });
    // scores 0, 50, 50, 0, 50: (0.9*50 + 0.1*50 + 0.2*50) / 1.5 = 60/1.5 = 40
    const result = scoreRespondent(decimal, 'full', { D0: 1, D1: 2, D2: 2, D3: 1, D4: 2 });
    expectScore(result.pillars[0]?.score, 40);
    expect(result.pillars[0]?.band).toBe('mid');
  });

  it('scores a pillar with exactly half of its decimal weights answered, though 0.1 + 0.2 + 0.3 > 0.6 in floating point', () => {
    const decimal = tinyBank({ pillars: [{ id: 'p', questions: [0.1, 0.2, 0.3].map((weight, i) => ({ id: `D${i}`, weight })) }] });
    // answered 0.3 = 0.6 / 2 → scored: 4 → 75
    expectScore(scoreRespondent(decimal, 'full', { D0: 'na', D1: 'na', D2: 4 }).pillars[0]?.score, 75);
  });
});
