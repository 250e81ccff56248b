import { beforeAll, describe, expect, it } from 'vitest';
import { TeamData } from '../../../../src/core/aggregate.js';
import type { AnswerValue, Response } from '../../../../src/core/answers.js';
import type { Bank } from '../../../../src/core/bank.js';
import { compareResults } from '../../../../src/core/report/compare/build.js';
import { welchDifference } from '../../../../src/core/difference.js';
import { tQuantile } from '../../../../src/core/t-distribution.js';
import { readableResultSchema, resultSchema } from '../../../../src/core/report/result-schema.js';
import { buildTeamReport } from '../../../../src/core/report/team/build.js';
import type { TeamReport } from '../../../../src/core/report/team/schema.js';
import type { Role } from '../../../../src/core/roles.js';
import { loadBank } from '../../../../src/io/load-bank.js';
import { MINI_BANK, respondent, seeded } from '../../../helpers/team.js';

let bank: Bank;
beforeAll(async () => {
  bank = await loadBank(MINI_BANK);
});

function team(responses: readonly Response[]): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: false });
  for (const r of responses) data.add(r);
  return buildTeamReport(data, { minGroup: 3, showNames: false, createdAt: '2024-05-01T10:00:00.000Z' });
}

/** n people a role answering from `values` at random (seeded). */
function people(random: () => number, n: number, values: readonly number[]): Response[] {
  const pick = () => values[Math.floor(random() * values.length)] as AnswerValue;
  return (['sales', 'marketing'] as Role[]).flatMap((role) =>
    Array.from({ length: n }, () => respondent(role, { T1: pick(), T2: pick(), K1: pick(), K2: pick() })),
  );
}

describe('compare of two team results', () => {
  it('lists as improved or worse only changes beyond noise (seed 3: two draws of the same team move the figures, but not clearly)', () => {
    const random = seeded(3);
    let moved = 0;
    for (let run = 0; run < 40; run++) {
      const r = compareResults(team(people(random, 4, [1, 2, 3, 4, 5])), team(people(random, 4, [1, 2, 3, 4, 5])));
      if (r.pillars.some((p) => p.change !== null && Math.abs(p.change) >= 1)) moved++;
      for (const text of [...r.improved, ...r.worsened]) expect(text).not.toContain('within noise');
      for (const p of r.pillars) if (!p.clear) expect(r.improved.concat(r.worsened)).not.toContain(p.reading);
    }
    expect(moved).toBeGreaterThan(30);
  });

  it('finds a real change: every answer two points higher on Tools (K1 and K2 are not reversed)', () => {
    const random = seeded(4);
    const before = team(people(random, 6, [1, 2, 3]));
    const after = team(people(random, 6, [3, 4, 5]).map((r) => ({ ...r, answers: { ...r.answers, T1: 3, T2: 3 } })));
    const r = compareResults(before, after);
    const tools = r.pillars.find((p) => p.id === 'tools');
    expect(tools?.clear).toBe(true);
    expect(r.improved).toContain(tools?.reading);
  });
});

describe('tampered results', () => {
  it('refuses scores outside 0-100 as bad input', () => {
    const good = JSON.parse(JSON.stringify(team(people(seeded(1), 3, [1, 5])))) as TeamReport;
    expect(resultSchema.safeParse(good).success).toBe(true);
    const tampered = { ...good, overall: { ...good.overall, team: { ...good.overall.team, mean: 150 } } };
    expect(resultSchema.safeParse(tampered).success).toBe(false);
    const negative = { ...good, items: good.items.map((i, k) => (k === 0 ? { ...i, mean: -3 } : i)) };
    expect(resultSchema.safeParse(negative).success).toBe(false);
    const infinite = { ...good, pillars: good.pillars.map((p, k) => (k === 0 ? { ...p, team: { ...p.team, median: Number.POSITIVE_INFINITY } } : p)) };
    expect(resultSchema.safeParse(infinite).success).toBe(false);
  });
});

describe('the leadership − everyone else gap in compare', () => {
  // Tools scores (K1 = K2 = v, score (v − 1)·25); Talk is 50 for everyone.
  const person = (role: Role, tools: 1 | 2 | 4 | 5) => respondent(role, { T1: 3, T2: 3, K1: tools, K2: tools });
  const leaders = [person('leadership', 4), person('leadership', 4), person('leadership', 5)]; // 75, 75, 100: mean 83.33, s² 625/3
  const others = (low: 1 | 4, high: 2 | 5) => (['sales', 'marketing'] as Role[]).flatMap((r) => [person(r, low), person(r, low), person(r, high)]);
  const teamBefore = () => team([...leaders, ...others(1, 2)]); // everyone else 0, 0, 25 twice: mean 8.33, s² 500/3
  const teamAfter = () => team([...leaders, ...others(4, 5)]); // everyone else 75, 75, 100 twice: mean 83.33, s² 500/3

  it('records each side of the gap: n, mean and standard deviation', () => {
    const tools = teamBefore()
      .gaps.find((g) => g.id === 'leadership-others')
      ?.pillars.find((p) => p.pillar === 'tools');
    expect(tools?.nA).toBe(3);
    expect(tools?.nB).toBe(6);
    expect(tools?.a).toBeCloseTo(250 / 3, 9);
    expect(tools?.b).toBeCloseTo(25 / 3, 9);
    expect(tools?.sdA).toBeCloseTo(Math.sqrt(625 / 3), 9);
    expect(tools?.sdB).toBeCloseTo(Math.sqrt(500 / 3), 9);
  });

  it('judges its change by the four means: 75 → 0 points, se² = 1750/9, df = 140/19, interval −107.6 to −42.4', () => {
    // se² = 2·(625/3)/3 + 2·(500/3)/6 = 1750/9; df = se⁴ / (2·(625/9)²/2 + 2·(250/9)²/5) = 140/19.
    const d = welchDifference([
      { sign: 1, moments: { n: 3, mean: 250 / 3, variance: 625 / 3 } },
      { sign: -1, moments: { n: 6, mean: 250 / 3, variance: 500 / 3 } },
      { sign: -1, moments: { n: 3, mean: 250 / 3, variance: 625 / 3 } },
      { sign: 1, moments: { n: 6, mean: 25 / 3, variance: 500 / 3 } },
    ]);
    expect(d?.estimate).toBeCloseTo(-75, 9);
    expect(d?.df).toBeCloseTo(140 / 19, 9);
    const half = tQuantile(0.975, 140 / 19) * Math.sqrt(1750 / 9);
    expect(d?.high).toBeCloseTo(-75 + half, 9);
    expect(half).toBeCloseTo(32.6, 0);

    const r = compareResults(teamBefore(), teamAfter());
    const tools = r.gaps.find((g) => g.gap === 'leadership-others' && g.pillar === 'tools');
    expect(tools).toMatchObject({ before: 75, after: 0, change: -75, clear: true, unrecorded: false });
    expect(tools?.reading).toBe('The leadership − everyone else gap on Tools narrowed by 75 points (75 → 0 points).');
    expect(r.improved).toContain(tools?.reading);
    const talk = r.gaps.find((g) => g.gap === 'leadership-others' && g.pillar === 'talk');
    expect(talk).toMatchObject({ before: 0, after: 0, clear: false });
  });

  /** The result as schemaVersion 1 wrote it: no spread of either side in the gap entries. */
  const asV1 = (r: TeamReport) => {
    const old = JSON.parse(JSON.stringify(r)) as TeamReport;
    return readableResultSchema.parse({
      ...old,
      schemaVersion: 1,
      gaps: old.gaps.map((g) => ({ ...g, pillars: g.pillars.map(({ sdA, sdB, ...p }) => p), items: g.items.map(({ sdA, sdB, ...i }) => i) })),
    });
  };

  it('is judged against a result of schemaVersion 1 from its team and leadership figures (everyone else = the team minus leadership)', () => {
    const r = compareResults(asV1(teamBefore()), teamAfter());
    const tools = r.gaps.find((g) => g.gap === 'leadership-others' && g.pillar === 'tools');
    expect(tools).toMatchObject({ change: -75, clear: true, unrecorded: false });
    expect(r.gaps.map((g) => g.clear)).toEqual(compareResults(teamBefore(), teamAfter()).gaps.map((g) => g.clear));
    expect(r.headline).not.toContain('not judged');
  });

  it('is not judged when such a result does not show leadership’s figures, and says so', () => {
    const v1 = asV1(teamBefore());
    if (v1.kind !== 'team' || v1.schemaVersion !== 1) throw new Error('a team result of schemaVersion 1');
    const hidden = {
      ...v1,
      pillars: v1.pillars.map((p) => ({
        ...p,
        byRole: p.byRole.map((r) => (r.role === 'leadership' ? { ...r, score: { ...r.score, mean: null, sd: null } } : r)),
      })),
    };
    const r = compareResults(hidden, teamAfter());
    const tools = r.gaps.find((g) => g.gap === 'leadership-others' && g.pillar === 'tools');
    expect(tools).toMatchObject({ change: -75, clear: false, unrecorded: true });
    expect(tools?.reading).toBe(
      'The leadership − everyone else gap on Tools narrowed by 75 points (75 → 0 points), not judged: an older result does not record the spread it is judged by.',
    );
    expect(r.improved).not.toContain(tools?.reading);
    expect(r.headline).toContain('Some changes of the leadership − everyone else gap are not judged');
    // sales − marketing is judged from the role scores a schemaVersion 1 result records.
    expect(r.gaps.filter((g) => g.gap === 'sales-marketing').every((g) => !g.unrecorded)).toBe(true);
  });
});
