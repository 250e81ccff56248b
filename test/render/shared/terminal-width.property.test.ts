import fc from 'fast-check';
import fastStringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/render/shared/terminal-width.js';

// Our terminal widths are those of fast-string-width (the one Inquirer uses), on text of every kind a report can hold.
// The pieces are whole characters as text holds them: the two differ only on fragments, where ours follows wcwidth
// (a lone joiner takes no column; a digit with an emoji selector but no keycap stays one; a colour code inside a flag
// does not split it).

// biome-ignore format: a table of characters reads better in rows
const PIECES = [
  'a', 'Z', '7', ' ', '·', '−', '█', '▍', 'é', 'e\u0301', 'ß', 'Ω', 'Ж', 'ש', 'ع', 'ก', 'क्ष',
  '日', '本', 'カ', 'ｶ', '한', 'Ａ', '　', '〜', '☺', '©', '→', '⌚', '❤', '❤️', '👍', '👍🏽', '👩‍👩‍👧', '🇩🇪', '1️⃣', '🎉',
  '\u00ad', '\u001b[31m', '\u001b[39m', '\u001b[2m', '\u001b[22m',
];

describe('displayWidth', () => {
  it('counts the columns fast-string-width counts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(displayWidth(text)).toBe(fastStringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });
});
