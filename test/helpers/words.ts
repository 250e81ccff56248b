import { expect } from 'vitest';

/**
 * Asserts that `screen` fits `width` columns and shows `sentence` with no word split across lines:
 * read word by word over its line breaks, the screen holds the sentence's words in order.
 */
export function expectWrappedOnWords(screen: string, sentence: string, width: number): void {
  for (const line of screen.split('\n')) expect([...line].length, `longer than ${width}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(width);
  const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');
  expect(` ${words(screen).join(' ')} `, screen).toContain(` ${words(sentence).join(' ')} `);
}
