import { beforeAll, describe, expect, it } from 'vitest';
import { TeamData } from '../../../../src/core/aggregate.js';
import type { AnswerValue, Response } from '../../../../src/core/answers.js';
import type { Bank } from '../../../../src/core/bank.js';
import { compareResults } from '../../../../src/core/report/compare/build.js';
import { resultSchema } from '../../../../src/core/report/result-schema.js';
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
