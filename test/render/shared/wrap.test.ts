import { describe, expect, it } from 'vitest';
import { fitLines, wrapLine } from '../../../src/render/shared/wrap.js';

describe('wrapLine', () => {
  it.each([
    ['short', 20, 2, 'short'],
    ['one two three four', 9, 2, 'one two\n  three\n  four'],
    ['  1. do this and that', 13, 5, '  1. do this\n     and that'],
    ['unbreakable-word-longer-than-the-line', 10, 2, 'unbreakable-word-longer-than-the-line'],
    ['no width given stays one line', undefined, 2, 'no width given stays one line'],
  ])('%j at %s columns', (line, width, indent, expected) => {
    expect(wrapLine(line, width, indent)).toBe(expected);
  });

  it('does not count colour codes towards the width', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    expect(wrapLine(`${red('one')} ${red('two')}`, 7, 0)).toBe(`${red('one')} ${red('two')}`);
  });

  it('counts the columns a character takes: two for an East Asian wide character or an emoji', () => {
    // 営業 and マーケ take 4 and 6 columns, though 2 and 3 UTF-16 units.
    expect(wrapLine('営業 マーケ 営業', 11, 0)).toBe('営業 マーケ\n営業');
    expect(wrapLine('🎉🎉 ab', 6, 0)).toBe('🎉🎉\nab');
    expect(wrapLine('Café 営業', 9, 0)).toBe('Café 営業');
  });
});

describe('fitLines', () => {
  it('breaks only the lines wider than the width, each continuing two spaces further in than it starts', () => {
    const text = ['Short line', '  sales 8, marketing 91, gap −83 (−100 to −50) · beyond noise', 'fits'].join('\n');
    expect(fitLines(text, 30)).toBe(['Short line', '  sales 8, marketing 91, gap', '    −83 (−100 to −50) · beyond', '    noise', 'fits'].join('\n'));
    expect(fitLines(text, undefined)).toBe(text);
  });
});
