// The text reports in a real terminal of 60 and 40 columns: tables laid out for the width, lines broken between words.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, tempDir } from '../helpers/cli.js';
import { startTerminal } from '../helpers/terminal.js';

const DONE = 'report-printed';

/**
 * What the report shows in the terminal, and the lines too wide for it. The shell waits after it, so that none of
 * the output is lost when the program ends.
 */
async function printed(args: readonly string[], cols: number): Promise<{ text: string; overflowed: string[] }> {
  const script = `"$0" "$@"; echo "${DONE} $?"; read wait`;
  const term = await startTerminal({ command: ['/bin/sh', '-c', script, process.execPath, BIN, ...args], cwd: ROOT, cols, rows: 50 });
  await term.waitForText(new RegExp(`^${DONE} \\d+$`, 'm'));
  const text = term.fullText();
  expect(text).toMatch(new RegExp(`^${DONE} 0$`, 'm'));
  return { text: text.replace(new RegExp(`^${DONE} 0$`, 'm'), ''), overflowed: term.overflowed() };
}

const words = (text: string) => new Set(text.split(/\s+/).filter((w) => w !== ''));

/** Two team results to compare, written by aggregate. */
async function comparison(): Promise<string[]> {
  const dir = tempDir();
  for (const [name, ...inputs] of [
    ['before.json', 'examples/team'],
    ['after.json', 'examples/team', 'examples/dana-sales.yaml'],
  ]) {
    expect((await cli(['aggregate', ...inputs, '--format', 'json', '--out', join(dir, name ?? '')])).code).toBe(0);
  }
  return ['compare', join(dir, 'before.json'), join(dir, 'after.json')];
}

describe.each([
  ['a single report', async () => ['run', '--answers', 'examples/dana-sales.yaml']],
  ['a team report', async () => ['aggregate', 'examples/team']],
  ['a comparison', comparison],
])('%s in a narrow terminal', (_, command) => {
  it.each([60, 40])('at %i columns holds only words that the report holds unwrapped, and no line wider than the terminal', async (cols) => {
    const args = await command();
    const whole = words((await cli(args)).stdout);
    const { text, overflowed } = await printed(args, cols);
    expect([...words(text)].filter((w) => !whole.has(w))).toEqual([]);
    expect(overflowed).toEqual([]);
  });
});
