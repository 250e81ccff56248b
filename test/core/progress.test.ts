import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/core/answers.js';
import { allQuestions, type Bank } from '../../src/core/bank.js';
import { bankChange, newProgress, nextUnanswered } from '../../src/core/progress.js';
import { loadBank } from '../../src/io/load-bank.js';
import { ROOT } from '../helpers/cli.js';

const bank = await loadBank(join(ROOT, 'test', 'fixtures', 'survey-bank'));
const quick = allQuestions(bank, 'quick'); // T1, T3, S1

describe('nextUnanswered', () => {
  it.each<[string, Record<string, AnswerValue>, number, number | null]>([
    ['the first question at the start', {}, -1, 0],
    ['skips answered ones, na included', { T1: 4, T3: 'na' }, -1, 2],
    ['the next one after a changed earlier answer', { T1: 2 }, 0, 1],
    ['wraps round to an earlier gap', { S1: 1 }, 2, 0],
    ['null when everything is answered', { T1: 1, T3: 2, S1: 3 }, 1, null],
  ])('%s', (_, answers, from, expected) => {
    expect(nextUnanswered(quick, answers, from)).toBe(expected);
  });
});

describe('bankChange', () => {
  const progress = () => {
    const p = newProgress({ bank, bankDir: null, form: 'quick', respondent: { role: 'sales' }, id: 'run-x', now: '2026-11-01T10:00:00.000Z' });
    p.answers = { T1: 4, T3: 2, S1: 'na' };
    return p;
  };
  const changed = (edit: (b: Bank) => void): Bank => {
    const copy: Bank = structuredClone(bank);
    edit(copy);
    copy.hash = 'changed';
    return copy;
  };
  const question = (b: Bank, id: string) => b.pillars.flatMap((p) => p.questions).find((q) => q.id === id)!;

  it.each<[string, (b: Bank) => void, string[]]>([
    [
      'an action only: every answer stays',
      (b) => {
        question(b, 'T1').action = 'Other action.';
      },
      [],
    ],
    [
      'a reworded question drops its answer',
      (b) => {
        question(b, 'T3').text = 'Reworded.';
      },
      ['T3'],
    ],
    [
      'a reversed question drops its answer',
      (b) => {
        question(b, 'S1').reverse = true;
      },
      ['S1'],
    ],
    [
      'a question out of the quick form drops its answer',
      (b) => {
        question(b, 'T1').quick = false;
      },
      ['T1'],
    ],
    [
      'a new scale drops every answer',
      (b) => {
        b.scale.labels[0] = 'Never';
      },
      ['T1', 'T3', 'S1'],
    ],
  ])('%s', (_, edit, dropped) => {
    const change = bankChange(progress(), changed(edit));
    expect(change?.dropped).toEqual(dropped);
    expect(Object.keys(change?.kept ?? {})).toEqual(['T1', 'T3', 'S1'].filter((id) => !dropped.includes(id)));
  });

  it('is null for the same bank', () => {
    expect(bankChange(progress(), bank)).toBeNull();
  });
});
