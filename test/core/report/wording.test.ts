import { describe, expect, it } from 'vitest';
import { respondentCount } from '../../../src/core/report/wording.js';

describe('respondentCount', () => {
  it.each([
    [0, '0 respondents'],
    [1, '1 respondent'],
    [2, '2 respondents'],
    [7, '7 respondents'],
  ])('%i → %s', (n, text) => {
    expect(respondentCount(n)).toBe(text);
  });
});
