import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The prompt library loads only for interactive runs: --version, --help and scripted runs never import it.
// Checked on the built bundle: what a chunk imports statically loads with it; import() loads only when reached.

const DIST = join(ROOT, 'dist');
const chunk = (file: string) => readFileSync(join(DIST, file), 'utf8');
const chunkNamed = (prefix: string) => `chunks/${readdirSync(join(DIST, 'chunks')).find((f) => f.startsWith(`${prefix}-`))}`;

/** A chunk and everything it imports statically, as paths relative to dist/. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, target] of chunk(file).matchAll(/(?:\bfrom|\bimport)\s*"(\.[^"]+)"/g)) {
      visit(join(file, '..', target ?? '').replace(/^\.\//, ''));
    }
  };
  visit(entry);
  return seen;
}

// A string only @inquirer/core contains.
const PROMPT_LIBRARY = 'User force closed the prompt';

describe('the prompt library is loaded lazily', () => {
  it('is in the bundle, in the asker chunk', () => {
    expect(chunk(chunkNamed('inquirer-asker'))).toContain(PROMPT_LIBRARY);
  });

  it.each([
    ['--version and --help (the main chunk)', 'main.js'],
    ['a scripted run (the run command)', 'commands/run/index.js'],
    ['the survey until someone is asked', 'commands/run/interview.js'],
  ])('is not loaded by %s', (_, entry) => {
    const loaded = [...staticClosure(entry)];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((file) => chunk(file).includes(PROMPT_LIBRARY))).toEqual([]);
  });
});
