import fc from 'fast-check';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';
import { describe, expect, it } from 'vitest';
import { TeamData } from '../../src/core/aggregate.js';
import type { AnswerValue, Response } from '../../src/core/answers.js';
import type { Bank } from '../../src/core/bank.js';
import { ROLES, type Role } from '../../src/core/roles.js';
import { itemScore, scoreRespondent } from '../../src/core/scoring.js';
import { cronbachAlpha } from '../../src/core/stats.js';
import { buildTeamReport } from '../../src/core/report/team/build.js';
import type { TeamReport } from '../../src/core/report/team/schema.js';
import { tinyBank } from '../helpers/tiny-bank.js';

// Invariants of the team figures over random banks and rooms: the order respondents come in does not
// matter, swapping sales and marketing negates the gap, and a team score lies within its respondents'.

const bankArb = fc
  .array(fc.array(fc.record({ reverse: fc.boolean(), weight: fc.constantFrom(1, 2, 0.5) }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
  .map((pillars) => tinyBank({ pillars: pillars.map((qs, i) => ({ id: `p${i}`, weight: i + 1, questions: qs.map((q, j) => ({ id: `Q${i}_${j}`, ...q })) })) }));

const answerArb: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constant<AnswerValue>('na') },
);

const roomArb = (bank: Bank, roles: fc.Arbitrary<Role>, value = answerArb) => {
  const ids = bank.pillars.flatMap((p) => p.questions.map((q) => q.id));
  const person = fc.record({ role: roles, answers: fc.record(Object.fromEntries(ids.map((id) => [id, value]))) });
  return fc.array(person, { minLength: 1, maxLength: 25 }).map((people) =>
    people.map(
      (p): Response => ({
        respondent: { role: p.role },
        answers: Object.fromEntries(Object.entries(p.answers).filter((e): e is [string, AnswerValue] => e[1] !== undefined)),
      }),
    ),
  );
};

const caseArb = (roles: fc.Arbitrary<Role> = fc.constantFrom(...ROLES)) => bankArb.chain((bank) => fc.tuple(fc.constant(bank), roomArb(bank, roles)));

function report(bank: Bank, responses: readonly Response[]): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: false });
  for (const r of responses) data.add(r);
  return buildTeamReport(data, { minGroup: 1, showNames: false, createdAt: '2026-03-02T09:30:00Z' });
}

/** The report with every figure to 9 significant digits: sums in another order differ in the last bits. */
const figures = (r: TeamReport): unknown =>
  JSON.parse(JSON.stringify(r), (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(9)) : value));

const near = (got: number | null | undefined, want: number | null | undefined) => {
  if (want === null || want === undefined) expect(got ?? null).toBeNull();
  else expect(got as number).toBeCloseTo(want, 9);
};

describe('team figures: invariants', () => {
  it(
    'do not depend on the order of respondents',
    () => {
      fc.assert(
        fc.property(
          caseArb().chain(([bank, room]) =>
            fc.tuple(fc.constant(bank), fc.constant(room), fc.shuffledSubarray(room, { minLength: room.length, maxLength: room.length })),
          ),
          ([bank, room, shuffled]) => {
            expect(figures(report(bank, shuffled))).toEqual(figures(report(bank, room)));
          },
        ),
        { numRuns: 150 },
      );
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  it(
    'negate the sales − marketing gap and its g when sales and marketing swap',
    () => {
      const swap: Record<string, Role> = { sales: 'marketing', marketing: 'sales' };
      fc.assert(
        fc.property(caseArb(fc.constantFrom<Role>('sales', 'marketing', 'leadership')), ([bank, room]) => {
          const swapped = room.map((r) => ({ ...r, respondent: { role: swap[r.respondent.role] ?? r.respondent.role } }));
          const gap = (r: TeamReport) => r.gaps.find((g) => g.id === 'sales-marketing');
          const [before, after] = [gap(report(bank, room)), gap(report(bank, swapped))];
          expect(after?.shown).toBe(before?.shown);
          if (!before?.shown || !after) return;
          const entries = (g: NonNullable<typeof before>) =>
            new Map([...g.pillars.map((p) => [p.pillar, p] as const), ...g.items.map((i) => [i.item, i] as const)]);
          const swappedEntries = entries(after);
          for (const [id, e] of entries(before)) {
            const s = swappedEntries.get(id);
            near(s?.a, e.b);
            near(s?.b, e.a);
            near(s?.gap, e.gap === null ? null : -e.gap);
            near(s?.g, e.g === null ? null : -e.g);
            expect(s?.size).toBe(e.size);
          }
        }),
        { numRuns: 150 },
      );
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  it(
    'keep each team score within its respondents’ lowest and highest',
    () => {
      fc.assert(
        fc.property(caseArb(), ([bank, room]) => {
          const r = report(bank, room);
          const scores = room.map((x) => scoreRespondent(bank, 'full', x.answers));
          const check = (team: TeamReport['overall']['team'], own: (number | null)[]) => {
            const xs = own.filter((x): x is number => x !== null);
            expect(team.n).toBe(xs.length);
            if (xs.length === 0) return;
            near(team.min, Math.min(...xs));
            near(team.max, Math.max(...xs));
            for (const figure of [team.mean, team.median]) {
              expect(figure as number).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
              expect(figure as number).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
            }
          };
          check(
            r.overall.team,
            scores.map((s) => s.overall),
          );
          r.pillars.forEach((p, k) =>
            check(
              p.team,
              scores.map((s) => s.pillars[k]?.score ?? null),
            ),
          );
        }),
        { numRuns: 150 },
      );
    },
    SLOW_TEST_TIMEOUT_MS,
  );

  it(
    'count answers, and compute alpha, as counting and cronbachAlpha do respondent by respondent',
    () => {
      const withMissing = fc.oneof({ weight: 6, arbitrary: answerArb }, { weight: 1, arbitrary: fc.constant(undefined) });
      const arb = bankArb.chain((bank) =>
        fc.tuple(fc.constant(bank), roomArb(bank, fc.constantFrom(...ROLES), withMissing), fc.subarray([...ROLES], { minLength: 1 })),
      );
      fc.assert(
        fc.property(arb, ([bank, room, group]) => {
          const data = new TeamData(bank, 'full', { keepNames: false });
          for (const r of room) data.add(r);
          const counts = data.itemCounts();
          data.questions.forEach((q, k) => {
            ROLES.forEach((role, r) => {
              const answers = room.filter((x) => x.respondent.role === role).map((x) => x.answers[q.id]);
              expect([...(counts[k]?.values[r] ?? [])]).toEqual([1, 2, 3, 4, 5].map((v) => answers.filter((a) => a === v).length));
              expect(counts[k]?.unknown[r]).toBe(answers.filter((a) => a === 'na').length);
              expect(counts[k]?.asked[r]).toBe(answers.length);
            });
          });
          for (const pillar of bank.pillars) {
            const items = data.questions.filter((q) => q.pillar === pillar.id);
            const rows = room
              .filter((x) => group.includes(x.respondent.role))
              .map((x) => items.map((q) => x.answers[q.id]))
              .filter((row): row is number[] => row.every((a) => typeof a === 'number'))
              .map((row) => row.map((a, i) => (items[i]?.weight ?? 1) * itemScore(a, bank.scale, items[i]?.reverse ?? false)));
            const alpha = data.alpha(
              items.map((q) => data.questions.indexOf(q)),
              group,
            );
            expect(alpha.complete).toBe(rows.length);
            near(alpha.alpha, cronbachAlpha(rows));
          }
        }),
        { numRuns: 150 },
      );
    },
    SLOW_TEST_TIMEOUT_MS,
  );
});
