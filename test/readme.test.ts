import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers/cli.js';

// Every ```console block in the README is run as it stands: `$ ` lines are commands, the lines after them
// the output, in order (blank lines aside); `...` stands for any number of lines. The README cannot drift from the tool.

interface Example {
  command: string;
  expected: string[];
}

function consoleExamples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks.flatMap((block) => {
    const examples: Example[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('$ ')) examples.push({ command: line.slice(2), expected: [] });
      else if (line !== '') examples.at(-1)?.expected.push(line.trimEnd());
    }
    return examples;
  });
}

function matchesInOrder(actual: readonly string[], expected: readonly string[]): boolean {
  const match = (a: number, e: number): boolean => {
    if (e === expected.length) return true;
    if (expected[e] === '...') {
      for (let i = a; i <= actual.length; i++) if (match(i, e + 1)) return true;
      return false;
    }
    return a < actual.length && actual[a] === expected[e] && match(a + 1, e + 1);
  };
  return match(0, 0);
}

const examples = consoleExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));

describe('README examples', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('$ $command', ({ command, expected }) => {
    const bin = tempDir();
    const shim = join(bin, 'cash-test');
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(shim, 0o755);
    const result = spawnSync('bash', ['-c', `exec 2>&1; ${command}`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const actual = result.stdout
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line !== '');
    expect(matchesInOrder(actual, expected), `expected, in order:\n${expected.join('\n')}\n\ngot:\n${actual.join('\n')}`).toBe(true);
  });
});
