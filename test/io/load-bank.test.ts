import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/load-bank.js';
import { FIXTURES, problemLines } from '../helpers/fixtures.js';

// One folder under test/fixtures/banks/ per kind of error; `valid` is the folder they were all made from.
const BANKS = join(FIXTURES, 'banks');
const problems = (name: string) => problemLines(loadBank(join(BANKS, name)), join(BANKS, name));

describe('loadBank', () => {
  it('loads a valid bank, pillars in bank.yaml order, defaults filled in', async () => {
    const bank = await loadBank(join(BANKS, 'valid'));
    expect(bank).toMatchObject({ id: 'tiny', title: 'Tiny', version: '1.2.0', scale: { min: 1, max: 5, unknown: "Don't know" } });
    expect(bank.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(bank.pillars.map((p) => [p.id, p.weight, p.questions.map((q) => [q.id, q.pillar, q.reverse, q.weight, q.quick, q.owner])])).toEqual([
      [
        'talk',
        2,
        [
          ['T1', 'talk', false, 1, true, 'both'],
          ['T2', 'talk', true, 2, false, 'leadership'],
        ],
      ],
      [
        'share',
        1,
        [
          ['S1', 'share', false, 1, true, 'marketing'],
          ['S2', 'share', false, 1, false, 'sales'],
        ],
      ],
    ]);
    expect(bank.pillars[0]?.advice).toEqual({ low: ['Talk more.'], high: ['Keep talking.'] });
  });

  it('loads the built-in bank by default', async () => {
    const bank = await loadBank();
    expect(bank.id).toBe('cash');
    expect(bank.pillars.map((p) => p.id)).toEqual(['communication', 'alignment', 'systems', 'honesty']);
  });

  it.each([
    { name: 'unknown-key-bank', lines: ['bank.yaml:3:1: colour: unknown key "colour"'] },
    {
      name: 'unknown-key',
      lines: ['talk.yaml:12:5: questions[0].quik: unknown key "quik" (did you mean "quick"?)', 'talk.yaml:2:1: colour: unknown key "colour"'],
    },
    {
      name: 'wrong-type',
      lines: ['talk.yaml:4:9: weight: must be a number, not "heavy"', 'share.yaml:10:12: questions[0].quick: must be a boolean, not "yes"'],
    },
    { name: 'missing-field', lines: ['talk.yaml:1:1: summary: is required', 'share.yaml:13:5: questions[1].text: is required'] },
    {
      name: 'three-errors',
      lines: [
        'talk.yaml:1:1: summary: is required',
        'talk.yaml:10:12: questions[0].quick: must be a boolean, not 1',
        'talk.yaml:17:12: questions[1].owner: must be one of sales, marketing, both, leadership, revops, not "ceo"',
      ],
    },
    { name: 'duplicate-id', lines: ['share.yaml:13:9: questions[1].id: duplicate question id "T1" (first in talk.yaml)'] },
    {
      name: 'bands-not-ascending',
      lines: [
        'bank.yaml:12:33: bands[2].min: bands must be in ascending order: 50 is not above 50',
        'bank.yaml:13:33: bands[3].min: bands must be in ascending order: 20 is not above 50',
      ],
    },
    { name: 'first-band-not-zero', lines: ['bank.yaml:10:33: bands[0].min: the first band must start at 0, so that every score has a band'] },
    { name: 'labels-count', lines: ['bank.yaml:7:11: scale.labels: 4 labels for a 5-point scale (1..5): give one label per point'] },
    { name: 'scale-one-point', lines: ['bank.yaml:6:8: scale.max: the scale must have 2 to 11 points, not 1'] },
    {
      name: 'missing-pillar-file',
      lines: ['bank.yaml:14:5: pillars[1]: no file listen.yaml for pillar "listen"', 'bank.yaml:16:5: pillars[3]: no file trust.yaml for pillar "trust"'],
    },
    { name: 'advice-unknown-band', lines: ['talk.yaml:8:3: advice.hihg: advice for unknown band "hihg" (bands: low, high)'] },
    { name: 'advice-missing', lines: ['talk.yaml:5:1: advice: no advice for band high', 'share.yaml:4:1: advice: no advice for bands low, high'] },
    { name: 'pillar-id-mismatch', lines: ['talk.yaml:1:5: id: pillar id "Talk" must match its file name "talk"'] },
    { name: 'duplicate-yaml-key', lines: ['talk.yaml:4:1: duplicate key "summary"'] },
  ])('$name', async ({ name, lines }) => {
    expect(await problems(name)).toEqual(lines);
  });

  it('refuses a folder without bank.yaml', async () => {
    expect(await problems('.')).toEqual(['bank.yaml: no such file or folder']);
  });
});
