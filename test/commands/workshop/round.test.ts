// The workshop loop through the real prompt code, as in survey.test.ts.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { InterruptedError } from '../../../src/core/errors.js';
import { takeSurvey } from '../../../src/commands/run/interview.js';
import { runWorkshop, type Round } from '../../../src/commands/workshop/round.js';
import { tempDir } from '../../helpers/cli.js';
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

const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

function start(dir: string): { round: Promise<Round>; printed: () => string } {
  const asker = screenAsker();
  const round = runWorkshop({ dir: join(dir, 'room'), bank: SURVEY_BANK, quick: true, minGroup: 3 }, interactiveContext(join(dir, 'state')), asker.open);
  round.catch(() => undefined);
  return { round, printed: () => asker.printed().replace(/[ \n]+/g, ' ') };
}

/** From the facilitator's menu: one participant of the given role (0: sales, 1: marketing) answers all three questions. */
async function participant(roleIndex: number, keys: readonly string[]): Promise<void> {
  expect(screen.getScreen()).toContain('Start the next participant');
  await press('enter');
  expect(screen.getScreen()).toContain('Your role');
  await press(String(roleIndex + 1));
  await press('enter');
  await press('enter');
  for (const key of keys) await press(key);
  expect(screen.getScreen()).toContain('Done: clear the screen');
  await press('enter');
}

async function endRound(): Promise<void> {
  expect(screen.getScreen()).toContain('End the round and show the team report');
  screen.keypress('up');
  screen.keypress('enter');
}

describe('the workshop', () => {
  it('takes participants in turn, saves each into the folder under a new name, and clears the screen between them', async () => {
    const dir = tempDir();
    const workshop = start(dir);
    await screen.next();
    expect(workshop.printed()).toContain('0 answer files in');
    await participant(0, ['4', '2', 'n']);
    expect(workshop.printed()).toContain('Your answers are saved as sales-01.yaml.');
    expect(workshop.printed()).toContain('1 answer file in');
    writeFileSync(join(dir, 'room', 'sales-02.yaml'), 'someone else');
    await participant(0, ['1', '1', '1']);
    await participant(1, ['5', '5', '5']);
    await endRound();

    const round = await workshop.round;
    expect(round).toEqual({
      folder: join(dir, 'room'),
      files: 4,
      saved: ['sales-01.yaml', 'sales-03.yaml', 'marketing-01.yaml'].map((f) => join(dir, 'room', f)),
    });
    expect(readFileSync(join(dir, 'room', 'sales-02.yaml'), 'utf8')).toBe('someone else');
    expect(parse(readFileSync(join(dir, 'room', 'sales-01.yaml'), 'utf8')).answers).toEqual({ T1: 4, T3: 2, S1: 'na' });
    expect(parse(readFileSync(join(dir, 'room', 'marketing-01.yaml'), 'utf8')).respondent).toEqual({ role: 'marketing' });
    const between = workshop.printed().split('Your answers are saved as sales-01.yaml.')[1] ?? '';
    expect(between.indexOf(CLEAR)).toBeGreaterThan(-1);
    expect(between.indexOf(CLEAR)).toBeLessThan(between.indexOf('A self-assessment'));
    expect(readdirSync(join(dir, 'state'))).toEqual([]);
  });

  it("keeps a stopped participant's answers and continues their survey from the menu", async () => {
    const dir = tempDir();
    const workshop = start(dir);
    await screen.next();
    await press('enter');
    await press('1');
    screen.type('Dana');
    await press('enter');
    await press('enter');
    await press('4');
    await press({ name: 'c', ctrl: true });
    expect(workshop.printed()).toContain('The last survey stopped at 1 of 3 answered; its answers are kept');
    expect(screen.getScreen()).toContain('Continue the unfinished survey of Dana (sales), started 2026-11-01');
    // A workshop participant's survey is the workshop's to continue, not `run --resume`'s.
    await expect(
      takeSurvey({ bank: SURVEY_BANK, quick: true, format: 'text', force: false, resume: true }, interactiveContext(join(dir, 'state')), screenAsker().open),
    ).rejects.toThrow('no unfinished run to resume');
    screen.keypress('down');
    await press('enter');
    expect(workshop.printed()).toContain('1 of 3 answered, next is question 2.');
    await press('3');
    await press('3');
    await press('enter');
    expect(screen.getScreen()).not.toContain('Continue the unfinished survey');
    await endRound();
    const round = await workshop.round;
    expect(round.saved).toEqual([join(dir, 'room', 'sales-01.yaml')]);
    expect(parse(readFileSync(round.saved[0] ?? '', 'utf8'))).toMatchObject({ respondent: { name: 'Dana' }, answers: { T1: 4, T3: 3, S1: 3 } });
  });

  it('stops on Ctrl-C at the menu and says how to continue the round', async () => {
    const dir = tempDir();
    const workshop = start(dir);
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    const error = await workshop.round.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).hint).toBe(
      `0 answer files are in ${join(dir, 'room')}; continue the round with: cash-test workshop ${join(dir, 'room')} --bank ${SURVEY_BANK} --quick`,
    );
  });
});
