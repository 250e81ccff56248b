import { cursorHide } from '@inquirer/ansi';
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import { wrapLine } from '../render/shared/wrap.js';
import type { ScaleAnswer } from '../survey/asker.js';

// One agreement question: a key per answer (1-5, n) answers at once; arrows and Enter work too;
// b or Backspace goes back to the previous question.

export interface ScaleEntry {
  /** The key that picks it at once, shown before its label; empty when it has none. */
  key: string;
  value: ScaleAnswer;
  label: string;
}

export interface ScalePromptConfig {
  /** "7/40" */
  position: string;
  pillar: string;
  message: string;
  entries: readonly ScaleEntry[];
  /** The entry under the cursor at first: the answer given before, if any; without one, no entry is. */
  initial?: ScaleAnswer;
  help: string;
  /** The terminal's width: every line breaks between words to fit it. */
  width: number;
  theme?: Theme;
}

export default createPrompt<ScaleAnswer, ScalePromptConfig>((config, done) => {
  const theme = makeTheme<object>(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  // No entry is under the cursor on a fresh statement: Enter alone answers nothing that was not chosen.
  const [active, setActive] = useState(config.entries.findIndex((e) => e.value === config.initial));
  const [chosen, setChosen] = useState<ScaleEntry | null>(null);
  const prefix = usePrefix({ status, theme });

  const finish = (entry: ScaleEntry) => {
    setChosen(entry);
    setStatus('done');
    done(entry.value);
  };

  useKeypress((key, rl) => {
    rl.clearLine(0);
    const count = config.entries.length;
    if (isEnterKey(key)) {
      const entry = config.entries[active];
      if (entry) finish(entry);
    } else if (isUpKey(key) || isDownKey(key)) {
      const from = active === -1 ? (isUpKey(key) ? 0 : count - 1) : active;
      setActive((from + (isUpKey(key) ? count - 1 : 1)) % count);
    } else {
      const wanted = isBackspaceKey(key) ? 'b' : key.name;
      const entry = config.entries.find((e) => e.key !== '' && e.key === wanted);
      if (entry) finish(entry);
    }
  });

  if (status === 'done' && chosen) {
    const answer = chosen.value === 'back' ? theme.style.help('(back)') : theme.style.answer(chosen.label);
    return wrapLine(`${prefix} ${theme.style.help(config.position)} ${config.message} ${answer}`, config.width, 2);
  }
  const lines = config.entries.map((entry, i) => {
    const cursor = i === active ? '❯' : ' ';
    const mark = entry.value === config.initial && entry.value !== 'back' ? theme.style.help('  (your answer)') : '';
    const line = `${cursor} ${entry.key.padEnd(2)}${entry.label}`;
    return wrapLine((i === active ? theme.style.highlight(line) : line) + mark, config.width, 4);
  });
  const top = [
    wrapLine(`${prefix} ${theme.style.help(`${config.position} · ${config.pillar}`)}`, config.width, 2),
    wrapLine(`  ${theme.style.message(config.message, status)}`, config.width, 2),
  ].join('\n');
  return [`${top}\n\n${lines.join('\n')}`, `${wrapLine(theme.style.help(config.help), config.width, 0)}${cursorHide}`];
});
