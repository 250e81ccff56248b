import { cursorHide } from '@inquirer/ansi';
import { createPrompt, isDownKey, isEnterKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import { wrapLine } from '../render/shared/wrap.js';

// A choice that is an answer (the role): nothing is under the cursor at first, so Enter alone picks
// nothing that was not chosen. A number picks at once; arrows and Enter work too.

export interface PickPromptConfig {
  message: string;
  /** At most 9: each is picked by its number. */
  choices: readonly { value: string; name: string }[];
  /** The terminal's width: every line breaks between words to fit it. */
  width: number;
  theme?: Theme;
}

export default createPrompt<string, PickPromptConfig>((config, done) => {
  const theme = makeTheme<object>(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [active, setActive] = useState(-1);
  const prefix = usePrefix({ status, theme });
  const { choices } = config;

  const finish = (index: number) => {
    setActive(index);
    setStatus('done');
    done((choices[index] as { value: string }).value);
  };

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (isEnterKey(key)) {
      if (active !== -1) finish(active);
    } else if (isUpKey(key) || isDownKey(key)) {
      const from = active === -1 ? (isUpKey(key) ? 0 : choices.length - 1) : active;
      setActive((from + (isUpKey(key) ? choices.length - 1 : 1)) % choices.length);
    } else {
      const index = Number(key.name) - 1;
      if (/^[1-9]$/.test(key.name) && index < choices.length) finish(index);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return wrapLine(`${prefix} ${message} ${theme.style.answer(choices[active]?.name ?? '')}`, config.width, 2);
  const lines = choices.map((choice, i) => {
    const line = `${i === active ? '❯' : ' '} ${i + 1} ${choice.name}`;
    return wrapLine(i === active ? theme.style.highlight(line) : line, config.width, 4);
  });
  const help = theme.style.help(`1-${choices.length}: choose at once · ↑↓ Enter: choose · Ctrl-C: stop`);
  return [`${wrapLine(`${prefix} ${message}`, config.width, 2)}\n${lines.join('\n')}`, `${wrapLine(help, config.width, 0)}${cursorHide}`];
});
