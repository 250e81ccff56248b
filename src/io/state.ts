import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { InputError, type Problem } from '../core/errors.js';
import { progressSchema } from '../core/progress.js';
import type { DamagedRun, ProgressStore, RunListing, StoredRun } from '../survey/progress-store.js';
import { readTextFile } from './read-text.js';
import { writeFileAtomic } from './write-file.js';
import { parseInput } from './parse-input.js';
import { validate } from './yaml-document.js';

// Unfinished runs as a folder: one JSON file per run, replaced whole after every answer.

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

const RUN_FILE = /^(run-.*)\.json$/;

/** The progress store on a folder: the state folder, or a room's own. */
export function folderProgressStore(dir: string): ProgressStore {
  return {
    location: dir,
    async save(progress) {
      await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new InputError(
          [{ file: dir, message: `cannot create the folder for progress: ${error.code ?? error.message}` }],
          'set CASH_TEST_STATE_DIR to a folder you can write to',
        );
      });
      await writeFileAtomic(progressFile(dir, progress.id), `${JSON.stringify(progress, null, 2)}\n`);
    },
    async remove(id) {
      await rm(progressFile(dir, id), { force: true });
    },
    list: () => listRuns(dir),
  };
}

async function listRuns(dir: string): Promise<RunListing> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new InputError([{ file: dir, message: `cannot read the progress folder: ${error.code ?? error.message}` }]);
  });
  const runs: StoredRun[] = [];
  const damaged: DamagedRun[] = [];
  for (const name of names.sort()) {
    const id = RUN_FILE.exec(name)?.[1];
    if (id === undefined) continue;
    const file = join(dir, name);
    try {
      runs.push(await readRun(file));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const modifiedAt = (await stat(file).catch(() => null))?.mtime ?? new Date(0);
      damaged.push({ id, problems: [...error.problems], modifiedAt });
    }
  }
  runs.sort((a, b) => Date.parse(b.progress.updatedAt) - Date.parse(a.progress.updatedAt));
  return { runs, damaged };
}

/** Progress is checked as strictly as an answer file, with positions; what it says about the bank is checked when it is continued. */
async function readRun(file: string): Promise<StoredRun> {
  const doc = parseInput(await readTextFile(file), file);
  const progress = validate(doc, progressSchema);
  if (`${progress.id}.json` !== basename(file)) {
    throw new InputError([doc.locate({ path: ['id'], message: 'is not the name of its file' })]);
  }
  return { progress, locate: (issue): Problem => doc.locate(issue) };
}
