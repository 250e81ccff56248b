import { describe, expect, it } from 'vitest';
import type { AnswerValue, Response } from '../../../../src/core/answers.js';
import type { Form } from '../../../../src/core/bank.js';
import { answerLabel, buildSingleReport } from '../../../../src/core/report/single/build.js';
import { singleReportSchema } from '../../../../src/core/report/single/schema.js';
import type { NextStep } from '../../../../src/core/report/stamps.js';
import { scoreRespondent } from '../../../../src/core/scoring.js';
import { tinyBank, type TinyBank, type TinyPillar } from '../../../helpers/tiny-bank.js';

const TAKEN_AT = '2026-03-04T05:06:07+01:00';

/** A pillar of three questions X1..X3 with owners and actions of its own, and one advice per band (unless given). */
function pillar(id: string, extra: Partial<TinyPillar> = {}): TinyPillar {
  const owners = ['sales', 'marketing', 'leadership'] as const;
  return {
    id,
    questions: owners.map((owner, i) => ({ id: `${id.toUpperCase()}${i + 1}`, owner, action: `${owner}: fix ${id}${i + 1}`, quick: i === 0 })),
    ...extra,
  };
}

function report(spec: TinyBank, answers: Record<string, AnswerValue>, form: Form = 'full') {
  const bank = tinyBank(spec);
  const response: Response = { respondent: { role: 'sales', name: 'Dana', team: 'EMEA' }, answers };
  return buildSingleReport(bank, response, scoreRespondent(bank, form, answers), TAKEN_AT);
}

const step = (pillarId: string, questionId: string | null, owner: NextStep['owner'], action: string) => ({ pillar: pillarId, questionId, owner, action });
const steps = (r: ReturnType<typeof report>) => r.nextSteps.map(({ pillar: p, questionId, owner, action }) => step(p, questionId, owner, action));

const threePillars: TinyBank = { pillars: [pillar('p'), pillar('q'), pillar('r')] };
// p: P1 2 → 25, P2 4 → 75, P3 1 → 0: 100/3 = 33.3 (low)
// q: Q1 3 → 50, Q2 3 → 50, Q3 5 → 100: 200/3 = 66.7 (mid)
// r: everything 5 → 100 (high)
const mixed = { P1: 2, P2: 4, P3: 1, Q1: 3, Q2: 3, Q3: 5, R1: 5, R2: 5, R3: 5 };

describe('buildSingleReport', () => {
  it('stamps the bank, the form, the respondent and when it was taken, and validates against the result schema', () => {
    const r = report(threePillars, mixed);
    expect(singleReportSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      schemaVersion: 1,
      kind: 'single',
      bank: { id: 'tiny', title: 'Tiny bank', version: '1.0.0' },
      form: 'full',
      takenAt: TAKEN_AT,
      respondent: { role: 'sales', name: 'Dana', team: 'EMEA' },
    });
    expect(r.bank.hash).toBe(tinyBank(threePillars).hash);
    expect(report(threePillars, mixed, 'quick').form).toBe('quick');
  });

  it('gives the overall score and every pillar its band id and label, and the advice of that band', () => {
    const r = report(threePillars, mixed);
    // (100/3 + 200/3 + 100) / 3 = 600/9 = 66.7 → mid
    expect(r.overall.score).toBeCloseTo(600 / 9, 9);
    expect(r.overall.band).toEqual({ id: 'mid', label: 'mid band' });
    expect(r.pillars.map((p) => [p.id, p.band, p.advice])).toEqual([
      ['p', { id: 'low', label: 'low band' }, ['p advice for low']],
      ['q', { id: 'mid', label: 'mid band' }, ['q advice for mid']],
      ['r', { id: 'high', label: 'high band' }, ['r advice for high']],
    ]);
  });

  it('gives a pillar without a score no band and no advice, and the overall none when nothing scored', () => {
    const allNa = Object.fromEntries(Object.keys(mixed).map((id) => [id, 'na' as const]));
    const r = report(threePillars, allNa);
    expect(r.overall).toEqual({ score: null, band: null });
    expect(r.pillars.map((p) => [p.score, p.band, p.advice])).toEqual([
      [null, null, []],
      [null, null, []],
      [null, null, []],
    ]);
    expect(r.weakestPillar).toBeNull();
    expect(r.lowestItems).toEqual([]);
  });

  it('names the weakest scored pillar; the first in bank order on a tie; never an unscored one', () => {
    expect(report(threePillars, mixed).weakestPillar).toBe('p');
    expect(report(threePillars, { ...mixed, P1: 3, P2: 3, P3: 5 }).weakestPillar).toBe('p'); // p and q both 200/3
    expect(report(threePillars, { ...mixed, P1: 'na', P2: 'na' }).weakestPillar).toBe('q'); // p has no score
  });

  it('lists at most five lowest items, lowest first, bank order on ties, na left out', () => {
    // scored: P1 25, P2 75, P3 0, Q1 50, Q2 50, Q3 100, R1..R3 100
    expect(report(threePillars, mixed).lowestItems).toEqual(['P3', 'P1', 'Q1', 'Q2', 'P2']);
    expect(report(threePillars, { ...mixed, P3: 'na' }).lowestItems).toEqual(['P1', 'Q1', 'Q2', 'P2', 'Q3']);
  });

  it('keeps every asked item with its text, value and score, and only those of the form', () => {
    const r = report(threePillars, mixed, 'quick');
    expect(r.items).toEqual([
      { id: 'P1', pillar: 'p', text: 'Statement P1.', reverse: false, weight: 1, value: 2, score: 25 },
      { id: 'Q1', pillar: 'q', text: 'Statement Q1.', reverse: false, weight: 1, value: 3, score: 50 },
      { id: 'R1', pillar: 'r', text: 'Statement R1.', reverse: false, weight: 1, value: 5, score: 100 },
    ]);
  });
});

describe('next steps', () => {
  it("starts with the weakest pillar's lowest items, with the owner and action the bank gives them", () => {
    const r = report(threePillars, mixed);
    // p (33.3): P3 0, P1 25; q (66.7): Q1 50, Q2 50; r (100): nothing below the top band (70)
    expect(steps(r)).toEqual([
      step('p', 'P3', 'leadership', 'leadership: fix p3'),
      step('p', 'P1', 'sales', 'sales: fix p1'),
      step('q', 'Q1', 'sales', 'sales: fix q1'),
      step('q', 'Q2', 'marketing', 'marketing: fix q2'),
    ]);
    expect(r.nextSteps[0]?.reason).toBe('You answered "label 1" to "Statement P3."');
  });

  it('stops at five', () => {
    const fourLow = { pillars: [pillar('p'), pillar('q'), pillar('r'), pillar('s')] };
    const answers = { P1: 2, P2: 2, P3: 2, Q1: 1, Q2: 1, Q3: 1, R1: 3, R2: 1, R3: 2, S1: 1, S2: 2, S3: 3 };
    // q 0 < p 25 = r 25 < s 25: q's two lowest, then p's, then r's lowest
    expect(steps(report(fourLow, answers)).map((s) => s.questionId)).toEqual(['Q1', 'Q2', 'P1', 'P2', 'R2']);
  });

  it('fills up to three with advice, weakest pillar first, when few items are below the top band', () => {
    // p: P1 1 → 0, others 100: 200/3 = 66.7, one item below 70.  q and r 100.
    const r = report(threePillars, { ...mixed, P1: 1, P2: 5, P3: 5, Q1: 5, Q2: 5 });
    expect(steps(r)).toEqual([
      step('p', 'P1', 'sales', 'sales: fix p1'),
      step('p', null, 'both', 'p advice for mid'),
      step('q', null, 'both', 'q advice for high'),
    ]);
    expect(r.nextSteps[1]?.reason).toBe('Pillar p is mid band.');
  });

  it("fills up with each pillar's second and third advice when the first ones are not enough", () => {
    const advice = (id: string) => ({ low: [`${id} low`], mid: [`${id} mid`], high: [`${id} high 1`, `${id} high 2`, `${id} high 3`] });
    const one = report({ pillars: [pillar('p', { advice: advice('p') })] }, { P1: 5, P2: 5, P3: 5 });
    expect(steps(one).map((s) => s.action)).toEqual(['p high 1', 'p high 2', 'p high 3']);
    const two = report({ pillars: [pillar('p', { advice: advice('p') }), pillar('q', { advice: advice('q') })] }, { P1: 5, P2: 5, P3: 5, Q1: 5, Q2: 5, Q3: 5 });
    expect(steps(two).map((s) => s.action)).toEqual(['p high 1', 'q high 1', 'p high 2']);
  });

  it('asks to find out first about a pillar with too few answers to score', () => {
    const r = report(threePillars, { ...mixed, Q1: 'na', Q2: 'na' });
    expect(steps(r)[0]).toEqual(step('q', null, 'both', 'Find out how Pillar q works today: ask the other team to walk you through it.'));
    expect(r.nextSteps[0]?.reason).toBe(`2 of 3 Pillar q questions were answered "Don't know": not enough answers to score it, which is itself a finding.`);
    expect(
      steps(r)
        .slice(1)
        .map((s) => s.questionId),
    ).toEqual(['P3', 'P1']);
    expect(r.nextSteps.length).toBeGreaterThanOrEqual(3);
  });

  it('says nothing about a pillar that the form does not ask about', () => {
    const quickless = { pillars: [pillar('p'), { id: 'q', questions: [{ id: 'Q1' }] }] };
    const r = report(quickless, { P1: 1 }, 'quick');
    expect(r.pillars[1]).toMatchObject({ id: 'q', asked: 0, score: null });
    expect(r.nextSteps.map((s) => s.pillar)).not.toContain('q');
  });

  it('always gives 3 to 5 steps on the built-in shape of bank (three advice per band)', () => {
    const advice = (id: string) => Object.fromEntries(['low', 'mid', 'high'].map((b) => [b, [1, 2, 3].map((n) => `${id} ${b} ${n}`)]));
    const bank: TinyBank = { pillars: ['p', 'q'].map((id) => pillar(id, { advice: advice(id) })) };
    for (const value of [1, 2, 3, 4, 5, 'na'] as const) {
      for (const form of ['full', 'quick'] as const) {
        const n = report(bank, { P1: value, P2: value, P3: value, Q1: value, Q2: value, Q3: value }, form).nextSteps.length;
        expect(n, `${value} ${form}`).toBeGreaterThanOrEqual(value === 'na' ? 2 : 3); // all na: one "find out" per pillar
        expect(n).toBeLessThanOrEqual(5);
      }
    }
  });
});

describe('answerLabel', () => {
  const bank = tinyBank({ scale: { min: 0, max: 2 }, pillars: [pillar('p')] });
  it.each([
    { value: 0, label: 'label 0' },
    { value: 2, label: 'label 2' },
    { value: 'na' as const, label: "Don't know" },
    { value: null, label: 'no answer' },
  ])('$value → $label', ({ value, label }) => {
    expect(answerLabel(bank, value)).toBe(label);
  });
});
