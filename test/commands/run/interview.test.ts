// The survey through the real prompt code: @inquirer/testing's screen stands in for the terminal.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputError, InterruptedError } from '../../../src/core/errors.js';
import { loadBank } from '../../../src/io/load-bank.js';
import { loadResponse } from '../../../src/io/load-answers.js';
import { takeSurvey } from '../../../src/commands/run/interview.js';
import type { RunOptions, SurveyResult } from '../../../src/commands/run/options.js';
import { ROOT, tempDir } from '../../helpers/cli.js';
import { interactiveContext, press, screenAsker, SURVEY_BANK } from '../../helpers/prompts.js';

vi.mock('../../../src/prompts/scale-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/prompts/scale-prompt.js')>();
  return { ...actual, default: wrapPrompt(actual.default) };
});
vi.mock('../../../src/prompts/pick-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/prompts/pick-prompt.js')>();
  return { ...actual, default: wrapPrompt(actual.default) };
});
vi.mock('../../../src/prompts/yes-no-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/prompts/yes-no-prompt.js')>();
  return { ...actual, default: wrapPrompt(actual.default) };
});

const BANK = SURVEY_BANK;

interface Flow {
  result: Promise<SurveyResult>;
  /** What the survey printed between prompts: intro, pillar headers, notes. */
  printed(): string;
  prose(): string;
  state: string;
}

function options(overrides: Partial<RunOptions> = {}): RunOptions {
  return { bank: BANK, quick: true, format: 'text', force: false, resume: false, ...overrides };
}

function start(state: string, overrides: Partial<RunOptions> = {}): Flow {
  const asker = screenAsker();
  const result = takeSurvey(options(overrides), interactiveContext(state), asker.open);
  // Rejections are asserted by the tests; keep Node from calling them unhandled meanwhile.
  result.catch(() => undefined);
  return { result, printed: asker.printed, prose: asker.prose, state };
}

async function type(text: string): Promise<void> {
  screen.type(text);
  await press('enter');
}

/** Role chosen with --role: the name and team prompts come first. */
async function skipNameAndTeam(): Promise<void> {
  await screen.next();
  expect(screen.getScreen()).toContain('Your name (optional, Enter to skip)');
  await press('enter');
  expect(screen.getScreen()).toContain('Your team');
  await press('enter');
}

function progressFiles(state: string): string[] {
  return existsSync(state) ? readdirSync(state).filter((f) => f.endsWith('.json')) : [];
}

function progressOf(state: string): { answers: Record<string, unknown>; respondent: Record<string, unknown> } {
  const [file] = progressFiles(state);
  return JSON.parse(readFileSync(join(state, file ?? 'none'), 'utf8'));
}

/** A copy of the test bank in a new folder, to change or to aim at; `talk` is one of its files, `before` its text. */
function bankCopy(): { dir: string; bank: string; talk: string; before: string } {
  const dir = tempDir();
  const bank = join(dir, 'bank');
  cpSync(BANK, bank, { recursive: true });
  const talk = join(bank, 'talk.yaml');
  return { dir, bank, talk, before: readFileSync(talk, 'utf8') };
}

/** A run of the quick form (T1, T3, S1) stopped with Ctrl-C after two answers. */
async function interruptedRun(state: string, overrides: Partial<RunOptions> = {}): Promise<InterruptedError> {
  const flow = start(state, { role: 'sales', ...overrides });
  await skipNameAndTeam();
  await press('4');
  await press('n');
  expect(screen.getScreen()).toMatch(/^\? 3\/[35] · /);
  screen.keypress({ name: 'c', ctrl: true });
  return flow.result.then(
    () => expect.fail('the run should have been interrupted'),
    (error: unknown) => error as InterruptedError,
  );
}

describe('the interactive survey', () => {
  it('asks role, name, team and every question with progress, and saves the answer file that --answers reads', async () => {
    const dir = tempDir();
    const save = join(dir, 'dana.yaml');
    const flow = start(join(dir, 'state'), { save });
    await screen.next();
    expect(screen.getScreen()).toContain('Your role');
    // Nothing is under the cursor: a stray Enter records no role.
    screen.keypress('enter');
    expect(screen.getScreen()).toContain('Your role');
    expect(screen.getScreen()).not.toContain('Your name');
    expect(screen.getScreen()).toContain('  1 Sales\n  2 Marketing');
    screen.keypress('down');
    screen.keypress('down');
    expect(screen.getScreen()).toContain('❯ 2 Marketing');
    await press('enter');
    expect(screen.getScreen()).toContain('Your name');
    await type('Dana');
    await type('EMEA');

    expect(flow.prose()).toContain('3 statements on Talk and Tools (the quick form), about a minute.');
    expect(flow.prose()).toContain('Your answers stay on this machine');
    expect(flow.prose()).toContain(`Progress is saved after every answer in ${join(dir, 'state')}`);
    expect(flow.printed()).toMatch(/── Talk ─+\nHow the teams talk\./);
    expect(screen.getScreen()).toContain('1/3 · Talk\n  We talk every week.');
    expect(screen.getScreen()).toContain("n Don't know / not applicable");
    expect(screen.getScreen()).not.toContain('Back');
    await press('4');
    expect(screen.getScreen()).toContain('2/3 · Talk\n  Meetings are a waste of time.');
    expect(screen.getScreen()).toContain('b ← Back to the previous question');
    await press('n');
    expect(flow.printed()).toMatch(/── Tools ─+\nWhat the teams use: CRM, dashboards\./);
    expect(screen.getScreen()).toContain('3/3 · Tools');
    screen.keypress('2');

    const { response, form } = await flow.result;
    expect(form).toBe('quick');
    expect(response).toEqual({
      respondent: { role: 'marketing', name: 'Dana', team: 'EMEA' },
      answers: { T1: 4, T3: 'na', S1: 2 },
      takenAt: '2026-11-01T10:00:00.000Z',
    });
    const reread = await loadResponse(save, await loadBank(BANK), 'quick');
    expect(reread).toEqual(response);
    expect(readFileSync(save, 'utf8')).toContain('bank: { id: "tiny", version: "1.0.0" }');
    expect(flow.prose()).toContain(`Your answers are saved in ${save}. To score them again: cash-test run --answers ${save} --bank ${BANK} `);
    expect(progressFiles(flow.state)).toEqual([]);
  });

  it('goes back with b or Backspace, shows the answer given, and keeps the change', async () => {
    const dir = tempDir();
    const flow = start(join(dir, 'state'), { role: 'sales', save: join(dir, 'a.yaml') });
    await skipNameAndTeam();
    await press('4');
    await press('b');
    expect(screen.getScreen()).toContain('1/3 · Talk');
    expect(screen.getScreen()).toMatch(/❯ 4 Agree {2}\(your answer\)/);
    screen.keypress('down');
    await press('enter');
    expect(screen.getScreen()).toContain('2/3');
    await press('3');
    await press('backspace');
    expect(screen.getScreen()).toMatch(/❯ 3 Neither agree nor disagree {2}\(your answer\)/);
    await press('1');
    expect(screen.getScreen()).toContain('3/3');
    screen.keypress('5');
    expect((await flow.result).response.answers).toEqual({ T1: 5, T3: 1, S1: 5 });
  });

  it('saves progress after every answer, and Ctrl-C says exactly how to resume', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const error = await interruptedRun(state);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(error.exitCode).toBe(130);
    expect(error.hint).toBe(`2 of 3 answers are saved; continue with: cash-test run --resume --bank ${BANK} --quick`);
    expect(progressOf(state)).toMatchObject({ respondent: { role: 'sales' }, answers: { T1: 4, T3: 'na' } });
  });

  it('says there is nothing to resume when Ctrl-C comes before any question', async () => {
    const flow = start(join(tempDir(), 'state'));
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    await expect(flow.result).rejects.toMatchObject({ exitCode: 130, hint: 'nothing was answered yet; start again with: cash-test run' });
  });

  it('resumes at the first unanswered question, with the same role, and finished runs are not offered again', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    await interruptedRun(state);
    const flow = start(state, { resume: true, quick: false, save: join(dir, 'done.yaml') });
    await screen.next();
    expect(flow.prose()).toContain('Continuing the run (sales) started');
    expect(flow.prose()).toContain('2 of 3 answered, next is question 3.');
    expect(screen.getScreen()).toContain('3/3 · Tools');
    await press('b');
    expect(screen.getScreen()).toMatch(/2\/3 · Talk[\s\S]*❯ n Don't know \/ not applicable {2}\(your answer\)/);
    await press('enter');
    screen.keypress('3');
    const { response, form } = await flow.result;
    expect(form).toBe('quick');
    expect(response).toMatchObject({ respondent: { role: 'sales' }, answers: { T1: 4, T3: 'na', S1: 3 } });
    expect(progressFiles(state)).toEqual([]);

    const again = start(state, { resume: true });
    await expect(again.result).rejects.toThrow(/no unfinished run to resume/);
  });

  it('refuses a --role or --quick that contradicts the unfinished run', async () => {
    const state = join(tempDir(), 'state');
    await interruptedRun(state);
    await expect(start(state, { resume: true, role: 'marketing' }).result).rejects.toThrow(
      '--role marketing does not match the unfinished run, which is answered as sales',
    );
    const full = join(tempDir(), 'state');
    await interruptedRun(full, { quick: false });
    await expect(start(full, { resume: true, quick: true }).result).rejects.toThrow('--quick does not match the unfinished run');
  });

  it('detects a changed bank on resume and keeps only the answers to unchanged questions', async () => {
    const { dir, bank } = bankCopy();
    const state = join(dir, 'state');
    await interruptedRun(state, { bank });
    const talk = join(bank, 'talk.yaml');
    writeFileSync(talk, readFileSync(talk, 'utf8').replace('Meetings are a waste of time.', 'Joint meetings are a waste of time.'));
    writeFileSync(join(bank, 'bank.yaml'), readFileSync(join(bank, 'bank.yaml'), 'utf8').replace('1.0.0', '1.1.0'));

    const flow = start(state, { resume: true, bank, save: join(dir, 'done.yaml') });
    await screen.next();
    expect(flow.prose()).toContain('The question bank changed since you started');
    expect(flow.prose()).toContain('it was version 1.0.0 and is now 1.1.0');
    expect(flow.prose()).toContain(
      'Of your 2 answers, 1 is to a question that reads exactly as before and can be kept. 1 is to a question that changed or was removed (T3)',
    );
    expect(screen.getScreen()).toContain('Keep that answer and continue with the changed bank?');
    await press('enter');
    expect(screen.getScreen()).toContain('2/3 · Talk\n  Joint meetings are a waste of time.');
    await press('2');
    screen.keypress('5');
    expect((await flow.result).response.answers).toEqual({ T1: 4, T3: 2, S1: 5 });
  });

  it('keeps the unfinished run as it was when the changed bank is declined', async () => {
    const { dir, bank } = bankCopy();
    const state = join(dir, 'state');
    await interruptedRun(state, { bank });
    writeFileSync(join(bank, 'tools.yaml'), readFileSync(join(bank, 'tools.yaml'), 'utf8').replace('Sync the history.', 'Sync it.'));

    const flow = start(state, { resume: true, bank });
    await screen.next();
    expect(flow.prose()).toContain('version 1.0.0 is still its version, but its content is different');
    expect(flow.prose()).toContain('Of your 2 answers, 2 are to questions that read exactly as before');
    screen.type('n');
    screen.keypress('enter');
    await expect(flow.result).rejects.toThrow(/stopped: the question bank changed since the run started/);
    expect(progressOf(state).answers).toEqual({ T1: 4, T3: 'na' });
  });

  it('refuses to resume on another bank', async () => {
    const state = join(tempDir(), 'state');
    await interruptedRun(state);
    await expect(start(state, { resume: true, bank: join(ROOT, 'questions') }).result).rejects.toThrow(
      'the unfinished run was started with question bank "tiny", not "cash"',
    );
  });

  it('refuses an existing --save file before asking anything', async () => {
    const dir = tempDir();
    const save = join(dir, 'taken.yaml');
    writeFileSync(save, 'keep me');
    const ctx = interactiveContext(dir);
    const opened = vi.fn(screenAsker().open);
    const error = await takeSurvey(options({ save }), ctx, opened).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([{ file: save, message: 'already exists' }]);
    expect(opened).not.toHaveBeenCalled();
    expect(readFileSync(save, 'utf8')).toBe('keep me');
    await expect(takeSurvey(options({ save: join(dir, 'me.txt') }), ctx, opened)).rejects.toThrow('answer files end in .yaml, .yml, .json');
  });

  it('refuses a --save that is a file the run reads or writes, with or without --force, also through a link', async () => {
    const { dir, bank, talk, before } = bankCopy();
    symlinkSync(talk, join(dir, 'link.yaml'));
    const ctx = interactiveContext(join(dir, 'state'));
    const opened = vi.fn(screenAsker().open);
    const refusal = async (overrides: Partial<RunOptions>) => {
      const error = await takeSurvey(options({ bank, ...overrides }), ctx, opened).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).problems.map((p) => `${p.file}: ${p.message}`);
    };
    for (const force of [false, true]) {
      expect(await refusal({ save: talk, force })).toEqual([`${talk}: names a file this run reads or writes (${talk}): the answers never replace it`]);
      expect(await refusal({ save: join(dir, 'link.yaml'), force })).toEqual([
        `${join(dir, 'link.yaml')}: names a file this run reads or writes (${talk}): the answers never replace it`,
      ]);
    }
    const out = join(dir, 'report.yaml');
    expect(await refusal({ save: out, out })).toEqual([`${out}: names a file this run reads or writes (${out}): the answers never replace it`]);
    expect(opened).not.toHaveBeenCalled();
    expect(readFileSync(talk, 'utf8')).toBe(before);
  });

  it("refuses a --save in the resumed run's own bank folder, even with --force, and keeps the run", async () => {
    const { dir, bank, talk, before } = bankCopy();
    const state = join(dir, 'state');
    await interruptedRun(state, { bank });
    const error = await start(state, { resume: true, bank: undefined, save: talk, force: true }).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([{ file: talk, message: `names a file this run reads or writes (${talk}): the answers never replace it` }]);
    expect(readFileSync(talk, 'utf8')).toBe(before);
    expect(progressFiles(state)).toHaveLength(1);
  });

  it('refuses a bank file as the name typed at the end, and asks again', async () => {
    const { dir, bank, talk, before } = bankCopy();
    const flow = start(join(dir, 'state'), { role: 'sales', bank });
    await skipNameAndTeam();
    await press('1');
    await press('2');
    await press('3');
    await press('enter');
    await type(talk);
    expect(screen.getScreen()).toContain('names a file this run reads or writes');
    for (let i = 0; i < talk.length; i++) screen.keypress('backspace');
    screen.type(join(dir, 'mine.yaml'));
    screen.keypress('enter');
    await flow.result;
    expect(readFileSync(talk, 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toContain('T1: 1');
  });

  it('asks where to save, and never replaces a file without a yes', async () => {
    const dir = tempDir();
    const taken = join(dir, 'taken.yaml');
    writeFileSync(taken, 'keep me');
    const flow = start(join(dir, 'state'), { role: 'leadership' });
    await skipNameAndTeam();
    await press('1');
    await press('2');
    await press('3');
    expect(screen.getScreen()).toContain('Save your answers to a file');
    await press('enter');
    expect(screen.getScreen()).toMatch(/File name \(cash-test-leadership-2026-11-0\d\.yaml\)/);
    await type(taken);
    expect(screen.getScreen()).toContain(`${taken} already exists. Replace it?`);
    await press('enter');
    expect(screen.getScreen()).toContain('File name');
    const json = join(dir, 'mine.json');
    screen.type(json);
    screen.keypress('enter');
    await flow.result;
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({
      bank: { id: 'tiny' },
      respondent: { role: 'leadership' },
      answers: { T1: 1, T3: 2, S1: 3 },
    });
  });
});
