import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/answers.js';
import type { Bank } from '../../src/core/bank.js';
import { TeamData } from '../../src/core/aggregate.js';
import { ROLES } from '../../src/core/bank-schema.js';
import { compareResults } from '../../src/core/compare.js';
import { buildSingleReport } from '../../src/core/report-model.js';
import type { Role } from '../../src/core/roles.js';
import { buildTeamReport, type TeamReport } from '../../src/core/team-report-model.js';
import { scoreRespondent } from '../../src/core/scoring.js';
import { COMPARE_FORMATS, compareRenderers, SINGLE_FORMATS, singleRenderers, TEAM_FORMATS, teamRenderers } from '../../src/render/index.js';
import { CONTROL_CHARACTERS } from '../../src/render/sanitize.js';
import { tinyBank } from '../helpers/tiny-bank.js';

// Any text in a bank or an answer file, any answers, any terminal width: every renderer in the registry
// returns a string without a control character a terminal would act on (JSON writes them as escapes and
// reads back exactly). Single, team and compare renderers alike: a new format in src/render/index.ts is covered
// without a change here.

const UNSAFE = new RegExp(CONTROL_CHARACTERS.source);
const hostile = fc.constantFrom('\u001b[31m', '\u001b]8;;https://x.example/\u001b\\', '\u001b]52;c;eA==\u0007', '\u009b2J', '\u202e', '\r', '\n', '<script>', '| # * _', '👩‍👩‍👧', '日本語', ' ');
const text = fc.array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 12 })), { minLength: 1, maxLength: 6 }).map((parts) => `x${parts.join('')}`);

const caseArb = fc
  .record({
    pillars: fc.array(fc.record({ name: text, questions: fc.array(fc.record({ reverse: fc.boolean(), quick: fc.boolean(), text, action: text }), { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
    title: text,
    label: text,
    name: fc.option(text, { nil: undefined }),
    team: fc.option(text, { nil: undefined }),
    width: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    color: fc.boolean(),
  })
  .chain((c) => {
    const bank: Bank = tinyBank({
      pillars: c.pillars.map((p, i) => ({ id: `p${i}`, name: p.name, questions: p.questions.map((q, j) => ({ id: `Q${i}_${j}`, ...q })) })),
    });
    bank.title = c.title;
    bank.scale.labels = bank.scale.labels.map((l, i) => (i === 0 ? c.label : l));
    bank.scale.unknown = c.label;
    return fc.tuple(fc.constant(c), fc.constant(bank), answersFor(bank));
  });

function answersFor(bank: Bank): fc.Arbitrary<Record<string, AnswerValue>> {
  const ids = bank.pillars.flatMap((p) => p.questions.map((q) => q.id));
  const value = fc.oneof(fc.integer({ min: bank.scale.min, max: bank.scale.max }), fc.constant<AnswerValue>('na'));
  return fc.record(Object.fromEntries(ids.map((id) => [id, value])));
}

/** A team of random size per role, with random names and teams, on a random bank; and a later answer set for each. */
const teamCaseArb = caseArb.chain(([c, bank]) => {
  const person = fc.record({ role: fc.constantFrom<Role>(...ROLES), name: text, team: text, before: answersFor(bank), after: answersFor(bank) });
  return fc.tuple(fc.constant(c), fc.constant(bank), fc.array(person, { minLength: 1, maxLength: 12 }), fc.boolean());
});

function teamOf(bank: Bank, people: readonly { role: Role; name: string; team: string; before: Record<string, AnswerValue>; after: Record<string, AnswerValue> }[], when: 'before' | 'after', showNames: boolean): TeamReport {
  const data = new TeamData(bank, 'full', { keepNames: showNames });
  for (const p of people) data.add({ respondent: { role: p.role, name: p.name, team: p.team }, answers: p[when] });
  return buildTeamReport(data, { minGroup: 2, showNames, createdAt: '2026-03-02T09:30:00Z' });
}

/** CSV keeps carriage returns: they end its records and may sit inside a quoted cell. */
function expectSafe(output: string, format?: string): void {
  expect(format === 'csv' ? output.replace(/\r/g, '') : output).not.toMatch(UNSAFE);
}

describe('renderers under random text', () => {
  it.each(SINGLE_FORMATS)('%s: never throws, never prints a control sequence', async (format) => {
    const render = await singleRenderers[format]();
    fc.assert(
      fc.property(caseArb, ([c, bank, answers]) => {
        const respondent = { role: 'sales' as const, ...(c.name ? { name: c.name } : {}), ...(c.team ? { team: c.team } : {}) };
        const report = buildSingleReport(bank, { respondent, answers }, scoreRespondent(bank, 'full', answers), '2026-03-02T09:30:00Z');
        const output = render(report, { color: false, ...(c.width === undefined ? {} : { width: c.width }) });
        expectSafe(output);
        if (format === 'json') expect(JSON.parse(output)).toEqual(report);
        if (c.color && format === 'text') {
          const coloured = render(report, { color: true });
          expect(coloured.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(/\u001b/);
        }
      }),
      { numRuns: 80 },
    );
  });

  it.each(TEAM_FORMATS)('team %s: never throws, never prints a control sequence', async (format) => {
    const render = await teamRenderers[format]();
    fc.assert(
      fc.property(teamCaseArb, ([c, bank, people, showNames]) => {
        const report = teamOf(bank, people, 'before', showNames);
        const output = render(report, { color: false, ...(c.width === undefined ? {} : { width: c.width }) });
        expectSafe(output, format);
        if (format === 'json') expect(JSON.parse(output)).toEqual(report);
      }),
      { numRuns: 30 },
    );
  });

  it.each(COMPARE_FORMATS)('compare %s: never throws, never prints a control sequence', async (format) => {
    const render = await compareRenderers[format]();
    fc.assert(
      fc.property(teamCaseArb, ([c, bank, people, showNames]) => {
        const report = compareResults(teamOf(bank, people, 'before', showNames), teamOf(bank, people, 'after', showNames));
        const output = render(report, { color: false, ...(c.width === undefined ? {} : { width: c.width }) });
        expectSafe(output);
        if (format === 'json') expect(JSON.parse(output)).toEqual(report);
      }),
      { numRuns: 30 },
    );
  });
});
