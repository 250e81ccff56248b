import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/core/report/compare/build.js';
import { resultSchema } from '../../src/core/report/result-schema.js';
import { momentsOfRest } from '../../src/core/stats.js';
import { loadResult } from '../../src/io/load-result.js';
import { FIXTURES } from '../helpers/fixtures.js';

// Team results written by earlier versions of cash-test, from the same answer files (see the
// folder's README): compare reads them, and reads the same figures from each.

const file = (name: string) => join(FIXTURES, 'old-results', name);
const OLD = ['team-v1-6de0a46.json', 'team-v1-778c3a0.json'];

describe('loadResult', () => {
  it('reads the team result written now, strictly (a new key without a new schemaVersion fails here)', async () => {
    const now = await loadResult(file('team-v2.json'));
    expect(now).toMatchObject({ kind: 'team', schemaVersion: 2 });
    expect(resultSchema.safeParse(now).success).toBe(true);
  });

  it.each(OLD)('reads %s, a team result of schemaVersion 1', async (name) => {
    expect(await loadResult(file(name))).toMatchObject({ kind: 'team', schemaVersion: 1 });
  });

  it.each(OLD)('compares %s with the result of the same answers written now: no change, every gap judged', async (name) => {
    const r = compareResults(await loadResult(file(name)), await loadResult(file('team-v2.json')));
    expect(r.overall.change).toBe(0);
    expect(r.pillars.map((p) => p.change)).toEqual([0, 0, 0, 0]);
    expect(r.movers).toEqual([]);
    expect(r.questions).toEqual({ compared: 48, before: 48, after: 48 });
    const [salesMarketing, leadership] = [r.gaps.filter((g) => g.gap === 'sales-marketing'), r.gaps.filter((g) => g.gap === 'leadership-others')];
    expect(salesMarketing).toHaveLength(4);
    expect(leadership).toHaveLength(4);
    for (const g of [...salesMarketing, ...leadership]) expect(g.change).toBe(0);
    for (const g of [...salesMarketing, ...leadership]) expect(g).toMatchObject({ clear: false, unrecorded: false });
    expect(r.headline).not.toContain('not judged');
  });

  it.each(OLD)('%s: everyone else, worked out as the team minus leadership, is what schemaVersion 2 records', async (name) => {
    const old = await loadResult(file(name));
    const now = await loadResult(file('team-v2.json'));
    if (old.kind !== 'team' || now.kind !== 'team' || now.schemaVersion !== 2) throw new Error('team results');
    const recorded = now.gaps.find((g) => g.id === 'leadership-others')?.pillars ?? [];
    expect(recorded).toHaveLength(4);
    for (const entry of recorded) {
      const pillar = old.pillars.find((p) => p.id === entry.pillar);
      const lead = pillar?.byRole.find((r) => r.role === 'leadership')?.score;
      const m = (s: { n: number; mean: number | null; sd: number | null } | undefined) => ({ n: s?.n ?? 0, mean: s?.mean ?? 0, variance: (s?.sd ?? 0) ** 2 });
      const rest = momentsOfRest(m(pillar?.team), m(lead));
      expect(rest?.n).toBe(entry.nB);
      expect(rest?.mean).toBeCloseTo(entry.b ?? -1, 9);
      expect(Math.sqrt(rest?.variance ?? -1)).toBeCloseTo(entry.sdB ?? -1, 9);
    }
  });

  it('judges every gap between two results written now', async () => {
    const now = await loadResult(file('team-v2.json'));
    const r = compareResults(now, now);
    expect(r.gaps.every((g) => !g.unrecorded)).toBe(true);
    expect(r.headline).not.toContain('not judged');
  });
});
