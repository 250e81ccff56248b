import { describe, expect, it } from 'vitest';
import { sameAnswersInTopBand } from '../../src/core/same-answer.js';
import { loadBank } from '../../src/io/load-bank.js';

describe('sameAnswersInTopBand', () => {
  it('finds where bank 1.0.0 reads agreeing with everything as aligned (hand-computed)', async () => {
    const found = await loadBank('cash@1').then((bank) => sameAnswersInTopBand(bank, 'full'));
    expect(found.map(({ value, pillar }) => [value, pillar])).toEqual([
      [5, null],
      [5, 'communication'],
      [5, 'alignment'],
      [5, 'systems'],
      [5, 'honesty'],
    ]);
    const score = (pillar: string | null) => found.find((f) => f.pillar === pillar)?.score;
    expect(score('communication')).toBeCloseTo((10 * 100) / 12, 9); // 10 of 12 forward, all weight 1
    expect(score('alignment')).toBeCloseTo((11 * 100) / 14, 9); // weight 11 of 14 forward
    expect(score('systems')).toBeCloseTo((10 * 100) / 13, 9); // weight 10 of 13 forward
    expect(score('honesty')).toBeCloseTo(75, 9); // 9 of 12 forward
    expect(score(null)).toBeCloseTo((1000 / 12 + 1100 / 14 + 1000 / 13 + 75) / 4, 9);
  });

  it('finds nothing in bank 2.0.0, either form', async () => {
    const bank = await loadBank();
    expect(sameAnswersInTopBand(bank, 'full')).toEqual([]);
    expect(sameAnswersInTopBand(bank, 'quick')).toEqual([]);
  });
});
