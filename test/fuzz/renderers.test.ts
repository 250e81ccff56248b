import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/answers.js';
import type { Bank } from '../../src/core/bank.js';
import { buildSingleReport } from '../../src/core/report-model.js';
import { scoreRespondent } from '../../src/core/scoring.js';
import { SINGLE_FORMATS, singleRenderers } from '../../src/render/index.js';
import { CONTROL_CHARACTERS } from '../../src/render/sanitize.js';
import { tinyBank } from '../helpers/tiny-bank.js';

// Any text in a bank or an answer file, any answers, any terminal width: every renderer in the registry
// returns a string without a control character a terminal would act on (JSON writes them as escapes and
// reads back exactly). A new format in src/render/index.ts is covered without a change here.

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
    const ids = bank.pillars.flatMap((p) => p.questions.map((q) => q.id));
    const value = fc.oneof(fc.integer({ min: bank.scale.min, max: bank.scale.max }), fc.constant<AnswerValue>('na'));
    return fc.tuple(fc.constant(c), fc.constant(bank), fc.record(Object.fromEntries(ids.map((id) => [id, value]))));
  });

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
