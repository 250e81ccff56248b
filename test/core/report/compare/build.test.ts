import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../../../src/commands/compare.js';
import { TeamData } from '../../../../src/core/aggregate.js';
import type { AnswerValue, Response } from '../../../../src/core/answers.js';
import type { Bank } from '../../../../src/core/bank.js';
import { compareReportSchema } from '../../../../src/core/report/compare/schema.js';
import { compareResults } from '../../../../src/core/report/compare/build.js';
import { InputError, formatProblem } from '../../../../src/core/errors.js';
import { buildSingleReport } from '../../../../src/core/report/single/build.js';
import type { SingleReport } from '../../../../src/core/report/single/schema.js';
import { scoreRespondent } from '../../../../src/core/scoring.js';
import { buildTeamReport } from '../../../../src/core/report/team/build.js';
import type { TeamReport } from '../../../../src/core/report/team/schema.js';
import { loadBank } from '../../../../src/io/load-bank.js';
import { tempDir } from '../../../helpers/cli.js';
import { MINI_BANK, captureContext, respondent } from '../../../helpers/team.js';

let bank: Bank;
beforeAll(async () => {
  bank = await loadBank(MINI_BANK);
});

function single(answers: Record<string, AnswerValue>): SingleReport {
  const response: Response = respondent('sales', answers);
  return buildSingleReport(bank, response, scoreRespondent(bank, 'full', answers), '2024-05-01T10:00:00.000Z');
}

function team(sales: Record<string, AnswerValue>, marketing: Record<string, AnswerValue>): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: false });
  for (let i = 0; i < 3; i++) data.add(respondent('sales', sales));
  for (let i = 0; i < 3; i++) data.add(respondent('marketing', marketing));
  return buildTeamReport(data, { minGroup: 3, showNames: false, createdAt: '2024-06-01T10:00:00.000Z' });
}

describe('compareResults', () => {
  it('reads the change of two single results per pillar and item', () => {
    // Talk 50 → 100 (T1 3 → 5, T2 3 → 1 reversed); Tools stays 25.
    const r = compareResults(single({ T1: 3, T2: 3, K1: 2, K2: 2 }), single({ T1: 5, T2: 1, K1: 2, K2: 2 }));
    expect(r.pillars.map((p) => [p.id, p.before, p.after, p.change])).toEqual([
      ['talk', 50, 100, 50],
      ['tools', 25, 25, 0],
    ]);
    expect(r.overall).toMatchObject({ before: 37.5, after: 62.5, change: 25, reading: 'The overall score rose 25 points (37 → 62).' });
    expect(r.movers.map((m) => [m.id, m.change])).toEqual([
      ['T1', 50],
      ['T2', 50],
    ]);
    expect(r.improved).toEqual(['The overall score rose 25 points (37 → 62).', 'Talk rose 50 points (50 → 100).']);
    expect(r.worsened).toEqual([]);
    expect(r.gaps).toEqual([]);
    expect(r.bankChanged).toBe(false);
    expect(compareReportSchema.safeParse(r).success).toBe(true);
  });

  it('reads a perception gap that narrowed as an improvement, one that widened as worse', () => {
    // Talk: sales 100 vs marketing 0 → both 50; Tools: both 50 → sales 0 vs marketing 100.
    const before = team({ T1: 5, T2: 1, K1: 3, K2: 3 }, { T1: 1, T2: 5, K1: 3, K2: 3 });
    const after = team({ T1: 3, T2: 3, K1: 1, K2: 1 }, { T1: 3, T2: 3, K1: 5, K2: 5 });
    const r = compareResults(before, after);
    const gaps = r.gaps.filter((g) => g.gap === 'sales-marketing');
    expect(gaps.map((g) => [g.pillar, g.before, g.after, g.change])).toEqual([
      ['talk', 100, 0, -100],
      ['tools', 0, -100, 100],
    ]);
    expect(r.improved).toContain('The sales − marketing gap on Talk narrowed by 100 points (100 → 0 points).');
    expect(r.worsened).toContain('The sales − marketing gap on Tools widened by 100 points (0 → 100 points).');
    expect(r.of).toBe('team');
    expect(r.before.respondents).toBe(6);
  });

  it('says "stayed" when the whole numbers shown did not move', () => {
    const r = compareResults(single({ T1: 3, T2: 3, K1: 2, K2: 2 }), single({ T1: 3, T2: 3, K1: 2, K2: 2 }));
    expect(r.pillars[0]?.reading).toBe('Talk stayed at 50.');
    expect(r.movers).toEqual([]);
    expect(r.headline).toBe('The overall score stayed at 37. 0 figures improved, 0 got worse.');
  });
});

describe('cash-test compare', () => {
  async function files(before: object, after: object): Promise<[string, string, string]> {
    const dir = tempDir();
    await writeFile(join(dir, 'before.json'), JSON.stringify(before));
    await writeFile(join(dir, 'after.json'), JSON.stringify(after));
    return [dir, join(dir, 'before.json'), join(dir, 'after.json')];
  }

  it('refuses to compare a single result with a team result', async () => {
    const [dir, before, after] = await files(single({ T1: 3, T2: 3, K1: 2, K2: 2 }), team({ T1: 3, T2: 3, K1: 2, K2: 2 }, { T1: 3, T2: 3, K1: 2, K2: 2 }));
    const { ctx } = captureContext();
    const error = await compare({ before, after, format: 'text', force: false }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => formatProblem(p).replaceAll(`${dir}/`, ''))).toEqual([
      'after.json: is a team result, but before.json is a single result: compare two results of the same kind',
    ]);
  });

  it('warns when the bank changed in between, and still compares', async () => {
    const after = single({ T1: 5, T2: 1, K1: 2, K2: 2 });
    const [, before, afterFile] = await files(single({ T1: 3, T2: 3, K1: 2, K2: 2 }), {
      ...after,
      bank: { ...after.bank, version: '1.1.0', hash: 'f'.repeat(64) },
    });
    const { ctx, stdout, stderr } = captureContext();
    expect(await compare({ before, after: afterFile, format: 'markdown', force: false }, ctx)).toBe(0);
    expect(stderr()).toMatch(/^cash-test: warning: the results come from different question banks, mini 1\.0\.0 \(\w{12}\) and mini 1\.1\.0 \(ffffffffffff\)/);
    expect(stdout()).toContain('The question bank changed in between (1.0.0 → 1.1.0)');
    expect(stdout()).toContain('| Talk | 50 | 100 | +50 |');
  });

  it('compares a question only with itself: the same id and the same wording', () => {
    const before = single({ T1: 3, T2: 3, K1: 2, K2: 2 });
    const moved = single({ T1: 5, T2: 1, K1: 4, K2: 4 });
    // The later bank reworded K1: its change is not a change of the same statement.
    const after = {
      ...moved,
      bank: { ...moved.bank, version: '2.0.0', hash: 'e'.repeat(64) },
      items: moved.items.map((i) => (i.id === 'K1' ? { ...i, text: `${i.text} (reworded)` } : i)),
    };
    const r = compareResults(before, after);
    expect(r.questions).toEqual({ compared: 3, before: 4, after: 4 });
    expect(r.movers.map((m) => m.id)).toEqual(['T1', 'T2', 'K2']);
    expect(r.headline).toContain(
      'The question bank changed in between (1.0.0 → 2.0.0): 3 of the 4 questions read the same in both and are compared one by one',
    );
    expect(compareResults(before, moved).questions).toEqual({ compared: 4, before: 4, after: 4 });
  });

  it('says so when a changed bank still reads the same in every question (a tag added, say)', () => {
    const before = single({ T1: 3, T2: 3, K1: 2, K2: 2 });
    const after = { ...before, bank: { ...before.bank, version: '1.1.0', hash: 'f'.repeat(64) } };
    const r = compareResults(before, after);
    expect(r.bankChanged).toBe(true);
    expect(r.headline).toContain('The question bank changed in between (1.0.0 → 1.1.0), but all 4 questions read the same in both.');
    expect(r.headline).not.toContain('compare them with care');
  });

  it('lists what is wrong in both files, with positions', async () => {
    const good = single({ T1: 3, T2: 3, K1: 2, K2: 2 });
    const [dir, before, after] = await files({ ...good, schemaVersion: 2 }, { ...good, kind: 'group' });
    const { ctx } = captureContext();
    const error = (await compare({ before, after, format: 'json', force: false }, ctx).catch((e: unknown) => e)) as InputError;
    expect(error.problems.map((p) => formatProblem(p).replaceAll(`${dir}/`, ''))).toEqual([
      expect.stringMatching(/^before\.json:1:\d+: schemaVersion: /),
      expect.stringMatching(/^after\.json:1:\d+: kind: /),
    ]);
  });
});
