import { makeTheme, type Theme } from '@inquirer/core';
import input from '@inquirer/input';
import select from '@inquirer/select';
import chalk, { Chalk, chalkStderr, type ChalkInstance } from 'chalk';
import { InterruptedError } from '../core/errors.js';
import { noColorRequested } from '../render/shared/no-color.js';
import { wrapLine } from '../render/shared/wrap.js';
import type { Asker, Choice, ScaleQuestion } from '../survey/asker.js';
import pickPrompt from './pick-prompt.js';
import scalePrompt, { type ScaleEntry } from './scale-prompt.js';
import yesNoPrompt from './yes-no-prompt.js';

// The only way into the prompt library; loaded only when someone is to be asked.

/** Prompts on `output`, coloured as chalk colours the process's stream it is (`colorOf`), unless `env` asks for no colour. */
export function createInquirerAsker(
  output: NodeJS.WritableStream & { columns?: number },
  env: Readonly<Record<string, string | undefined>>,
  colorOf: 'stdout' | 'stderr' = 'stdout',
): Asker {
  const paint = noColorRequested(env) ? new Chalk({ level: 0 }) : colorOf === 'stderr' ? chalkStderr : chalk;
  const theme = themeFor(paint);
  const context = { output };
  const width = () => Math.min(output.columns || 80, 100);
  const write = (text: string) => void output.write(text);
  // Inquirer's own prompts print "? " before the message.
  const wrapMessage = (message: string) => wrapLine(message, width() - 2, 2);

  return {
    inform(title, paragraphs) {
      write(`\n${paint.bold(title)}\n\n${paragraphs.map((p) => wrapLine(p, width(), 0)).join('\n\n')}\n\n`);
    },
    section(name, summary) {
      const rule = '─'.repeat(Math.max(0, Math.min(width(), 60) - name.length - 4));
      write(`\n${paint.bold.cyan(`── ${name} ${rule}`)}\n${paint.dim(wrapLine(summary, width(), 0))}\n\n`);
    },
    note(text) {
      write(`${wrapLine(text, width(), 0)}\n`);
    },
    scale: (question) => interruptible(scalePrompt({ ...scaleConfig(question, theme), width: width() }, context)),
    choose: <T extends string>(message: string, choices: readonly Choice<T>[], options: { answer?: boolean } = {}) =>
      interruptible(
        options.answer
          ? (pickPrompt({ message, choices, width: width(), theme }, context) as Promise<T>)
          : select({ message: wrapMessage(message), choices, theme }, context),
      ),
    async text(message, options = {}) {
      const { validate } = options;
      const answer = await interruptible(
        input(
          {
            message: wrapMessage(message),
            ...(options.initial === undefined ? {} : { default: options.initial }),
            ...(validate ? { validate: async (value: string) => (await validate(value.trim())) ?? true } : {}),
            theme,
          },
          context,
        ),
      );
      return answer.trim();
    },
    confirm: (message, initial) => interruptible(yesNoPrompt({ message, default: initial, width: width(), theme }, context)),
    clear() {
      // Screen and scroll-back: the next person must not scroll up to the previous one's answers.
      write('\u001b[2J\u001b[3J\u001b[H');
    },
  };
}

function scaleConfig(q: ScaleQuestion, theme: Theme) {
  const keyed = q.points.every((p) => p.value >= 0 && p.value <= 9);
  const entries: ScaleEntry[] = [
    ...q.points.map((p) => ({ key: keyed ? String(p.value) : '', value: p.value, label: p.label })),
    { key: 'n', value: 'na', label: q.unknownLabel },
    ...(q.canGoBack ? [{ key: 'b', value: 'back' as const, label: '← Back to the previous question' }] : []),
  ];
  const first = q.points[0]?.value;
  const last = q.points.at(-1)?.value;
  const help = [
    keyed ? `${first}-${last} or n: answer` : 'n: don\u2019t know',
    '↑↓ Enter: choose',
    ...(q.canGoBack ? ['b: back'] : []),
    'Ctrl-C: stop (progress is saved)',
  ].join(' · ');
  return {
    position: `${q.position}/${q.total}`,
    pillar: q.pillar,
    message: q.text,
    entries,
    ...(q.current === undefined ? {} : { initial: q.current }),
    help,
    theme,
  };
}

async function interruptible<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    // Ctrl-C, or the terminal went away: not a crash, the caller saves and says how to resume.
    if (error instanceof Error && error.name === 'ExitPromptError') throw new InterruptedError();
    throw error;
  }
}

/** Inquirer's look, coloured through chalk so that NO_COLOR and FORCE_COLOR hold for prompts too. */
function themeFor(paint: ChalkInstance): Theme {
  return makeTheme({
    prefix: { idle: paint.blue('?'), done: paint.green('✔') },
    style: {
      answer: (text: string) => paint.cyan(text),
      message: (text: string) => paint.bold(text),
      error: (text: string) => paint.red(`> ${text}`),
      defaultAnswer: (text: string) => paint.dim(`(${text})`),
      help: (text: string) => paint.dim(text),
      highlight: (text: string) => paint.cyan(text),
      key: (text: string) => paint.cyan.bold(`<${text}>`),
    },
  });
}
