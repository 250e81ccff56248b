import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/answers.js';
import type { Bank } from '../../src/core/bank.js';
import { TeamData } from '../../src/core/aggregate.js';
import { compareResults } from '../../src/core/report/compare/build.js';
import { buildSingleReport } from '../../src/core/report/single/build.js';
import { ROLES } from '../../src/core/roles.js';
import { scoreRespondent } from '../../src/core/scoring.js';
import { buildTeamReport } from '../../src/core/report/team/build.js';
import { COMPARE_FORMATS, SINGLE_FORMATS, TEAM_FORMATS } from '../../src/render/formats.js';
import { compareRenderers, singleRenderers, teamRenderers } from '../../src/render/index.js';
import { CONTROL_CHARACTERS } from '../../src/render/shared/sanitize.js';
import { tinyBank } from '../helpers/tiny-bank.js';

// Any text in a bank or an answer file, any answers, any terminal width: every renderer in the registry
// returns a string without a control character a terminal would act on (JSON writes them as escapes and
// reads back exactly). A new format in src/render/index.ts is covered without a change here.

const UNSAFE = new RegExp(CONTROL_CHARACTERS.source);
const hostile = fc.constantFrom(
  '\u001b[31m',
  '\u001b]8;;https://x.example/\u001b\\',
  '\u001b]52;c;eA==\u0007',
  '\u009b2J',
  '\u202e',
  '\r',
  '\n',
  '<script>',
  '| # * _',
  '👩‍👩‍👧',
  '日本語',
  ' ',
);
const text = fc.array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 12 })), { minLength: 1, maxLength: 6 }).map((parts) => `x${parts.join('')}`);

const caseArb = fc
  .record({
    pillars: fc.array(
      fc.record({
        name: text,
        questions: fc.array(fc.record({ reverse: fc.boolean(), quick: fc.boolean(), text, action: text }), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
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
    const ids = bank.pillars.flatMap((p) => p.questions.map((q) => q.id));
    const value = fc.oneof(fc.integer({ min: bank.scale.min, max: bank.scale.max }), fc.constant<AnswerValue>('na'));
    const answers = fc.record(Object.fromEntries(ids.map((id) => [id, value])));
    const people = fc.array(fc.record({ role: fc.constantFrom(...ROLES), name: text, answers }), { minLength: 1, maxLength: 12 });
    return fc.tuple(fc.constant(c), fc.constant(bank), answers, people, people);
  });

/** The team report of random people, names shown, groups of one shown alone so that every part is rendered. */
function teamReport(bank: Bank, people: { role: (typeof ROLES)[number]; name: string; answers: Record<string, AnswerValue> }[]) {
  const data = new TeamData(bank, 'full', { keepNames: true });
  for (const p of people) data.add({ respondent: { role: p.role, name: p.name }, answers: p.answers });
  return buildTeamReport(data, { minGroup: 1, showNames: true, createdAt: '2026-03-02T09:30:00Z' });
}

/** What every renderer must hold to: nothing a terminal acts on, colour codes only, JSON read back exactly. */
function expectSafe(output: string, report: unknown, format: string, coloured?: string): void {
  // CSV rows end in CRLF, as the format has it; no cell holds a line break.
  expect(format === 'csv' ? output.replaceAll('\r\n', '\n') : output).not.toMatch(UNSAFE);
  if (format === 'json') expect(JSON.parse(output)).toEqual(report);
  if (coloured !== undefined) expect(coloured.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(/\u001b/);
}

describe('renderers under random text', () => {
  it.each(SINGLE_FORMATS)('%s: never throws, never prints a control sequence', async (format) => {
    const render = await singleRenderers[format]();
    fc.assert(
      fc.property(caseArb, ([c, bank, answers]) => {
        const respondent = { role: 'sales' as const, ...(c.name ? { name: c.name } : {}), ...(c.team ? { team: c.team } : {}) };
        const report = buildSingleReport(bank, { respondent, answers }, scoreRespondent(bank, 'full', answers), '2026-03-02T09:30:00Z');
        const output = render(report, { color: false, ...(c.width === undefined ? {} : { width: c.width }) });
        expect(output).not.toMatch(UNSAFE);
        if (format === 'json') expect(JSON.parse(output)).toEqual(report);
        if (c.color && format === 'text') {
          const coloured = render(report, { color: true });
          expect(coloured.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(/\u001b/);
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('team and compare renderers under random text', () => {
  it.each(TEAM_FORMATS)('team %s: never throws, never prints a control sequence', async (format) => {
    const render = await teamRenderers[format]();
    fc.assert(
      fc.property(caseArb, ([c, bank, , people]) => {
        const report = teamReport(bank, people);
        const options = { color: false, ...(c.width === undefined ? {} : { width: c.width }) };
        expectSafe(render(report, options), report, format, c.color && format === 'text' ? render(report, { ...options, color: true }) : undefined);
      }),
      { numRuns: 40 },
    );
  });

  it.each(COMPARE_FORMATS)('compare %s (team and single results): never throws, never prints a control sequence', async (format) => {
    const render = await compareRenderers[format]();
    fc.assert(
      fc.property(caseArb, ([c, bank, answers, before, after]) => {
        const single = buildSingleReport(
          bank,
          { respondent: { role: 'sales', ...(c.name ? { name: c.name } : {}) }, answers },
          scoreRespondent(bank, 'full', answers),
          '2026-03-02T09:30:00Z',
        );
        const options = { color: false, ...(c.width === undefined ? {} : { width: c.width }) };
        for (const report of [compareResults(teamReport(bank, before), teamReport(bank, after)), compareResults(single, single)]) {
          expectSafe(render(report, options), report, format, c.color && format === 'text' ? render(report, { ...options, color: true }) : undefined);
        }
      }),
      { numRuns: 40 },
    );
  });
});
