import { describe, expect, it } from 'vitest';
import { fitLines, visibleLength, wrapLine } from '../../../src/render/shared/wrap.js';

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
    expect(visibleLength(red('abc'))).toBe(3);
    expect(wrapLine(`${red('one')} ${red('two')}`, 7, 0)).toBe(`${red('one')} ${red('two')}`);
  });
});

describe('fitLines', () => {
  it('breaks only the lines wider than the width, each continuing two spaces further in than it starts', () => {
    const text = ['Short line', '  sales 8, marketing 91, gap −83 (−100 to −50) · beyond noise', 'fits'].join('\n');
    expect(fitLines(text, 30)).toBe(['Short line', '  sales 8, marketing 91, gap', '    −83 (−100 to −50) · beyond', '    noise', 'fits'].join('\n'));
    expect(fitLines(text, undefined)).toBe(text);
  });
});
