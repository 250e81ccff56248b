import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bank, Form } from '../../src/core/bank.js';
import type { Role } from '../../src/core/roles.js';
import { loadResponse } from '../../src/io/load-answers.js';
import { loadBank } from '../../src/io/load-bank.js';
import { FIXTURES, problemLines } from '../helpers/fixtures.js';

// Answer files under test/fixtures/answers/, for the bank test/fixtures/banks/valid:
// tiny 1.2.0, scale 1..5; talk: T1 (quick), T2; share: S1 (quick), S2.
const ANSWERS = join(FIXTURES, 'answers');
let bank: Bank;
beforeAll(async () => {
  bank = await loadBank(join(FIXTURES, 'banks', 'valid'));
});

const load = (name: string, form: Form = 'full', role?: Role) => loadResponse(join(ANSWERS, name), bank, form, role);
const problems = (name: string, form: Form = 'full', role?: Role) => problemLines(load(name, form, role), ANSWERS);

describe('loadResponse', () => {
  it('reads the respondent, the answers and when it was taken; a newer minor version of the bank is fine', async () => {
    expect(await load('valid.yaml')).toEqual({
      respondent: { role: 'marketing', name: 'Dana', team: 'EMEA' },
      answers: { T1: 4, T2: 'na', S1: 1, S2: 5 },
      takenAt: '2026-03-04T05:06:07+01:00',
    });
  });

  it.each([
    { name: 'unknown-id.yaml', lines: ['unknown-id.yaml:5:3: answers.X9: unknown question id "X9"'] },
    {
      name: 'off-scale.yaml',
      lines: [
        'off-scale.yaml:3:7: answers.T1: 6 is off the scale 1..5 (or na)',
        'off-scale.yaml:5:7: answers.S1: 0 is off the scale 1..5 (or na)',
        'off-scale.yaml:6:7: answers.S2: -1 is off the scale 1..5 (or na)',
      ],
    },
    {
      name: 'fractional.yaml',
      lines: [
        'fractional.yaml:4:7: answers.T2: 2.5 is not a whole number on the scale 1..5 (or na)',
        'fractional.yaml:5:7: answers.S1: "3" is not a whole number on the scale 1..5 (or na)',
      ],
    },
    {
      // T2 is there but empty (points at its key); S2 is not there at all (points at `answers:`)
      name: 'missing.yaml',
      lines: [
        'missing.yaml:4:3: answers.T2: no answer ("We only talk when something breaks.")',
        'missing.yaml:2:1: answers: S2: no answer ("Sales shares objections.")',
      ],
    },
    { name: 'no-role.yaml', lines: ['no-role.yaml:1:1: respondent: role is required (one of sales, marketing, leadership, revops, other), or pass --role'] },
    { name: 'other-bank.yaml', lines: ['other-bank.yaml:1:13: bank.id: answers are for bank "cash", not "tiny"'] },
    {
      name: 'major-version.yaml',
      lines: ['major-version.yaml:3:12: bank.version: answers are for version 2.0.0 of the bank, which is now 1.2.0: major versions differ'],
    },
    {
      name: 'unknown-key.yaml',
      lines: [
        'unknown-key.yaml:1:28: respondent.teem: unknown key "teem" (did you mean "team"?)',
        'unknown-key.yaml:1:1: answers: is required',
        'unknown-key.yaml:2:1: answer: unknown key "answer" (did you mean "answers"?)',
      ],
    },
    { name: 'valid.txt', lines: ['valid.txt: answer files end in .yaml, .yml, .json'] },
  ])('$name', async ({ name, lines }) => {
    expect(await problems(name)).toEqual(lines);
  });

  it('asks only for the questions of the chosen form', async () => {
    expect(await load('missing.yaml', 'quick')).toEqual({ respondent: { role: 'sales' }, answers: { T1: 4, S1: 'na' } });
  });

  it('takes the role from --role when the file has none, and --role wins over the file', async () => {
    expect((await load('no-role.yaml', 'full', 'revops')).respondent).toEqual({ role: 'revops', name: 'Dana' });
    expect((await load('valid.yaml', 'full', 'sales')).respondent.role).toBe('sales');
  });

  it('lists every problem of a file, wrong types and off-scale values and unknown ids alike', async () => {
    expect(await problems('all-problems.yaml')).toEqual([
      'all-problems.yaml:1:28: bank.version: answers are for version 3.0.0 of the bank, which is now 1.2.0: major versions differ',
      'all-problems.yaml:2:1: respondent: role is required (one of sales, marketing, leadership, revops, other), or pass --role',
      'all-problems.yaml:4:7: answers.T1: 2.5 is not a whole number on the scale 1..5 (or na)',
      'all-problems.yaml:5:7: answers.T2: 9 is off the scale 1..5 (or na)',
      'all-problems.yaml:6:3: answers.X1: unknown question id "X1"',
      'all-problems.yaml:3:1: answers: S1: no answer ("We share one dashboard.")',
      'all-problems.yaml:3:1: answers: S2: no answer ("Sales shares objections.")',
    ]);
  });

  it('points into JSON answer files as precisely as into YAML ones', async () => {
    expect(await problems('all-problems.json', 'quick')).toEqual([
      'all-problems.json:5:11: answers.T2: 1.5 is not a whole number on the scale 1..5 (or na)',
      'all-problems.json:6:11: answers.S1: 0 is off the scale 1..5 (or na)',
      'all-problems.json:7:5: answers.Z9: unknown question id "Z9"',
    ]);
  });
});
