// The yes/no prompt through @inquirer/testing's render: only yes or no is an answer.
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import yesNoPrompt, { yesNoAnswer } from '../../src/prompts/yes-no-prompt.js';
import { expectWrappedOnWords } from '../helpers/words.js';

describe('yesNoAnswer', () => {
  it.each([
    ['', true, true],
    ['', false, false],
    ['y', false, true],
    ['YES', false, true],
    [' n ', true, false],
    ['No', true, false],
    ['yeah', true, null],
    ['nope', false, null],
    ['x', true, null],
    ['ja', true, null],
  ])('%j with default %s is %s', (typed, fallback, expected) => {
    expect(yesNoAnswer(typed, fallback)).toBe(expected);
  });
});

describe('the yes/no prompt', () => {
  it('takes Enter as the default it shows', async () => {
    const { answer, events, getScreen } = await render(yesNoPrompt, { message: 'Save?', default: true, width: 80 });
    expect(getScreen()).toContain('Save? (Y/n)');
    events.keypress('enter');
    await expect(answer).resolves.toBe(true);
  });

  it('says that typed text which is neither yes nor no is not an answer, and asks again', async () => {
    const { answer, events, getScreen } = await render(yesNoPrompt, { message: 'Replace it?', default: true, width: 80 });
    events.type('sure');
    events.keypress('enter');
    expect(getScreen()).toContain('"sure" is neither yes nor no: type y or n');
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.type('n');
    events.keypress('enter');
    await expect(answer).resolves.toBe(false);
  });

  it('breaks a long question and its answer between words at 60 columns', async () => {
    const message = 'Save your answers to a file (to score them again, add them to a team report, or compare later)?';
    const { answer, events, getScreen } = await render(yesNoPrompt, { message, default: true, width: 60 });
    expectWrappedOnWords(getScreen(), `${message} (Y/n)`, 60);
    events.keypress('enter');
    await expect(answer).resolves.toBe(true);
    expectWrappedOnWords(getScreen(), `${message} Yes`, 60);
  });
});
