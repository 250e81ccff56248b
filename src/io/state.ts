import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { progressSchema, type Progress } from '../core/progress.js';
import { readTextFile } from './read-text.js';
import { writeFileAtomic } from './write-file.js';

// Unfinished interactive runs: one JSON file per run in the state folder, replaced after every answer.

/** $CASH_TEST_STATE_DIR, else $XDG_STATE_HOME/cash-test, else ~/.local/state/cash-test. */
export function stateDir(env: Readonly<Record<string, string | undefined>>, home: string = homedir()): string {
  const own = env.CASH_TEST_STATE_DIR;
  if (own) return resolve(own);
  // The XDG spec says to ignore a relative XDG_STATE_HOME.
  const xdg = env.XDG_STATE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'cash-test');
  return join(env.HOME || home, '.local', 'state', 'cash-test');
}

export function newRunId(now: Date): string {
  return `run-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${randomBytes(3).toString('hex')}`;
}

export function progressFile(dir: string, id: string): string {
  return join(dir, `${id}.json`);
}

export async function saveProgress(dir: string, progress: Progress): Promise<void> {
  await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([{ file: dir, message: `cannot create the folder for progress: ${error.code ?? error.message}` }], 'set CASH_TEST_STATE_DIR to a folder you can write to');
  });
  await writeFileAtomic(progressFile(dir, progress.id), `${JSON.stringify(progress, null, 2)}\n`);
}

export async function removeProgress(dir: string, id: string): Promise<void> {
  await rm(progressFile(dir, id), { force: true });
}

export interface UnfinishedRuns {
  /** Most recently answered first. */
  runs: Progress[];
  /** Files that look like progress but cannot be read as such. */
  unreadable: { file: string; message: string }[];
}

export async function unfinishedRuns(dir: string): Promise<UnfinishedRuns> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new InputError([{ file: dir, message: `cannot read the progress folder: ${error.code ?? error.message}` }]);
  });
  const runs: Progress[] = [];
  const unreadable: UnfinishedRuns['unreadable'] = [];
  for (const name of names.filter((n) => /^run-.*\.json$/.test(n)).sort()) {
    const file = join(dir, name);
    try {
      const parsed = progressSchema.safeParse(JSON.parse(await readTextFile(file)));
      if (parsed.success) runs.push(parsed.data);
      else unreadable.push({ file, message: 'is not a progress file of this version of cash-test' });
    } catch (error) {
      if (error instanceof InputError) unreadable.push(...error.problems.map((p) => ({ file, message: p.message })));
      else if (error instanceof SyntaxError) unreadable.push({ file, message: 'is not valid JSON' });
      else throw error;
    }
  }
  runs.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  return { runs, unreadable };
}
