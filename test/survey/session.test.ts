// The survey session as plain code: a store in memory or on a folder, a sink, no terminal.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Respondent } from '../../src/core/answers.js';
import { folderSink } from '../../src/io/answer-sinks.js';
import { loadBank } from '../../src/io/load-bank.js';
import { folderProgressStore } from '../../src/io/state.js';
import type { AnswerSink } from '../../src/survey/answer-sink.js';
import { Session, type SessionSetup } from '../../src/survey/session.js';
import { tempDir } from '../helpers/cli.js';
import { SLOW_TEST_TIMEOUT_MS } from '../helpers/timeouts.js';
import { memoryStore } from '../helpers/memory-store.js';
import { SURVEY_BANK } from '../helpers/prompts.js';

const bank = await loadBank(SURVEY_BANK);
const NOW = new Date('2026-11-01T10:00:00Z');
const setupOn = (store: SessionSetup['store'], form: SessionSetup['form'] = 'full'): SessionSetup => ({ bank, form, store, now: () => NOW });
const SALES: Respondent = { role: 'sales', name: 'Dana' };
const start = (setup: SessionSetup, id = 'run-1') => Session.start(setup, SALES, { bankDir: null, id });
const order = (s: Session) => s.next()?.question.id ?? null;

describe('a survey session', () => {
  it('saves the new run at once, before any answer', async () => {
    const store = memoryStore();
    const session = await start(setupOn(store));
    expect(store.saved).toHaveLength(1);
    expect(store.current('run-1')).toMatchObject({ id: 'run-1', form: 'full', respondent: SALES, answers: {}, startedAt: NOW.toISOString() });
    expect(session.answered).toBe(0);
    expect(session.total).toBe(5);
  });

  it('asks the first unanswered question of the form, with its place, pillar and whether the pillar starts', async () => {
    const session = await start(setupOn(memoryStore()));
    const seen: [string, number, string, boolean, boolean][] = [];
    for (let next = session.next(); next !== null; next = session.next()) {
      seen.push([next.question.id, next.index, next.pillar.id, next.pillarStarts, next.canGoBack]);
      await session.answer(next.question.id, 3);
    }
    expect(seen).toEqual([
      ['T1', 0, 'talk', true, false],
      ['T2', 1, 'talk', false, true],
      ['T3', 2, 'talk', false, true],
      ['S1', 3, 'tools', true, true],
      ['S2', 4, 'tools', false, true],
    ]);
    expect(session.next()).toBeNull();
  });

  it('asks only the quick form on a quick run', async () => {
    const session = await start(setupOn(memoryStore(), 'quick'));
    const ids: string[] = [];
    for (let next = session.next(); next !== null; next = session.next()) {
      ids.push(next.question.id);
      await session.answer(next.question.id, 'na');
    }
    expect(ids).toEqual(['T1', 'T3', 'S1']);
  });

  it('goes back with the earlier answer shown, and after it on to the first unanswered question', async () => {
    const session = await start(setupOn(memoryStore()));
    await session.answer('T1', 4);
    await session.answer('T2', 2);
    session.back();
    expect(session.next()).toMatchObject({ question: { id: 'T2' }, current: 2 });
    session.back();
    expect(session.next()).toMatchObject({ question: { id: 'T1' }, current: 4, canGoBack: false });
    session.back();
    expect(order(session)).toBe('T1');
    await session.answer('T1', 5);
    expect(session.next()).toMatchObject({ question: { id: 'T3' } });
    expect(session.next()?.current).toBeUndefined();
    expect(session.progress.answers).toEqual({ T1: 5, T2: 2 });
  });

  it('takes an answer to any question of the form, an earlier one again too (how a page goes back)', async () => {
    const session = await start(setupOn(memoryStore()));
    await session.answer('S2', 1);
    await session.answer('T1', 2);
    await session.answer('T1', 'na');
    expect(session.progress.answers).toEqual({ S2: 1, T1: 'na' });
    expect(order(session)).toBe('T2');
  });

  it.each([
    ['an unknown id', 'X9', 3, 'unknown question id "X9" (not in the full form)'],
    ['a question outside the form', 'T2', 3, 'unknown question id "T2" (not in the quick form)'],
    ['a value off the scale', 'T1', 6, '6 is off the scale 1..5 (or na)'],
    ['zero', 'T1', 0, '0 is off the scale 1..5 (or na)'],
    ['a fraction', 'T1', 2.5, '2.5 is not a whole number on the scale 1..5 (or na)'],
    ['a string', 'T1', '4', '"4" is not a whole number on the scale 1..5 (or na)'],
    ['null', 'T1', null, 'empty is not a whole number on the scale 1..5 (or na)'],
  ])('refuses %s, and stores nothing', async (_, id, value, message) => {
    const store = memoryStore();
    const session = await start(setupOn(store, id === 'T2' ? 'quick' : 'full'));
    const error = await session.answer(id, value).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([{ message }]);
    expect(store.saved).toHaveLength(1);
    expect(session.progress.answers).toEqual({});
  });

  it('resolves an answer only once the store has it', async () => {
    const store = memoryStore();
    const session = await start(setupOn(store));
    let release = () => {};
    store.hold(new Promise<void>((r) => (release = r)));
    let stored = false;
    const answered = session.answer('T1', 4).then(() => (stored = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(stored).toBe(false);
    expect(store.current('run-1')?.answers).toEqual({});
    release();
    await answered;
    expect(store.current('run-1')?.answers).toEqual({ T1: 4 });
  });

  it('stores answers given at the same moment in order: the last save holds them all', async () => {
    const store = memoryStore();
    const session = await start(setupOn(store));
    await Promise.all([session.answer('T1', 1), session.answer('T2', 2), session.answer('T3', 3)]);
    expect(store.current('run-1')?.answers).toEqual({ T1: 1, T2: 2, T3: 3 });
    expect(store.saved.map((p) => Object.keys(p.answers).length)).toEqual([0, 1, 2, 3]);
  });

  it('finishes through the sink, and removes the progress only after the file is written', async () => {
    const store = memoryStore();
    const session = await start(setupOn(store, 'quick'));
    await session.answer('T1', 4);
    await expect(session.finish({ save: async () => ({ file: 'x' }) })).rejects.toThrow('not finished: 2 questions without an answer (T3, S1)');
    await session.answer('T3', 2);
    await session.answer('S1', 'na');
    const failing: AnswerSink = {
      save: async () => {
        expect(store.removed).toEqual([]);
        throw new InputError([{ file: 'full.yaml', message: 'cannot write: no space left on the disk' }]);
      },
    };
    await expect(session.finish(failing)).rejects.toThrow('no space left');
    expect(store.removed).toEqual([]);
    expect(store.current('run-1')?.answers).toEqual({ T1: 4, T3: 2, S1: 'na' });
    const { response, saved } = await session.finish({ save: async (a) => ({ file: `${a.response.respondent.role}.yaml` }) });
    expect(saved).toEqual({ file: 'sales.yaml' });
    expect(response).toEqual({ respondent: SALES, answers: { T1: 4, T3: 2, S1: 'na' }, takenAt: NOW.toISOString() });
    expect(store.removed).toEqual(['run-1']);
  });

  it('holds 200 sessions at once in one process, each with its own answers, and their files land under 200 names', {
    timeout: SLOW_TEST_TIMEOUT_MS,
  }, async () => {
    const dir = tempDir();
    const store = memoryStore();
    const setup = setupOn(store, 'quick');
    const sink = folderSink(dir);
    const value = (i: number) => 1 + (i % 5);
    const sessions = await Promise.all(
      Array.from({ length: 200 }, (_, i) => Session.start(setup, { role: i % 2 === 0 ? 'sales' : 'marketing' }, { bankDir: null, id: `run-p${i}` })),
    );
    await Promise.all(
      sessions.map(async (s, i) => {
        for (let next = s.next(); next !== null; next = s.next()) await s.answer(next.question.id, value(i));
      }),
    );
    expect((await store.list()).runs).toHaveLength(200);
    const files = await Promise.all(sessions.map(async (s) => (await s.finish(sink)).saved?.file ?? ''));
    expect(new Set(files).size).toBe(200);
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml'))).toHaveLength(200);
    expect((await store.list()).runs).toEqual([]);
    expect(files.map((f) => Number(readFileSync(f, 'utf8').match(/ {2}S1: (\d)/)?.[1]))).toEqual(sessions.map((_, i) => value(i)));
  });
});

describe('a session reopened from stored progress', () => {
  async function stored(edit: (progress: Record<string, unknown>) => void) {
    const dir = tempDir();
    const store = folderProgressStore(dir);
    const session = await start(setupOn(store));
    await session.answer('T1', 4);
    const file = join(dir, 'run-1.json');
    const progress = JSON.parse(readFileSync(file, 'utf8'));
    edit(progress);
    writeFileSync(file, JSON.stringify(progress, null, 2));
    return { store, file };
  }

  it('continues where it stopped', async () => {
    const { store } = await stored(() => {});
    const [run] = (await store.list()).runs;
    const session = Session.reopen(setupOn(store), run ?? expect.fail('no run'));
    expect(session.next()).toMatchObject({ question: { id: 'T2' }, index: 1 });
    expect(session.answered).toBe(1);
  });

  it.each([
    ['an off-scale answer', (p: Record<string, unknown>) => (p.answers = { T1: 44 }), /run-1\.json:\d+:\d+: answers\.T1: 44 is off the scale 1\.\.5 \(or na\)/],
    [
      'an unknown id',
      (p: Record<string, unknown>) => (p.answers = { T1: 4, ZZ: 2 }),
      /run-1\.json:\d+:\d+: answers\.ZZ: unknown question id "ZZ" \(not a question of this run\)/,
    ],
  ])('refuses %s, with its position in the progress file', async (_, edit, message) => {
    const { store } = await stored(edit);
    const [run] = (await store.list()).runs;
    const error = (() => {
      try {
        Session.reopen(setupOn(store), run ?? expect.fail('no run'));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
  });

  it('lists a progress file with a garbage date as damaged, with its position, never as a run', async () => {
    const { store, file } = await stored((p) => (p.updatedAt = 'yesterday'));
    const { runs, damaged } = await store.list();
    expect(runs).toEqual([]);
    expect(damaged).toEqual([
      {
        id: 'run-1',
        modifiedAt: expect.any(Date),
        problems: [{ file, line: expect.any(Number), col: expect.any(Number), message: 'updatedAt: must be a date and time such as 2026-03-02T09:30:00Z' }],
      },
    ]);
  });

  it('says when the bank changed, asks nothing before the change is accepted, then keeps only what reads the same', async () => {
    const { store } = await stored((p) => {
      p.answers = { T1: 4, T2: 5 };
      p.bank = { ...(p.bank as object), hash: 'an-older-hash' };
      p.fingerprints = { ...(p.fingerprints as object), T2: 'changed-wording' };
    });
    const [run] = (await store.list()).runs;
    const session = Session.reopen(setupOn(store), run ?? expect.fail('no run'));
    expect(session.bankChange).toEqual({ from: { version: '1.0.0' }, to: { version: '1.0.0' }, kept: { T1: 4 }, dropped: ['T2'] });
    expect(() => session.next()).toThrow('acceptBankChange first');
    await session.acceptBankChange();
    expect(session.progress.answers).toEqual({ T1: 4 });
    expect(session.progress.bank.hash).toBe(bank.hash);
    expect(order(session)).toBe('T2');
    expect((await store.list()).runs[0]?.progress.answers).toEqual({ T1: 4 });
  });

  it('refuses another bank', async () => {
    const { store } = await stored((p) => (p.bank = { ...(p.bank as object), id: 'other' }));
    const [run] = (await store.list()).runs;
    expect(() => Session.reopen(setupOn(store), run ?? expect.fail('no run'))).toThrow(
      'bank.id: the unfinished run was started with question bank "other", not "tiny"',
    );
  });
});
