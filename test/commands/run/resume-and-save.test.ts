// `cash-test run`'s interview on a scripted asker, no terminal: which run --resume continues, and where the answer file goes.
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { takeSurvey } from '../../../src/commands/run/interview.js';
import type { RunOptions } from '../../../src/commands/run/options.js';
import { InputError, InterruptedError } from '../../../src/core/errors.js';
import type { Context } from '../../../src/context.js';
import { tempDir } from '../../helpers/cli.js';
import { interactiveContext, SURVEY_BANK } from '../../helpers/prompts.js';
import { INTERRUPT, type Reply, scriptedAsker, type ScriptedAsker } from '../../helpers/scripted-asker.js';

const options = (overrides: Partial<RunOptions> = {}): RunOptions => ({
  bank: SURVEY_BANK,
  quick: true,
  format: 'text',
  force: false,
  resume: false,
  ...overrides,
});

function survey(ctx: Context, replies: readonly Reply[], overrides: Partial<RunOptions> = {}): { asker: ScriptedAsker; result: ReturnType<typeof takeSurvey> } {
  const asker = scriptedAsker(replies);
  const result = takeSurvey(options(overrides), ctx, async () => asker);
  result.catch(() => undefined);
  return { asker, result };
}

/** A quick run as `role`, named `name`, stopped with Ctrl-C after `answers`; the clock at `at`. */
async function stopped(state: string, name: string, answers: readonly Reply[], at: string): Promise<string> {
  const ctx = { ...interactiveContext(state), now: () => new Date(at) };
  const { result } = survey(ctx, [name, '', ...answers, INTERRUPT], { role: 'sales' });
  const error = await result.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InterruptedError);
  const files = readdirSync(state).filter((f) => f.endsWith('.json'));
  const mine = files.find((f) => JSON.parse(readFileSync(join(state, f), 'utf8')).respondent.name === name);
  return (mine ?? expect.fail(`no progress of ${name}`)).replace(/\.json$/, '');
}

const choices = (asker: ScriptedAsker) => asker.shown.flatMap((s) => (s.kind === 'choose' ? [s] : []));

describe('--resume with several unfinished runs', () => {
  it('lists them, newest first, and continues the one chosen', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const older = await stopped(state, 'Ann', [4], '2026-11-01T09:00:00Z');
    const newer = await stopped(state, 'Ben', [2, 2], '2026-11-01T09:30:00Z');
    const ctx = interactiveContext(state);
    const { asker, result } = survey(ctx, [older, 5, 5], { resume: true, save: join(dir, 'ann.yaml') });
    const { response } = await result;
    const [choice] = choices(asker);
    expect(choice?.message).toBe('2 unfinished runs: which one do you continue?');
    expect(choice?.choices.map((c) => c.value)).toEqual([newer, older]);
    expect(choice?.choices[1]?.name).toMatch(/^Ann \(sales\), quick form, 1 of 3 answered, last answer 2026-11-01 \d\d:00 {2}\[run-/);
    expect(response).toMatchObject({ respondent: { name: 'Ann' }, answers: { T1: 4, T3: 5, S1: 5 } });
    expect(readdirSync(state)).toEqual([`${newer}.json`]);
  });

  it('continues the run named by --resume <id> without asking, and names the runs there are when the id is wrong', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const older = await stopped(state, 'Ann', [4], '2026-11-01T09:00:00Z');
    const newer = await stopped(state, 'Ben', [2, 2], '2026-11-01T09:30:00Z');
    const ctx = interactiveContext(state);
    const { asker, result } = survey(ctx, [5, 5], { resume: older, save: join(dir, 'ann.yaml') });
    expect((await result).response.respondent.name).toBe('Ann');
    expect(choices(asker)).toEqual([]);

    const wrong = await survey(ctx, [], { resume: 'run-nope' }).result.catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InputError);
    expect((wrong as InputError).problems[0]?.message).toBe(`no unfinished run "run-nope" (progress is kept in ${state})`);
    expect((wrong as InputError).hint).toBe(`unfinished runs: ${newer}`);
  });

  it('keeps plain --resume as it was with one unfinished run: no question, straight on', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    await stopped(state, 'Ann', [4], '2026-11-01T09:00:00Z');
    const { asker, result } = survey(interactiveContext(state), [5, 5], { resume: true, save: join(dir, 'ann.yaml') });
    await result;
    expect(choices(asker)).toEqual([]);
    expect(asker.prose()).toContain('1 of 3 answered, next is question 2.');
  });

  it('says the id to resume with when Ctrl-C stops a run while another is unfinished', async () => {
    const state = join(tempDir(), 'state');
    await stopped(state, 'Ann', [4], '2026-11-01T09:00:00Z');
    const ctx = { ...interactiveContext(state), now: () => new Date('2026-11-01T09:30:00Z') };
    const error = (await survey(ctx, ['Ben', '', 3, INTERRUPT], { role: 'sales' }).result.catch((e: unknown) => e)) as InterruptedError;
    expect(error.hint).toMatch(
      new RegExp(`^1 of 3 answers are saved; continue with: cash-test run --resume run-20261101T093000-[0-9a-f]{6} --bank ${SURVEY_BANK} --quick$`),
    );
  });
});

describe('a damaged unfinished run', () => {
  it('is said when it is the newest, never passed over silently for an older one', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const older = await stopped(state, 'Ann', [4], '2026-11-01T09:00:00Z');
    const damaged = await stopped(state, 'Ben', [2], '2026-11-01T09:30:00Z');
    const file = join(state, `${damaged}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"startedAt": "[^"]+"/, '"startedAt": "NaN-NaN"'));
    const error = (await survey(interactiveContext(state), [], { resume: true }).result.catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toEqual([
      { file, line: expect.any(Number), col: expect.any(Number), message: 'startedAt: must be a date and time such as 2026-03-02T09:30:00Z' },
    ]);
    expect(error.hint).toBe(`the newest unfinished run is damaged: remove that file, or continue an older one with --resume ${older}`);
    // Named, it says the same; the older one can still be continued.
    expect(await survey(interactiveContext(state), [], { resume: damaged }).result.catch((e: unknown) => (e as InputError).problems)).toEqual(error.problems);
    await survey(interactiveContext(state), [5, 5], { resume: older, save: join(dir, 'ann.yaml') }).result;
  });

  it('is said when an older one cannot be read, and the others are offered', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const first = await stopped(state, 'Ann', [4], '2026-11-01T09:00:00Z');
    await stopped(state, 'Ben', [2], '2026-11-01T09:30:00Z');
    await stopped(state, 'Cy', [2], '2026-11-01T09:40:00Z');
    writeFileSync(join(state, `${first}.json`), '{ torn');
    utimesSync(join(state, `${first}.json`), new Date('2026-11-01T08:00:00Z'), new Date('2026-11-01T08:00:00Z'));
    const { asker, result } = survey(interactiveContext(state), [INTERRUPT], { resume: true });
    await result.catch(() => undefined);
    expect(asker.prose()).toContain('1 older unfinished run cannot be read and is not offered');
    expect(choices(asker)[0]?.choices).toHaveLength(2);
  });

  it('with an answer off the scale is an error at its position, never a 440/100 report', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const id = await stopped(state, 'Ann', [4], '2026-11-01T09:00:00Z');
    const file = join(state, `${id}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"T1": 4', '"T1": 44'));
    const error = (await survey(interactiveContext(state), [], { resume: true }).result.catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toEqual([{ file, line: expect.any(Number), col: expect.any(Number), message: 'answers.T1: 44 is off the scale 1..5 (or na)' }]);
    expect(existsSync(file)).toBe(true);
  });
});

describe('the --save target', () => {
  it('taken by another run since this one started is left alone: the answers go to a new name, and both runs say where', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const save = join(dir, 'team.yaml');
    const ctx = interactiveContext(state);
    // Both start while team.yaml does not exist yet; the first to finish takes it.
    const first = scriptedAsker(['Ann', '', 4, 4, 4]);
    const second = scriptedAsker(['Ben', '', 1, 1, 1]);
    const [a, b] = await Promise.all([
      takeSurvey(options({ save, role: 'sales' }), ctx, async () => first),
      takeSurvey(options({ save, role: 'sales' }), ctx, async () => second),
    ]);
    const files = [join(dir, 'team.yaml'), join(dir, 'team-2.yaml')];
    const names = files.map((f) => parse(readFileSync(f, 'utf8')).respondent.name).sort();
    expect(names).toEqual(['Ann', 'Ben']);
    expect([a.response.respondent.name, b.response.respondent.name]).toEqual(['Ann', 'Ben']);
    const notes = [first, second].map((asker) => asker.prose());
    expect(notes.filter((n) => n.includes(`${save} was taken by another file while you answered; it is left as it is.`))).toHaveLength(1);
    expect(notes.filter((n) => n.includes(`Your answers are saved in ${join(dir, 'team-2.yaml')}.`))).toHaveLength(1);
    expect(readdirSync(state)).toEqual([]);
  });

  it('keeps the progress when the answer file cannot be written', async () => {
    const dir = tempDir();
    const state = join(dir, 'state');
    const save = join(dir, 'gone', 'me.yaml');
    const ctx = interactiveContext(state);
    const { mkdirSync, rmSync } = await import('node:fs');
    mkdirSync(join(dir, 'gone'));
    const asker = scriptedAsker(['Ann', '', 4, 4]);
    const result = takeSurvey(options({ save, role: 'sales' }), ctx, async () => ({
      ...asker,
      scale: async (q) => {
        if (q.position === 3) rmSync(join(dir, 'gone'), { recursive: true });
        return q.position === 3 ? 4 : asker.scale(q);
      },
    }));
    await expect(result).rejects.toThrow(/cannot write/);
    const [progress] = readdirSync(state);
    expect(JSON.parse(readFileSync(join(state, progress ?? 'none'), 'utf8')).answers).toEqual({ T1: 4, T3: 4, S1: 4 });
  });
});
