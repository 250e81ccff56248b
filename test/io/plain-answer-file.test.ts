import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersFileSchema } from '../../src/core/answers-schema.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { loadBank } from '../../src/io/load-bank.js';
import { plainAnswersFile, readPlainAnswers } from '../../src/io/plain-answer-file.js';
import { readTextFile } from '../../src/io/read-text.js';
import { renderAnswerFile } from '../../src/render/answer-file.js';
import { tempDir } from '../helpers/cli.js';

// The fast path's hand check must never accept what the schema would read differently.

const odd = fc.oneof(
  fc.constantFrom(0, -1, 2.5, 1e21, Number.MAX_SAFE_INTEGER + 2, 'NA', true, '', ' Dana', 'Dana ', 'x'.repeat(201), 'ceo', undefined),
  fc.string({ maxLength: 8 }),
);
/** Mostly values of the plain shape, sometimes anything. */
const value = (...plain: unknown[]) => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: odd });
const data = fc
  .record(
    {
      respondent: fc.oneof(
        {
          weight: 9,
          arbitrary: fc.record(
            { role: value('sales', 'marketing', null), name: value('Dana', 'Ann Lee'), team: value('EMEA'), email: value(undefined) },
            { requiredKeys: [] },
          ),
        },
        { weight: 1, arbitrary: odd },
      ),
      answers: fc.oneof(
        { weight: 9, arbitrary: fc.dictionary(fc.constantFrom('C1', 'C2', 'S1', 'x'), value(1, 3, 5, 'na', null), { maxKeys: 4 }) },
        { weight: 1, arbitrary: odd },
      ),
      bank: fc.oneof(
        { weight: 4, arbitrary: fc.record({ id: value('cash'), version: value('1.0.0'), hash: value(undefined) }, { requiredKeys: [] }) },
        { weight: 1, arbitrary: odd },
      ),
    },
    { requiredKeys: ['answers'] },
  )
  .chain((d) =>
    fc.constantFrom(d, d, d, { ...d, takenAt: '2024-05-01T10:00:00.000Z' }, { ...d, takenAt: '2024-05-01' }, { ...d, takenAt: 7 }, { ...d, other: 1 }),
  )
  .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>); // as a parser gives it: no undefined values

describe('plainAnswersFile', () => {
  it('accepts only what the schema reads the same', () => {
    let accepted = 0;
    fc.assert(
      fc.property(data, (d) => {
        const plain = plainAnswersFile(d);
        if (plain === null) return;
        accepted++;
        const parsed = answersFileSchema.safeParse(d);
        expect(parsed.success).toBe(true);
        expect(plain).toEqual(parsed.data);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('takes a time the schema accepts, and the ones the survey writes', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const time = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')),
        two(13),
        two(32),
        two(25),
        two(61),
        two(61),
        fc.constantFrom('', '.5', '.123', '.1234567890'),
        fc.constantFrom('Z', '+01:00', '-23:59', '+24:00', '', 'z', '+0100'),
      )
      .map(([y, mo, d, h, mi, s, fraction, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${zone}`);
    fc.assert(
      fc.property(time, (takenAt) => {
        if (plainAnswersFile({ answers: {}, takenAt }) !== null) expect(answersFileSchema.shape.takenAt.safeParse(takenAt).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), (date) => {
        expect(plainAnswersFile({ answers: {}, takenAt: date.toISOString() })).not.toBeNull();
      }),
    );
  });

  it('reads the plain shape', () => {
    expect(plainAnswersFile({ respondent: { role: 'sales', name: 'Dana' }, answers: { C1: 4, C2: 'na', C3: null } })).toEqual({
      respondent: { role: 'sales', name: 'Dana' },
      answers: { C1: 4, C2: 'na', C3: null },
    });
    expect(plainAnswersFile({ answers: {} })).toEqual({ answers: {}, respondent: {} });
  });
});

describe('readPlainAnswers', () => {
  it('takes the fast path for a file the survey saved', async () => {
    const dir = tempDir();
    const bank = await loadBank();
    const answers = Object.fromEntries(bank.pillars.flatMap((p) => p.questions).map((q, i) => [q.id, i % 7 === 0 ? ('na' as const) : 1 + (i % 5)]));
    const file = join(dir, 'dana.yaml');
    await writeFile(file, renderAnswerFile(bank, 'full', { respondent: { role: 'sales', name: 'Dana' }, answers, takenAt: '2024-05-01T10:00:00.000Z' }));
    const plain = readPlainAnswers(await readTextFile(file));
    expect(plain).not.toBeNull();
    expect(plain).toEqual(answersFileSchema.parse(parseDocument(await readFile(file, 'utf8')).toJS()));
  });
});
