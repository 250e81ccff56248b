import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TeamData } from '../../../../src/core/aggregate.js';
import type { AnswerValue } from '../../../../src/core/answers.js';
import { buildTeamReport } from '../../../../src/core/report/team/build.js';
import type { TeamReport } from '../../../../src/core/report/team/schema.js';
import type { Role } from '../../../../src/core/roles.js';
import { loadBank } from '../../../../src/io/load-bank.js';
import { problemLines } from '../../../helpers/fixtures.js';
import { respondent } from '../../../helpers/team.js';
import { bankYaml, DEFAULT_BANDS, pillarYaml, tinyBank, type TinyBank } from '../../../helpers/tiny-bank.js';

// A statement tagged psychological-safety comes first in the agenda and the next steps when the
// team's score on it is low beyond noise, or its gap is. Item score (v − 1) · 25.

const SAFE = 'I can raise a problem with the other team without worrying about the reaction.';
const SPEC: TinyBank = {
  pillars: [
    {
      id: 'honesty',
      questions: [
        { id: 'H8', text: SAFE, tags: ['psychological-safety'], owner: 'leadership', action: 'Ask each team privately for one problem not raised.' },
        { id: 'H1', owner: 'sales' },
      ],
    },
    { id: 'tools', questions: [{ id: 'K1', owner: 'marketing' }, { id: 'K2' }] },
  ],
};
const bank = tinyBank(SPEC);

/** People answering H8 with the given values (sales first, then marketing), everything else 3. */
function team(sales: readonly AnswerValue[], marketing: readonly AnswerValue[]): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: false });
  const add = (role: Role, h8: AnswerValue, k: number) => data.add(respondent(role, { H8: h8, H1: 3, K1: 3, K2: k % 2 === 0 ? 2 : 4 }));
  sales.forEach((v, k) => add('sales', v, k));
  marketing.forEach((v, k) => add('marketing', v, k));
  return buildTeamReport(data, { minGroup: 3, showNames: false, createdAt: '2024-05-01T10:00:00.000Z' });
}

const firstDiscussion = (r: TeamReport) => r.agenda.blocks[1];

describe('psychological safety first', () => {
  it('when the team scores it low beyond noise: 0, 25, 0 v 25, 0, 25 → mean 12.5, s² 187.5, 95% interval −1.9 to 26.9', () => {
    // se = √(187.5/6) = 5.590; t(0.975, 5) = 2.5706 (tables): half-width 14.37, below 50.
    const r = team([1, 2, 1], [2, 1, 2]);
    const h8 = r.items.find((i) => i.id === 'H8');
    expect(h8).toMatchObject({ n: 6, mean: 12.5, tags: ['psychological-safety'] });
    expect(h8?.sd).toBeCloseTo(Math.sqrt(187.5), 9);
    const reading =
      "“I can raise a problem with the other team without worrying about the reaction”: all 6 in the team disagree — the team scores it 12 (95% interval 0 to 27), below the scale's middle (50) beyond noise.";
    expect(firstDiscussion(r)).toMatchObject({ kind: 'safety', title: `First, psychological safety: “${SAFE}”`, items: ['H8'] });
    expect(firstDiscussion(r)?.purpose.startsWith(reading)).toBe(true);
    expect(r.nextSteps[0]).toMatchObject({ questionId: 'H8', owner: 'leadership', reason: reading });
    expect(r.agenda.blocks.filter((b) => b.kind === 'safety')).toHaveLength(1);
  });

  it('when its sales − marketing gap is beyond noise, even with the team in the middle: the block reads the gap, and no gap block repeats it', () => {
    // sales 0, 0, 25 v marketing 100, 100, 75: −83 points, 95% interval about −116 to −51; the team's mean is 50.
    const r = team([1, 1, 2], [5, 5, 4]);
    const entry = r.gaps[0]?.items.find((e) => e.item === 'H8');
    expect(entry?.verdict).toBe('beyond-noise');
    expect(r.items.find((i) => i.id === 'H8')?.mean).toBe(50);
    expect(firstDiscussion(r)).toMatchObject({ kind: 'safety', items: ['H8'] });
    expect(firstDiscussion(r)?.purpose.startsWith(entry?.reading ?? '?')).toBe(true);
    expect(r.agenda.blocks.filter((b) => b.items.includes('H8') && b.kind !== 'actions')).toHaveLength(1);
    expect(r.nextSteps[0]?.questionId).toBe('H8');
  });

  it.each([
    ['in the middle (25, 50, 75 twice: mean 50)', [2, 3, 4], [2, 3, 4]],
    ['below the middle within noise (0, 100, 50 v 25, 75, 25: mean 45.8)', [1, 5, 3], [2, 4, 2]],
    ['everyone low but only 3 of them, all alike (sign test p 0.25)', [1, 1, 1], []],
  ])('not when the score is %s', (_, sales, marketing) => {
    const r = team(sales as AnswerValue[], marketing as AnswerValue[]);
    expect(r.agenda.blocks.some((b) => b.kind === 'safety')).toBe(false);
    expect(r.nextSteps.some((s) => s.reason.includes('beyond noise'))).toBe(false);
  });

  it('when all 6 give the same low answer (no spread: a sign test, p = 2 · 0.5⁶ = 0.03)', () => {
    const r = team([1, 1, 1], [1, 1, 1]);
    expect(firstDiscussion(r)?.kind).toBe('safety');
    expect(firstDiscussion(r)?.purpose).toContain("all 6 in the team disagree — all 6 gave the same answer, below the scale's middle: beyond noise.");
  });

  it('not for an untagged statement, however low', () => {
    const plain = tinyBank({ pillars: SPEC.pillars.map((p) => ({ ...p, questions: p.questions.map(({ tags, ...q }) => q) })) });
    const data = new TeamData(plain, 'full', { keepNames: false });
    for (const [role, v] of [
      ['sales', 1],
      ['sales', 2],
      ['sales', 1],
      ['marketing', 2],
      ['marketing', 1],
      ['marketing', 2],
    ] as const)
      data.add(respondent(role, { H8: v, H1: 3, K1: 3, K2: 3 }));
    const r = buildTeamReport(data, { minGroup: 3, showNames: false, createdAt: '2024-05-01T10:00:00.000Z' });
    expect(r.agenda.blocks.some((b) => b.kind === 'safety')).toBe(false);
  });
});

describe('tags in a bank', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const bankWith = (tags: unknown): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cash-tags-'));
    dirs.push(dir);
    const spec: TinyBank = { pillars: [{ id: 'p', questions: [{ id: 'P1' }, { id: 'P2' }] }] };
    writeFileSync(join(dir, 'bank.yaml'), stringify(bankYaml(spec)));
    const pillar = pillarYaml(
      spec.pillars[0] as TinyBank['pillars'][number],
      DEFAULT_BANDS.map((b) => b.id),
    ) as { questions: Record<string, unknown>[] };
    (pillar.questions[0] as Record<string, unknown>).tags = tags;
    writeFileSync(join(dir, 'p.yaml'), stringify(pillar));
    return dir;
  };

  it('are read when known', async () => {
    const loaded = await loadBank(bankWith(['psychological-safety']));
    expect(loaded.pillars[0]?.questions[0]?.tags).toEqual(['psychological-safety']);
    expect(loaded.pillars[0]?.questions[1]?.tags).toBeUndefined();
  });

  it.each([
    [['psychological safety'], /p\.yaml:\d+:\d+: questions\[0\]\.tags\[0\]: must be one of psychological-safety, not "psychological safety"/],
    [['psychological-safety', 'psychological-safety'], /p\.yaml:\d+:\d+: questions\[0\]\.tags\[1\]: tag "psychological-safety" is listed twice/],
    [[], /p\.yaml:\d+:\d+: questions\[0\]\.tags: name at least one tag, or leave tags out/],
  ])('are refused: %j', async (tags, message) => {
    const dir = bankWith(tags);
    const lines = await problemLines(loadBank(dir), dir);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('mark H8 of the built-in bank, and nothing else', async () => {
    const builtIn = await loadBank();
    const tagged = builtIn.pillars.flatMap((p) => p.questions).filter((q) => q.tags !== undefined);
    expect(tagged.map((q) => [q.id, q.tags])).toEqual([['H8', ['psychological-safety']]]);
  });
});
