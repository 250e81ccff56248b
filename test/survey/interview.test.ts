// The survey told through an asker, on a scripted one: no terminal, exact.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { loadBank } from '../../src/io/load-bank.js';
import { askQuestions, askRespondent, introduce, settleBankChange, welcomeBack } from '../../src/survey/interview.js';
import { Session, type SessionSetup } from '../../src/survey/session.js';
import { memoryStore } from '../helpers/memory-store.js';
import { SURVEY_BANK } from '../helpers/prompts.js';
import { scriptedAsker } from '../helpers/scripted-asker.js';

const bank = await loadBank(SURVEY_BANK);
const setup = (form: SessionSetup['form'] = 'full', store = memoryStore()): SessionSetup => ({
  bank,
  form,
  store,
  now: () => new Date('2026-11-01T10:00:00Z'),
});
const scales = (asker: ReturnType<typeof scriptedAsker>) => asker.shown.flatMap((s) => (s.kind === 'scale' ? [s.question] : []));

describe('the interview', () => {
  it('says what the test is, how long, and where progress goes', () => {
    const asker = scriptedAsker([]);
    introduce(asker, bank, 'quick', '/state', 'Ctrl-C keeps it');
    expect(asker.prose()).toBe(
      "The tiny test\nA self-assessment of how well sales and marketing work as one revenue team: 3 statements on Talk and Tools (the quick form), about a minute. For each statement, say how much you agree, from 1 (Strongly disagree) to 5 (Strongly agree), or n if you don't know. b goes back to the previous statement. Your answers stay on this machine. Progress is saved after every answer in /state: Ctrl-C keeps it.",
    );
  });

  it('asks the role unless given, and keeps name and team only when typed', async () => {
    expect(await askRespondent(scriptedAsker(['revops', 'Dana', '']), undefined)).toEqual({ role: 'revops', name: 'Dana' });
    expect(await askRespondent(scriptedAsker(['', 'EMEA']), 'sales')).toEqual({ role: 'sales', team: 'EMEA' });
  });

  it('asks every statement with its place, a section at each pillar, the earlier answer when going back, and stores each answer', async () => {
    const store = memoryStore();
    const session = await Session.start(setup('quick', store), { role: 'sales' }, { bankDir: null, id: 'run-1' });
    const asker = scriptedAsker([4, 'back', 5, 2, 'back', 'back', 1, 'na']);
    await askQuestions(asker, bank, session);
    expect(scales(asker).map((q) => [q.position, q.total, q.pillar, q.current ?? null, q.canGoBack])).toEqual([
      [1, 3, 'Talk', null, false],
      [2, 3, 'Talk', null, true],
      [1, 3, 'Talk', 4, false],
      [2, 3, 'Talk', null, true],
      [3, 3, 'Tools', null, true],
      [2, 3, 'Talk', 2, true],
      [1, 3, 'Talk', 5, false],
      [3, 3, 'Tools', null, true],
    ]);
    expect(asker.shown.filter((s) => s.kind === 'section').map((s) => (s.kind === 'section' ? s.name : ''))).toEqual(['Talk', 'Tools', 'Talk', 'Tools']);
    expect(store.current('run-1')?.answers).toEqual({ T1: 1, T3: 2, S1: 'na' });
    expect(asker.left()).toEqual([]);
  });

  it('welcomes back with where the run stands', async () => {
    const store = memoryStore();
    const first = await Session.start(setup('full', store), { role: 'sales', name: 'Dana' }, { bankDir: null, id: 'run-1' });
    await first.answer('T1', 3);
    const [run] = (await store.list()).runs;
    const asker = scriptedAsker([]);
    welcomeBack(asker, Session.reopen(setup('full', store), run ?? expect.fail('no run')));
    expect(asker.prose()).toMatch(/^Welcome back\nContinuing the run of Dana \(sales\) started 2026-11-01 \d\d:00: 1 of 5 answered, next is question 2\.$/);
  });

  it('asks before continuing on a changed bank, and a no leaves the run as it was', async () => {
    const store = memoryStore();
    const first = await Session.start(setup('full', store), { role: 'sales' }, { bankDir: null, id: 'run-1' });
    await first.answer('T1', 3);
    const stored = (await store.list()).runs[0] ?? expect.fail('no run');
    const changed = { ...stored, progress: { ...stored.progress, bank: { ...stored.progress.bank, hash: 'older', version: '0.9.0' } } };
    const declined = scriptedAsker([false]);
    await expect(settleBankChange(declined, bank, Session.reopen(setup('full', store), changed))).rejects.toBeInstanceOf(InputError);
    expect(declined.prose()).toContain('it was version 0.9.0 and is now 1.0.0');
    expect(store.saved).toHaveLength(2);
    const accepted = scriptedAsker([true]);
    const session = Session.reopen(setup('full', store), changed);
    await settleBankChange(accepted, bank, session);
    expect(session.progress.bank.version).toBe('1.0.0');
    expect(store.current('run-1')?.answers).toEqual({ T1: 3 });
  });
});
