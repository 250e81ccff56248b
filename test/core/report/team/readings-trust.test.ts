import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TeamData } from '../../../../src/core/aggregate.js';
import type { AnswerValue, Response } from '../../../../src/core/answers.js';
import { allQuestions, type Bank, type Question } from '../../../../src/core/bank.js';
import { buildTeamReport } from '../../../../src/core/report/team/build.js';
import type { TeamReport } from '../../../../src/core/report/team/schema.js';
import { ROLES, type Role } from '../../../../src/core/roles.js';
import { loadBank } from '../../../../src/io/load-bank.js';
import { SLOW_TEST_TIMEOUT_MS } from '../../../helpers/timeouts.js';
import { respondent, seeded } from '../../../helpers/team.js';

// The Done-when checks of issue 11, on the built-in bank, with fixed seeds (stated per test) so
// that they never flake: a reading must survive teams with no real difference.

let bank: Bank;
let questions: readonly Question[];
beforeAll(async () => {
  bank = await loadBank(undefined);
  questions = allQuestions(bank, 'full');
});

/** Answers drawn uniformly from the scale; `shifted` pillar's answers moved up for this person by `up` scale points on average. */
function person(role: Role, random: () => number, shifted?: { pillar: string }): Response {
  const answers: Record<string, AnswerValue> = {};
  for (const q of questions) {
    if (shifted && q.pillar === shifted.pillar) {
      // uniform over the top three points (scores 50, 75, 100: mean 75) against 1..5 (mean 50): a 25-point difference
      const v = 3 + Math.floor(random() * 3);
      answers[q.id] = q.reverse ? 6 - v : v;
    } else answers[q.id] = 1 + Math.floor(random() * 5);
  }
  return respondent(role, answers);
}

function team(responses: readonly Response[], minGroup = 3): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: false });
  for (const r of responses) data.add(r);
  return buildTeamReport(data, { minGroup, showNames: false, createdAt: '2024-05-01T10:00:00.000Z' });
}

const RUNS = 200;

describe('readings that survive a team with no real difference', () => {
  // The issue asks for at most 5 %. A large gap must be surely 10 points or more, so the true rate is
  // 0.4 % at 5 a side and 0 at 3 and 10 (5000 runs each, docs/team-report.md); at most 2 of 200 holds
  // for any seed with little risk, and fails for the earlier rule (g alone, 4.9 % at 10 a side) for
  // nearly every seed: a test that can fail.
  it.each([3, 5, 10])(
    '%i a side with no true difference (seed 11 + n): the headline calls a gap large in at most 2 of 200 runs',
    (n) => {
      const random = seeded(11 + n);
      let large = 0;
      for (let run = 0; run < RUNS; run++) {
        const r = team([...Array.from({ length: n }, () => person('sales', random)), ...Array.from({ length: n }, () => person('marketing', random))]);
        if (/large gap/.test(r.headline)) large++;
      }
      expect(large).toBeLessThanOrEqual(2);
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  // The headline, next steps and agenda claim something beyond noise when any pillar or statement gap
  // of the comparison is. One correction over all of them keeps that near 5 % (6.0 % at 10 a side over
  // 5000 teams, docs/team-report.md); correcting pillars and statements apart gave 12 %. At most 32 of
  // 400 (8 %) holds for the one correction (23 with this seed) and fails for the two (43).
  it(
    '10 a side with no true difference (seed 4011): headline and agenda claim a gap beyond noise in at most 32 of 400 runs',
    () => {
      const random = seeded(4011);
      let claimed = 0;
      for (let run = 0; run < 400; run++) {
        const r = team([...Array.from({ length: 10 }, () => person('sales', random)), ...Array.from({ length: 10 }, () => person('marketing', random))]);
        const gap = r.gaps.find((g) => g.id === 'sales-marketing');
        const headline = /Clearest gap|\d+ statements? (is|are):/.test(r.headline);
        const agenda = r.agenda.blocks.some((b) => b.kind === 'gap');
        const any = [...(gap?.pillars ?? []), ...(gap?.items ?? [])].some((e) => e.verdict === 'beyond-noise');
        expect(headline || agenda, r.headline).toBe(any);
        if (any) claimed++;
      }
      expect(claimed).toBeLessThanOrEqual(32);
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  it(
    'two identical teams of 3 (seed 7) read as within noise in at least 90% of 200 runs',
    () => {
      const random = seeded(7);
      let quiet = 0;
      for (let run = 0; run < RUNS; run++) {
        const r = team([...Array.from({ length: 3 }, () => person('sales', random)), ...Array.from({ length: 3 }, () => person('marketing', random))]);
        const gap = r.gaps.find((g) => g.id === 'sales-marketing');
        if (gap && [...gap.pillars, ...gap.items].every((e) => e.verdict !== 'beyond-noise')) quiet++;
      }
      expect(quiet / RUNS).toBeGreaterThanOrEqual(0.9);
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  it(
    'a real 25-point difference on Systems at 8 v 8 (seed 25) is found, in the headline, in at least 80% of 200 runs',
    () => {
      const random = seeded(25);
      let found = 0;
      for (let run = 0; run < RUNS; run++) {
        const r = team([
          ...Array.from({ length: 8 }, () => person('sales', random, { pillar: 'systems' })),
          ...Array.from({ length: 8 }, () => person('marketing', random)),
        ]);
        const systems = r.gaps.find((g) => g.id === 'sales-marketing')?.pillars.find((p) => p.pillar === 'systems');
        if (systems?.verdict === 'beyond-noise' && r.headline.includes('Clearest gap: Sales rate Systems')) found++;
      }
      expect(found / RUNS).toBeGreaterThanOrEqual(0.8);
    },
    SLOW_TEST_TIMEOUT_MS,
  );
});

/** Every figure family as (group n, group mean) pairs beside the team's, for the subtraction attack. */
function families(r: TeamReport): { what: string; team: { n: number; mean: number | null }; groups: { n: number; mean: number | null }[] }[] {
  const out: ReturnType<typeof families> = [];
  out.push({ what: 'overall', team: r.overall.team, groups: r.overall.byRole.map((g) => g.score) });
  for (const p of r.pillars) out.push({ what: `pillar ${p.id}`, team: p.team, groups: p.byRole.map((g) => g.score) });
  for (const i of r.items) out.push({ what: `item ${i.id}`, team: i, groups: i.byRole });
  return out;
}

/**
 * The attack: n·mean of the team minus n·mean of every group shown beside it is the sum of whoever is
 * left; with their count, their mean. It must rest on nobody or on at least --min-group values.
 */
function attack(r: TeamReport): string[] {
  const leaks: string[] = [];
  for (const f of families(r)) {
    if (f.team.mean === null) continue;
    const shown = f.groups.filter((g) => g.mean !== null);
    if (shown.length === 0) continue;
    const left = f.team.n - shown.reduce((s, g) => s + g.n, 0);
    if (left > 0 && left < r.minGroup) leaks.push(`${f.what}: the team minus the groups shown gives ${left} value(s)`);
  }
  // The leadership gap's "everyone else" against the roles shown beside it.
  const lead = r.gaps.find((g) => g.id === 'leadership-others');
  for (const e of lead?.pillars ?? []) {
    if (e.b === null) continue;
    const others = r.pillars.find((p) => p.id === e.pillar)?.byRole.filter((g) => g.role !== 'leadership' && g.score.mean !== null) ?? [];
    const left = e.nB - others.reduce((s, g) => s + g.score.n, 0);
    if (others.length > 0 && left > 0 && left < r.minGroup) leaks.push(`leadership gap ${e.pillar}: everyone else minus the roles shown gives ${left}`);
  }
  return leaks;
}

describe('the subtraction attack recovers nobody', () => {
  it('on the shipped example (examples/team)', async () => {
    const dir = fileURLToPath(new URL('../../../../examples/team', import.meta.url));
    const exampleBank = await loadBank(fileURLToPath(new URL('../../../../questions/1.0.0', import.meta.url)));
    const data = new TeamData(exampleBank, 'full', { keepNames: false });
    for (const f of readdirSync(dir)) {
      const doc = parse(readFileSync(join(dir, f), 'utf8')) as { respondent: Response['respondent']; answers: Response['answers'] };
      data.add(respondent(doc.respondent.role, doc.answers));
    }
    const r = buildTeamReport(data, { minGroup: 3, showNames: false, createdAt: 'x' });
    expect(r.respondents.folded).toEqual(['leadership']);
    expect(attack(r)).toEqual([]);
  });

  it(
    "on 300 random teams of mixed roles and don't-knows (seed 99), for --min-group 3 and 4",
    () => {
      const random = seeded(99);
      for (let run = 0; run < 300; run++) {
        const responses: Response[] = [];
        const size = 2 + Math.floor(random() * 16);
        for (let k = 0; k < size; k++) {
          const role = ROLES[Math.floor(random() * ROLES.length)] as Role;
          const answers: Record<string, AnswerValue> = {};
          for (const q of questions) answers[q.id] = random() < 0.2 ? 'na' : 1 + Math.floor(random() * 5);
          responses.push(respondent(role, answers));
        }
        for (const minGroup of [3, 4]) expect(attack(team(responses, minGroup)), `run ${run}, --min-group ${minGroup}`).toEqual([]);
      }
    },
    SLOW_TEST_TIMEOUT_MS,
  );
});

describe('sentences about statements', () => {
  it('never pair a score with a reverse-worded statement (seed 5, 100 teams)', () => {
    const random = seeded(5);
    const reversed = questions.filter((q) => q.reverse).map((q) => q.text.replace(/[.!]+$/, ''));
    for (let run = 0; run < 100; run++) {
      const r = team([...Array.from({ length: 4 }, () => person('sales', random)), ...Array.from({ length: 4 }, () => person('marketing', random))]);
      const sentences = [
        r.headline,
        ...r.gaps.flatMap((g) => [...g.pillars, ...g.items].map((e) => e.reading)),
        ...r.nextSteps.map((s) => s.reason),
        ...r.agenda.blocks.flatMap((b) => [b.title, b.purpose, ...b.prompts]),
      ];
      for (const s of sentences) {
        for (const text of reversed) if (s.includes(text)) expect(s, s).not.toMatch(/\d+\/100|\d+ points?\b|rate[sd]? it \d/);
      }
    }
  });
});
