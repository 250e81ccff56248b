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
    expect(talk?.byRole.map((g) => [g.role, g.score.n, g.score.mean])).toEqual([
      ['sales', 3, 75],
      ['marketing', 2, 12.5],
    ]);
    near(talk?.byRole[0]?.score.sd, 25);
    expect(tools?.team).toMatchObject({ n: 6, mean: 56.25, median: 62.5, min: 0, max: 100 });
    expect(r.overall.team).toMatchObject({ n: 6, mean: 56.25, median: 56.25, min: 37.5, max: 87.5, band: { id: 'mid', label: 'Middling' } });
    expect(r.respondents).toEqual({ total: 6, byRole: [{ role: 'sales', n: 3 }, { role: 'marketing', n: 3 }], folded: [], names: null });
  });

  it('computes the sales − marketing gap with Hedges g and reads it in plain words', () => {
    const gap = report(SIX).gaps.find((g) => g.id === 'sales-marketing');
    const talk = gap?.pillars.find((p) => p.pillar === 'talk');
    const tools = gap?.pillars.find((p) => p.pillar === 'tools');
    expect(talk).toMatchObject({ a: 75, b: 12.5, gap: 62.5, size: 'large' });
    // pooled variance ((3−1)·625 + (2−1)·312.5) / 3, J = 1 − 3/(4·5 − 9)
    near(talk?.g, (62.5 / Math.sqrt(1562.5 / 3)) * (1 - 3 / 11));
    expect(talk?.reading).toBe('Sales rate Talk 63 points higher than marketing — a large gap.');
    expect(tools).toMatchObject({ a: 25, b: 87.5, gap: -62.5, size: 'large' });
    expect(tools?.reading).toBe('Sales rate Tools 63 points lower than marketing — a large gap.');
    // K1: sales 25, marketing 91.7; T1 and T2: 75 against 12.5; K2: 37.5 against 83.3
    expect(gap?.items.map((i) => i.item)).toEqual(['K1', 'T1', 'T2', 'K2']);
  });

  it('reports don’t-know rates per pillar and role, and the notable ones as findings', () => {
    const r = report(SIX);
    const talk = r.pillars.find((p) => p.id === 'talk');
    near(talk?.unknownRate, 2 / 12);
    expect(talk?.byRole.map((g) => g.unknownRate)).toEqual([0, 2 / 6]);
    expect(r.unknown.pillar).toBe('talk');
    expect(r.unknown.findings).toEqual([
      { pillar: 'talk', role: 'marketing', rate: 2 / 6, reading: 'Marketing answered “Don\'t know” to 33% of the Talk questions: Talk is largely invisible to marketing.' },
    ]);
  });

  it('gives per-item sd and r_wg against the uniform null', () => {
    const items = new Map(report(SIX).items.map((i) => [i.id, i]));
    // K2 answers 2, 3, 5, 4, 4: variance 5.2/4 = 1.3; σ²_EU for 5 options = 2
    near(items.get('K2')?.rwg, 1 - 1.3 / 2);
    near(items.get('K2')?.sd, 25 * Math.sqrt(1.3));
    // T1 answers 5..1: variance 2.5 exceeds the null's 2, r_wg = 1 − 2.5/2, not truncated
    near(items.get('T1')?.rwg, -0.25);
    expect(items.get('K2')?.unknownRate).toBe(1 / 6);
  });

  it('shows Cronbach’s alpha only from 10 complete respondents on', () => {
    expect(report(SIX).pillars.map((p) => p.alpha)).toEqual([null, null]);
    // Ten respondents with K1 = K2 = v: items perfectly consistent, alpha 1; with K2 = 6 − v, alpha strongly negative.
    const values = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
    const same = report(values.map((v, i) => respondent(i < 5 ? 'sales' : 'marketing', { T1: v, T2: 3, K1: v, K2: v })));
    const tools = same.pillars.find((p) => p.id === 'tools');
    expect(tools?.completeRespondents).toBe(10);
    near(tools?.alpha, 1);
    // T1 varies, T2 is constant: item variances 625·2.2222 and 0, total variance the same: α = 2·(1 − 1) = 0
    near(same.pillars.find((p) => p.id === 'talk')?.alpha, 0);
  });

  it('ranks the lowest items and the biggest disagreements', () => {
    const r = report(SIX);
    expect(r.disagreements).toEqual({ gap: 'sales-marketing', items: ['K1', 'T1', 'T2', 'K2'] });
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
    expect(r.overall.team.n).toBe(8);
    const roles = new Set([...r.pillars.flatMap((p) => p.byRole.map((g) => g.role)), ...r.items.flatMap((i) => i.byRole.map((g) => g.role)), ...r.overall.byRole.map((g) => g.role)]);
    expect(roles).toEqual(new Set(['sales', 'marketing']));
    const leadership = r.gaps.find((g) => g.id === 'leadership-others');
    expect(leadership).toMatchObject({ shown: false, pillars: [], items: [] });
    expect(leadership?.reason).toBe('Not shown: fewer than 3 people answered as leadership, and a group smaller than 3 (--min-group) is never shown on its own.');
    expect(r.notes[0]).toContain('Fewer than 3 people answered as leadership');
  });

  it('hides the sales − marketing gap when either side is too small, and says why', () => {
    const r = report(SIX, { minGroup: 4 });
    expect(r.respondents.byRole).toEqual([]);
    expect(r.gaps.every((g) => !g.shown)).toBe(true);
    expect(r.disagreements).toEqual({ gap: null, items: [] });
    expect(r.gaps[0]?.reason).toBe('Not shown: fewer than 4 people answered as sales and fewer than 4 people answered as marketing, and a group smaller than 4 (--min-group) is never shown on its own.');
    // Without any gap, the agenda discusses where individual answers spread most.
    expect(r.agenda.blocks.some((b) => b.kind === 'agreement')).toBe(true);
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

  it('opens with the largest gaps, turned into questions for the room', () => {
    const r = report(SIX);
    expect(r.agenda.blocks.map((b) => b.kind)).toEqual(['opening', 'gap', 'gap', 'gap', 'pillar', 'unknown', 'actions', 'close']);
    const first = r.agenda.blocks[1];
    expect(first?.items).toEqual(['K1']);
    expect(first?.prompts.slice(0, 3)).toEqual([
      'How true is this for us today: “Our CRM is connected”?',
      'Sales rate it 25/100, marketing 91/100: what does each side see that the other does not?',
      'What would have to change for both sides to agree with it?',
    ]);
    // T2 is reverse-worded: alignment means disagreeing with it.
    expect(r.agenda.blocks[3]?.items).toEqual(['T2']);
    expect(r.agenda.blocks[3]?.prompts[2]).toBe('What would have to change for both sides to disagree with it?');
  });

  it('takes 3 to 5 next steps from the bank, largest gaps first', () => {
    const steps = report(SIX).nextSteps;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(5);
    expect(steps.slice(0, 2).map((s) => [s.questionId, s.owner, s.action])).toEqual([
      ['K1', 'marketing', 'Map the connections.'],
      ['T1', 'both', 'Book a weekly call.'],
    ]);
  });

  it('is valid against its own schema', () => {
    expect(teamReportSchema.safeParse(report(SIX)).success).toBe(true);
  });
});
