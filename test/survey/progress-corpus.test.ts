// The progress corpus: test/corpus/progress/<case>.json, each put into a state folder as the only unfinished run
// and continued on the survey bank. Progress is checked as strictly as an answer file: every damaged case is an error
// with its file and a message that says what is wrong (never a NaN date or a score off 100), and it is kept as it was.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type Problem } from '../../src/core/errors.js';
import { fingerprints } from '../../src/core/progress.js';
import { loadBank } from '../../src/io/load-bank.js';
import { folderProgressStore } from '../../src/io/state.js';
import { Session } from '../../src/survey/session.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { SURVEY_BANK } from '../helpers/prompts.js';

const CORPUS = join(ROOT, 'test', 'corpus', 'progress');
const bank = await loadBank(SURVEY_BANK);

/** The case in a fresh state folder, its placeholders filled in with the survey bank's hash and fingerprints. */
function stateWith(name: string): { dir: string; file: string } {
  const dir = join(tempDir(), 'state');
  mkdirSync(dir);
  const file = join(dir, 'run-case.json');
  copyFileSync(join(CORPUS, name), file);
  const text = readFileSync(file, 'latin1');
  const form = /"form": "quick"/.test(text) ? 'quick' : 'full';
  writeFileSync(
    file,
    text.replaceAll('"BANK_HASH"', JSON.stringify(bank.hash)).replaceAll('"FINGERPRINTS"', JSON.stringify(fingerprints(bank, form))),
    'latin1',
  );
  return { dir, file };
}

async function problemsOf(name: string): Promise<{ problems: readonly Problem[]; file: string; before: string; after: () => string }> {
  const { dir, file } = stateWith(name);
  const before = readFileSync(file, 'latin1');
  const store = folderProgressStore(dir);
  const { runs, damaged } = await store.list();
  const after = () => readFileSync(file, 'latin1');
  if (damaged.length > 0) return { problems: damaged.flatMap((d) => d.problems), file, before, after };
  const [run] = runs;
  if (run === undefined) throw new Error('neither a run nor a damaged one');
  try {
    Session.reopen({ bank, form: run.progress.form, store, now: () => new Date() }, run);
  } catch (error) {
    if (error instanceof InputError) return { problems: error.problems, file, before, after };
    throw error;
  }
  return { problems: [], file, before, after };
}

const cases = readdirSync(CORPUS).filter((name) => name !== 'valid.json');

describe('the progress corpus', () => {
  it('has damaged cases of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('continues the valid case where it stopped', async () => {
    const { dir } = stateWith('valid.json');
    const store = folderProgressStore(dir);
    const [run] = (await store.list()).runs;
    const session = Session.reopen({ bank, form: 'full', store, now: () => new Date() }, run ?? expect.fail('no run'));
    expect(session.next()?.question.id).toBe('T3');
  });

  it.each(cases)('%s is an error naming the file, and the file is kept as it was', async (name) => {
    const { problems, file, before, after } = await problemsOf(name);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file).toBe(file);
      expect(problem.message).not.toMatch(/NaN|undefined|\[object/);
      expect(problem.message.length).toBeGreaterThan(5);
    }
    expect(after()).toBe(before);
  });

  it.each([
    ['off-scale.json', 'answers.T1: 440 is off the scale 1..5 (or na)'],
    ['zero.json', 'answers.T1: 0 is off the scale 1..5 (or na)'],
    ['fraction.json', 'answers.T1: 2.5 is not a whole number on the scale (or na)'],
    ['string-answer.json', 'answers.T1: "4" is not a whole number on the scale (or na)'],
    ['unknown-id.json', 'answers.C99: unknown question id "C99" (not a question of this run)'],
    ['outside-the-form.json', 'answers.T2: unknown question id "T2" (not a question of this run)'],
    ['garbage-started.json', 'startedAt: must be a date and time such as 2026-03-02T09:30:00Z'],
    ['garbage-updated.json', 'updatedAt: must be a date and time such as 2026-03-02T09:30:00Z'],
    ['long-name.json', 'respondent.name: is longer than 200 characters'],
    ['id-not-file-name.json', 'id: is not the name of its file'],
    ['other-bank.json', 'bank.id: the unfinished run was started with question bank "cash", not "tiny"'],
  ])('%s says: %s', async (name, message) => {
    const { problems } = await problemsOf(name);
    expect(problems.map((p) => p.message)).toContain(message);
    const located = problems.find((p) => p.message === message);
    expect(located).toMatchObject({ line: expect.any(Number), col: expect.any(Number) });
  });
});
