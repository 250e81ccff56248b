import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandColor, contrast, heatColor, seriesStyle, textOn } from '../../../../src/render/shared/svg/palette.js';
import { svgFrame, wrapWords } from '../../../../src/render/shared/svg/svg.js';

describe('wrapWords', () => {
  it.each([
    ['Communication', 18, 2, ['Communication']],
    ['Leadership ownership and more words', 18, 2, ['Leadership', 'ownership and mor…']],
    ['one two three', 7, 3, ['one two', 'three']],
    ['Supercalifragilistic', 8, 3, ['Supercal', 'ifragili', 'stic']],
    ['a b c d e f', 3, 1, ['a…']],
  ])('%j in %i chars, %i lines', (text, chars, lines, want) => {
    expect(wrapWords(text, chars, lines)).toEqual(want);
  });

  it('never exceeds the width or the line count', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 4 }), (text, chars, lines) => {
        const out = wrapWords(text, chars, lines);
        expect(out.length).toBeLessThanOrEqual(lines);
        for (const line of out) expect([...line].length).toBeLessThanOrEqual(chars);
      }),
    );
  });
});

describe('palette', () => {
  it('tells the first series apart by colour, dash and marker alike', () => {
    const styles = Array.from({ length: 7 }, (_, i) => seriesStyle(i));
    for (const key of ['color', 'dash', 'marker'] as const) expect(new Set(styles.map((s) => s[key])).size).toBe(7);
  });

  it('writes heat-map numbers with at least 4.5:1 contrast on every score', () => {
    for (let score = 0; score <= 100; score += 1) {
      const background = heatColor(score);
      expect(contrast(background, textOn(background))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each([
    [0, 3, '#d55e00'],
    [1, 3, '#e69f00'],
    [2, 3, '#0072b2'],
    [0, 1, '#0072B2'],
  ])('band %i of %i is %s', (index, count, color) => {
    expect(bandColor(index, count).toLowerCase()).toBe(color.toLowerCase());
  });
});

describe('svgFrame', () => {
  it('is an image with a title, a description and an aria-label, all escaped', () => {
    const svg = svgFrame({ id: 'c', title: '<b>T</b>', description: 'a "b"', width: 10, height: 10, body: '' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="&lt;b&gt;T&lt;/b&gt;. a &quot;b&quot;"');
    expect(svg).toContain('<title>&lt;b&gt;T&lt;/b&gt;</title>');
    expect(svg).toContain('<desc>a &quot;b&quot;</desc>');
  });
});
