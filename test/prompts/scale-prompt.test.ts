// The scale prompt alone, through @inquirer/testing's render: what a key does, what Enter does.
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import scalePrompt, { type ScalePromptConfig } from '../../src/prompts/scale-prompt.js';
import { expectWrappedOnWords } from '../helpers/words.js';

const config = (initial?: ScalePromptConfig['initial']): ScalePromptConfig => ({
  position: '2/3',
  pillar: 'Talk',
  message: 'We talk every week.',
  entries: [
    { key: '1', value: 1, label: 'Strongly disagree' },
    { key: '2', value: 2, label: 'Disagree' },
    { key: '3', value: 3, label: 'Agree' },
    { key: 'n', value: 'na', label: "Don't know" },
    { key: 'b', value: 'back', label: '← Back' },
  ],
  ...(initial === undefined ? {} : { initial }),
  help: 'keys',
  width: 80,
});

const LONG = 'The outcome of each lead passed to sales, such as won, lost or rejected, is recorded where both teams can see it.';
const HELP = '1-5 or n: answer · ↑↓ Enter: choose · b: back · Ctrl-C: stop (progress is saved)';

describe('the scale prompt', () => {
  it('answers at once on a key, and b or Backspace goes back', async () => {
    for (const [key, value] of [
      ['2', 2],
      ['n', 'na'],
      ['b', 'back'],
      ['backspace', 'back'],
    ] as const) {
      const { answer, events } = await render(scalePrompt, config());
      events.keypress(key);
      await expect(answer).resolves.toBe(value);
    }
  });

  it('records nothing on a stray Enter at a fresh statement: no entry is under the cursor until one is chosen', async () => {
    const { answer, events, getScreen } = await render(scalePrompt, config());
    expect(getScreen()).not.toContain('❯');
    events.keypress('enter');
    events.keypress('enter');
    let settled = false;
    void answer.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(getScreen()).toContain('We talk every week.');
    events.keypress('down');
    expect(getScreen()).toContain('❯ 1 Strongly disagree');
    events.keypress('enter');
    await expect(answer).resolves.toBe(1);
  });

  it('starts from the bottom with the up arrow', async () => {
    const { answer, events } = await render(scalePrompt, config());
    events.keypress('up');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toBe('na');
  });

  it('puts the cursor on the earlier answer when the person came back, so Enter keeps it', async () => {
    const { answer, events, getScreen } = await render(scalePrompt, config(2));
    expect(getScreen()).toMatch(/❯ 2 Disagree {2}\(your answer\)/);
    events.keypress('enter');
    await expect(answer).resolves.toBe(2);
  });

  it.each([60, 40])('breaks the statement, the keys line and the answered line between words at %i columns', async (width) => {
    const { answer, events, getScreen } = await render(scalePrompt, { ...config(), message: LONG, help: HELP, position: '14/18', width });
    expectWrappedOnWords(getScreen(), LONG, width);
    expectWrappedOnWords(getScreen(), HELP, width);
    events.keypress('2');
    await expect(answer).resolves.toBe(2);
    expectWrappedOnWords(getScreen(), `14/18 ${LONG} Disagree`, width);
  });
});
