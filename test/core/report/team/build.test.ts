import { beforeAll, describe, expect, it } from 'vitest';
import { TeamData } from '../../../../src/core/aggregate.js';
import type { Bank } from '../../../../src/core/bank.js';
import { buildTeamReport } from '../../../../src/core/report/team/build.js';
import { teamReportSchema, type TeamReport } from '../../../../src/core/report/team/schema.js';
import { loadBank } from '../../../../src/io/load-bank.js';
import { MINI_BANK, respondent } from '../../../helpers/team.js';
import type { Response } from '../../../../src/core/answers.js';

// The mini bank: Talk (T1, T2 reversed) and Tools (K1, K2), a 1-5 scale, item score (v − 1) · 25.
// Six people, hand-scored:
//                 T1 T2 K1 K2   Talk  Tools  overall
//   sales 1        5  1  2  2    100     25     62.5
//   sales 2        4  2  1 na     75      0     37.5   (K2 na: half the weight answered, still scored)
//   sales 3        3  3  3  3     50     50     50
//   marketing 1    2  4  5  5     25    100     62.5
//   marketing 2    1  5  4  4      0     75     37.5
//   marketing 3   na na  5  4   null   87.5     87.5   (Talk: nothing answered)
const SIX: Response[] = [
  respondent('sales', { T1: 5, T2: 1, K1: 2, K2: 2 }),
  respondent('sales', { T1: 4, T2: 2, K1: 1, K2: 'na' }),
  respondent('sales', { T1: 3, T2: 3, K1: 3, K2: 3 }),
  respondent('marketing', { T1: 2, T2: 4, K1: 5, K2: 5 }),
  respondent('marketing', { T1: 1, T2: 5, K1: 4, K2: 4 }),
  respondent('marketing', { T1: 'na', T2: 'na', K1: 5, K2: 4 }),
];

// SIX with a clearer Tools statement gap: sales 3 answers K1 with 1 (K1: sales 25, 0, 0 v marketing 100, 75, 100).
const CLEAR: Response[] = SIX.map((r, i) => (i === 2 ? respondent('sales', { T1: 3, T2: 3, K1: 1, K2: 3 }) : r));

let bank: Bank;
beforeAll(async () => {
  bank = await loadBank(MINI_BANK);
});

function report(responses: readonly Response[], options: Partial<{ minGroup: number; showNames: boolean; agendaMinutes: number }> = {}): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: options.showNames ?? false });
  for (const r of responses) data.add(r);
  return buildTeamReport(data, { minGroup: 3, showNames: false, createdAt: '2024-05-01T10:00:00.000Z', ...options });
}

const near = (got: number | null | undefined, want: number) => {
  expect(got).not.toBeNull();
  expect(got as number).toBeCloseTo(want, 9);
};

describe('team figures, hand-computed', () => {
  it('scores the team and each role per pillar', () => {
    const r = report(SIX);
    const talk = r.pillars.find((p) => p.id === 'talk');
    const tools = r.pillars.find((p) => p.id === 'tools');
    expect(talk?.team).toMatchObject({ n: 5, mean: 50, median: 50, min: 0, max: 100 });
    near(talk?.team.sd, Math.sqrt(6250 / 4)); // deviations ±50, ±25, 0
    // Talk rests on 2 marketers (one answered nothing): marketing's figure is hidden, and so is
    // sales', since the team's 5 minus sales' 3 would give those 2 marketers' mean (12.5).
    expect(talk?.byRole.map((g) => [g.role, g.score.n, g.score.mean])).toEqual([
      ['sales', 3, null],
      ['marketing', 2, null],
    ]);
    expect(tools?.team).toMatchObject({ n: 6, mean: 56.25, median: 62.5, min: 0, max: 100 });
    expect(tools?.byRole.map((g) => [g.role, g.score.n, g.score.mean])).toEqual([
      ['sales', 3, 25],
      ['marketing', 3, 87.5],
    ]);
    expect(r.overall.team).toMatchObject({ n: 6, mean: 56.25, median: 56.25, min: 37.5, max: 87.5, band: { id: 'mid', label: 'Middling' } });
    // sales 3 answered 3 to everything
    expect(r.respondents).toEqual({
      total: 6,
      byRole: [
        { role: 'sales', n: 3 },
        { role: 'marketing', n: 3 },
      ],
      folded: [],
      excluded: 0,
      consented: [],
      straightLiners: 1,
      names: null,
    });
    expect(r.notes.some((n) => n.startsWith('1 respondent gave the same answer to every statement'))).toBe(true);
  });

  it('gives each gap its Welch interval, reads it as within or beyond noise, and sizes only what is beyond', () => {
    const gap = report(SIX).gaps.find((g) => g.id === 'sales-marketing');
    const talk = gap?.pillars.find((p) => p.pillar === 'talk');
    const tools = gap?.pillars.find((p) => p.pillar === 'tools');
    expect(talk).toMatchObject({
      a: null,
      b: null,
      verdict: 'not-enough',
      size: null,
      reading: 'Not enough answers from sales and marketing to compare Talk.',
    });
    // Tools: sales 25, 0, 50 against marketing 100, 75, 87.5. scipy 1.17.1 ttest_ind(equal_var=False):
    // p 0.03156223162567849, df 2.9411764705882355, 95% interval −114.44249378978131 to −10.557506210218698.
    expect(tools).toMatchObject({ a: 25, b: 87.5, nA: 3, nB: 3, gap: -62.5, g: null, separation: false, verdict: 'beyond-noise', size: null });
    near(tools?.low, -114.44249378978131);
    near(tools?.high, -10.557506210218698);
    near(tools?.df, 2.9411764705882355);
    near(tools?.p, 0.03156223162567849);
    // One correction over the comparison's 1 pillar and 1 statement with a p, 80 % of the budget on the
    // pillar: weights 1.6 and 0.4. Tools p/1.6 = 0.0197 ranks first: 0.0197 · 2/1 = 0.0395.
    near(tools?.pAdjusted, 0.03156223162567849 * 1.25);
    near(tools?.sureness, 10.557506210218698);
    near(tools?.sdA, 25); // 25, 0, 50
    near(tools?.sdB, 12.5); // 100, 75, 87.5
    // 25 − 87 (87.5 shown rounded down) = −62; the interval shown is cut at −100, where every difference of two scores lies.
    expect(tools?.reading).toBe('Sales rate Tools 62 points lower than marketing (25 v 87; 95% interval −100 to −10): beyond noise.');
    // Only K1 has enough answers on both sides (T1, T2: 2 marketers; K2: 2 salespeople).
    expect(gap?.items.map((i) => [i.item, i.verdict])).toEqual([
      ['K1', 'within-noise'],
      ['T1', 'not-enough'],
      ['T2', 'not-enough'],
      ['K2', 'not-enough'],
    ]);
    const k1 = gap?.items[0];
    // scipy: [25, 0, 50] v [100, 75, 100]: p 0.024817461725749553, interval −117.88048216188605 to −15.452851171447286
    near(k1?.low, -117.88048216188605);
    near(k1?.high, -15.452851171447286);
    // K1 p/0.4 = 0.0620 ranks second: 0.0620 · 2/2 = 0.0620, above 5 %: its interval excludes 0, the correction does not.
    near(k1?.pAdjusted, 0.024817461725749553 / 0.4);
    expect(k1?.reading).toBe(
      '“Our CRM is connected”: in sales 2 disagree, 1 is neutral; all 3 in marketing agree — within noise once all 2 gaps compared (1 pillar, 1 statement) are taken into account.',
    );
    const clear = report(CLEAR).gaps.find((g) => g.id === 'sales-marketing')?.items[0];
    expect(clear?.reading).toBe('“Our CRM is connected”: all 3 in sales disagree; all 3 in marketing agree — beyond noise.');
  });

  it('reports don’t-know rates per pillar and role, and the notable ones as findings', () => {
    const r = report(SIX);
    const talk = r.pillars.find((p) => p.id === 'talk');
    near(talk?.unknownRate, 2 / 12);
    expect(talk?.byRole.map((g) => g.unknownRate)).toEqual([0, 2 / 6]);
    expect(r.unknown.pillar).toBe('talk');
    expect(r.unknown.findings).toEqual([
      {
        pillar: 'talk',
        role: 'marketing',
        rate: 2 / 6,
        reading: "Marketing answered “Don't know” to 33% of the Talk questions: Talk is largely invisible to marketing.",
      },
    ]);
    expect(r.unknown.items).toEqual([]);
    const blind = report([...SIX.slice(0, 3), ...[1, 2, 3].map(() => respondent('marketing', { T1: 3, T2: 'na', K1: 2, K2: 4 }))]);
    expect(blind.unknown.items).toEqual([
      {
        item: 'T2',
        role: 'marketing',
        unknown: 3,
        of: 3,
        reading: "All 3 in marketing answered “Don't know” to “We rarely talk”: what it asks about is invisible to them.",
      },
    ]);
  });

  it('counts who agree, are neutral, disagree or do not know with each statement as worded', () => {
    const items = new Map(report(SIX).items.map((i) => [i.id, i]));
    // T2 (reverse-worded) answers: sales 1, 2, 3; marketing 4, 5, na
    expect(items.get('T2')?.stance).toEqual({ agree: 2, neutral: 1, disagree: 2, unknown: 1 });
    expect(items.get('T2')?.byRole.map((r) => [r.role, r.stance])).toEqual([
      ['sales', { agree: 0, neutral: 1, disagree: 2, unknown: 0 }],
      ['marketing', { agree: 2, neutral: 0, disagree: 0, unknown: 1 }],
    ]);
  });

  it('gives r_wg within each role, unclamped, from 5 answers on, polarised below 0', () => {
    const items = new Map(report(SIX).items.map((i) => [i.id, i]));
    expect(items.get('K2')?.byRole.map((r) => r.rwg)).toEqual([null, null]); // 2 and 3 answers
    near(items.get('K2')?.sd, 25 * Math.sqrt(1.3)); // team K2 answers 2, 3, 5, 4, 4: variance 5.2/4
    const five = report([
      ...[1, 2, 3, 4, 5].map((v, i) => respondent('sales', { T1: v, T2: 3, K1: 3, K2: [2, 3, 5, 4, 4][i] as number })),
      ...[1, 2, 3].map(() => respondent('marketing', { T1: 3, T2: 3, K1: 3, K2: 3 })),
    ]);
    const sales = (id: string) => five.items.find((i) => i.id === id)?.byRole.find((r) => r.role === 'sales');
    // σ²_EU for 5 options = 2. K2: variance 1.3 → 0.35. T1 answers 1..5: variance 2.5 → −0.25, polarised.
    near(sales('K2')?.rwg, 1 - 1.3 / 2);
    expect(sales('K2')?.polarised).toBe(false);
    near(sales('T1')?.rwg, -0.25);
    expect(sales('T1')?.polarised).toBe(true);
    expect(five.items.find((i) => i.id === 'T1')?.byRole.find((r) => r.role === 'marketing')?.rwg).toBeNull(); // 3 answers
  });

  it('shows Cronbach’s alpha only for pillars of 3 statements or more, and says why not', () => {
    const values = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
    const same = report(values.map((v, i) => respondent(i < 5 ? 'sales' : 'marketing', { T1: v, T2: 3, K1: v, K2: v })));
    expect(same.pillars.map((p) => p.alpha)).toEqual([null, null]);
    expect(same.pillars[0]?.alphaNote).toBe('Not shown: alpha needs at least 3 statements in a pillar (this form has 2).');
    // The figure itself: K1 = K2 = v is perfectly consistent, alpha 1.
    const data = new TeamData(bank, 'full', { keepNames: false });
    for (const [i, v] of values.entries()) data.add(respondent(i < 5 ? 'sales' : 'marketing', { T1: v, T2: 3, K1: v, K2: v }));
    const tools = data.questions.flatMap((q, k) => (q.pillar === 'tools' ? [k] : []));
    expect(data.alpha(tools)).toEqual({ complete: 10, alpha: 1 });
  });

  it('ranks the lowest items, and the statement gaps beyond noise', () => {
    const r = report(SIX);
    expect(r.disagreements).toEqual({ gap: 'sales-marketing', items: [] });
    expect(report(CLEAR).disagreements).toEqual({ gap: 'sales-marketing', items: ['K1'] });
    expect(r.lowestItems).toEqual(['T1', 'T2', 'K1', 'K2']); // 50, 50, 58.3, 65
    expect(r.weakestPillar).toBe('talk');
  });
});

describe('anonymity', () => {
  const withSmallGroup = [...SIX, respondent('leadership', { T1: 5, T2: 1, K1: 5, K2: 5 }), respondent('leadership', { T1: 5, T2: 1, K1: 5, K2: 5 })];

  it('folds a group smaller than --min-group into the team figures only', () => {
    const r = report(withSmallGroup);
    expect(r.respondents.total).toBe(8);
    expect(r.respondents.byRole.map((g) => g.role)).toEqual(['sales', 'marketing']);
    expect(r.respondents.folded).toEqual(['leadership']);
    // 2 leaders cannot hide among themselves: the team figures minus sales and marketing would be theirs.
    expect(r.respondents.excluded).toBe(2);
    expect(r.overall.team.n).toBe(6);
    const roles = new Set([
      ...r.pillars.flatMap((p) => p.byRole.map((g) => g.role)),
      ...r.items.flatMap((i) => i.byRole.map((g) => g.role)),
      ...r.overall.byRole.map((g) => g.role),
    ]);
    expect(roles).toEqual(new Set(['sales', 'marketing']));
    const leadership = r.gaps.find((g) => g.id === 'leadership-others');
    expect(leadership).toMatchObject({ shown: false, pillars: [], items: [] });
    expect(leadership?.reason).toBe(
      'Not shown: fewer than 3 people answered as leadership, and a group smaller than 3 (--min-group) is never shown on its own.',
    );
    expect(r.notes[0]).toContain('Fewer than 3 people answered as leadership');
    expect(r.notes).toContain(
      'The leadership − everyone else gap is not shown: fewer than 3 people answered as leadership, and a group smaller than 3 (--min-group) is never shown on its own.',
    );
  });

  it('hides the sales − marketing gap when either side is too small, and says why', () => {
    const r = report(SIX, { minGroup: 4 });
    expect(r.respondents.byRole).toEqual([]);
    expect(r.gaps.every((g) => !g.shown)).toBe(true);
    expect(r.disagreements).toEqual({ gap: null, items: [] });
    expect(r.gaps[0]?.reason).toBe(
      'Not shown: fewer than 4 people answered as sales and fewer than 4 people answered as marketing, and a group smaller than 4 (--min-group) is never shown on its own.',
    );
    // Without any gap beyond noise, the agenda is built on the lowest pillars.
    expect(r.agenda.blocks.map((b) => b.kind)).toEqual(
      ['opening', 'pillar', 'pillar', 'unknown', 'actions', 'close'].filter((k) => k !== 'unknown' || r.unknown.findings.length > 0),
    );
  });

  it('keeps names only with --show-names, sorted and apart from any figure', () => {
    const named = [respondent('sales', { T1: 1, T2: 1, K1: 1, K2: 1 }, 'Zoe'), respondent('sales', { T1: 1, T2: 1, K1: 1, K2: 1 }, 'Ann')];
    expect(report(named).respondents.names).toBeNull();
    expect(report(named, { showNames: true }).respondents.names).toEqual(['Ann', 'Zoe']);
  });
});

describe('next steps and agenda', () => {
  it.each([60, 90, 120])('fills a %i-minute agenda exactly, blocks back to back', (minutes) => {
    const agenda = report(SIX, { agendaMinutes: minutes }).agenda;
    expect(agenda.minutes).toBe(minutes);
    expect(agenda.blocks.reduce((sum, b) => sum + b.minutes, 0)).toBe(minutes);
    agenda.blocks.forEach((b, i) => expect(b.start).toBe(i === 0 ? 0 : (agenda.blocks[i - 1]?.start ?? 0) + (agenda.blocks[i - 1]?.minutes ?? 0)));
    expect(agenda.blocks[0]?.kind).toBe('opening');
    expect(agenda.blocks.at(-1)?.kind).toBe('close');
  });

  it('opens with the gaps beyond noise, turned into questions for the room', () => {
    const r = report(CLEAR);
    expect(r.agenda.blocks.map((b) => b.kind)).toEqual(['opening', 'gap', 'pillar', 'unknown', 'actions', 'close']);
    const first = r.agenda.blocks[1];
    expect(first?.items).toEqual(['K1']);
    expect(first?.prompts.slice(0, 3)).toEqual([
      'How true is this for us today: “Our CRM is connected”?',
      'All 3 in sales disagree: what does each side see that the other does not?',
      'What would have to change for both sides to agree with it?',
    ]);
  });

  it('takes 3 to 5 next steps from the bank, surest gaps first, with a step for the other side', () => {
    const steps = report(CLEAR).nextSteps;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(5);
    expect(steps[0]).toMatchObject({ questionId: 'K1', owner: 'marketing' });
  });

  it('gives the side that sees no problem a step too', () => {
    // Sales rate K2 (owned by sales) far lower than marketing: marketing gets a step as well.
    const r = report([
      ...[1, 2, 1].map((v) => respondent('sales', { T1: 3, T2: 3, K1: 3, K2: v })),
      ...[5, 4, 5].map((v) => respondent('marketing', { T1: 3, T2: 3, K1: 3, K2: v })),
    ]);
    expect(r.disagreements.items).toEqual(['K2']);
    expect(r.nextSteps.slice(0, 2).map((s) => [s.questionId, s.owner, s.action])).toEqual([
      ['K2', 'sales', 'Make one content folder.'],
      [null, 'marketing', 'Marketing: ask sales for two recent examples behind “Sales can find content”, and bring one change to the next joint meeting.'],
    ]);
  });

  it('is valid against its own schema', () => {
    expect(teamReportSchema.safeParse(report(SIX)).success).toBe(true);
  });
});
