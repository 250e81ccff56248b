import { createPrompt, isEnterKey, makeTheme, type Theme, useKeypress, usePrefix, useState } from '@inquirer/core';
import { wrapLine } from '../render/shared/wrap.js';

// A yes/no question that takes only yes or no: Enter alone is the default shown, y/yes and n/no are the answers,
// anything else typed is said to be neither and asked again (never silently a yes).

export interface YesNoConfig {
  message: string;
  default: boolean;
  /** The terminal's width: every line breaks between words to fit it. */
  width: number;
  theme?: Theme;
}

export function yesNoAnswer(typed: string, fallback: boolean): boolean | null {
  const word = typed.trim().toLowerCase();
  if (word === '') return fallback;
  if (word === 'y' || word === 'yes') return true;
  if (word === 'n' || word === 'no') return false;
  return null;
}

export default createPrompt<boolean, YesNoConfig>((config, done) => {
  const theme = makeTheme<object>(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = yesNoAnswer(value, config.default);
      if (answer === null) {
        setError(`"${value.trim()}" is neither yes nor no: type y or n`);
        rl.clearLine(0);
        rl.write(value);
        return;
      }
      setValue(answer ? 'Yes' : 'No');
      setStatus('done');
      done(answer);
    } else {
      setValue(rl.line);
      setError(null);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return wrapLine(`${prefix} ${message} ${theme.style.answer(value)}`, config.width, 2);
  const line = wrapLine(`${prefix} ${message} ${theme.style.defaultAnswer(config.default ? 'Y/n' : 'y/N')} ${value}`, config.width, 2);
  return error === null ? line : [line, wrapLine(theme.style.error(error), config.width, 2)];
});
