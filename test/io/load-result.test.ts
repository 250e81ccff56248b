import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/core/report/compare/build.js';
import { resultSchema } from '../../src/core/report/result-schema.js';
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

  it.each(OLD)('compares %s with the result of the same answers written now: no change, sales − marketing judged, leadership not', async (name) => {
    const r = compareResults(await loadResult(file(name)), await loadResult(file('team-v2.json')));
    expect(r.overall.change).toBe(0);
    expect(r.pillars.map((p) => p.change)).toEqual([0, 0, 0, 0]);
    expect(r.movers).toEqual([]);
    expect(r.questions).toEqual({ compared: 48, before: 48, after: 48 });
    const [salesMarketing, leadership] = [r.gaps.filter((g) => g.gap === 'sales-marketing'), r.gaps.filter((g) => g.gap === 'leadership-others')];
    expect(salesMarketing).toHaveLength(4);
    expect(leadership).toHaveLength(4);
    for (const g of [...salesMarketing, ...leadership]) expect(g.change).toBe(0);
    for (const g of salesMarketing) expect(g).toMatchObject({ clear: false, unrecorded: false });
    for (const g of leadership) expect(g).toMatchObject({ clear: false, unrecorded: true });
    expect(r.headline).toContain('Changes of the leadership − everyone else gap are not judged: a team result of schemaVersion 1');
  });

  it('judges every gap between two results written now', async () => {
    const now = await loadResult(file('team-v2.json'));
    const r = compareResults(now, now);
    expect(r.gaps.every((g) => !g.unrecorded)).toBe(true);
    expect(r.headline).not.toContain('not judged');
  });
});
