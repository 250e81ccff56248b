import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

// A process that writes a large report over and over with writeFileAtomic is killed (SIGKILL, no chance
// to clean up) in the middle of one of its writes: the report is then the old file or one of the new ones,
// whole, never a torn one. The moment is chosen by polling the folder, not by time.

const MB = 1024 * 1024;
const OLD = 'o'.repeat(MB);
/** Two contents of different lengths and letters: a torn file matches neither. */
const NEW = ['a', 'b'].map((letter, i) => letter.repeat((24 - 8 * i) * MB));
const KILLS = 6;

async function writerScript(dir: string): Promise<string> {
  await build({
    entryPoints: [join(ROOT, 'src', 'io', 'write-file.ts')],
    outfile: join(dir, 'write-file.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const script = join(dir, 'writer.mjs');
  writeFileSync(
    script,
    `import { writeFileAtomic } from './write-file.mjs';
const contents = ${JSON.stringify(NEW.map((c) => [c[0], c.length]))}.map(([letter, length]) => letter.repeat(length));
for (let i = 0; ; i++) await writeFileAtomic(process.argv[2], contents[i % 2]);
`,
  );
  return script;
}

/**
 * Resolves at the `nth` look at the folder that finds a file part-written (neither empty nor of a whole
 * content's length): the kill then lands in the middle of a write, chosen by polling rather than by time.
 */
function midWrite(dir: string, nth: number): Promise<void> {
  const whole = new Set([0, OLD.length, ...NEW.map((c) => c.length)]);
  return new Promise((resolve) => {
    let count = 0;
    const poll = () => {
      const partial = readdirSync(dir).some((name) => !whole.has(statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0));
      if (partial && ++count >= nth) resolve();
      else setImmediate(poll);
    };
    poll();
  });
}

describe('writeFileAtomic under SIGKILL', () => {
  it('leaves the old report or a new one whole, never a torn one', async () => {
    const dir = tempDir();
    const script = await writerScript(dir);
    for (let kill = 0; kill < KILLS; kill++) {
      const out = join(dir, `run-${kill}`);
      const target = join(out, 'report.txt');
      mkdirSync(out);
      writeFileSync(target, OLD);
      const child = spawn(process.execPath, [script, target], { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await midWrite(out, 1 + Math.floor(Math.random() * 600));
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const content = readFileSync(target, 'latin1');
      expect(
        [OLD, ...NEW].some((c) => c === content),
        `a torn report of ${content.length} bytes`,
      ).toBe(true);
      expect(readdirSync(out).filter((name) => !name.endsWith('.tmp'))).toEqual(['report.txt']);
    }
  });
});
