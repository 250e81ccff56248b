import { InterruptedError } from '../../src/core/errors.js';
import type { Asker, Choice, ScaleAnswer, ScaleQuestion } from '../../src/survey/asker.js';

// An asker that answers from a script, in order, and keeps what it was shown: the survey flow with no terminal.

/** Ctrl-C at that prompt. */
export const INTERRUPT = Symbol('Ctrl-C');

export type Reply = ScaleAnswer | string | boolean | typeof INTERRUPT;

export type Shown =
  | { kind: 'inform'; title: string; text: string }
  | { kind: 'section'; name: string }
  | { kind: 'note'; text: string }
  | { kind: 'scale'; question: ScaleQuestion }
  | { kind: 'choose'; message: string; choices: readonly Choice<string>[] }
  | { kind: 'text'; message: string; initial?: string }
  | { kind: 'confirm'; message: string; initial: boolean }
  | { kind: 'clear' };

export interface ScriptedAsker extends Asker {
  shown: Shown[];
  /** What was printed between prompts, as one text. */
  prose(): string;
  /** Replies not used yet. */
  left(): readonly Reply[];
}

export function scriptedAsker(replies: readonly Reply[]): ScriptedAsker {
  const queue = [...replies];
  const shown: Shown[] = [];
  const next = <T>(what: string, check: (reply: Reply) => reply is Reply & T): Promise<T> => {
    const reply = queue.shift();
    if (reply === INTERRUPT) return Promise.reject(new InterruptedError());
    if (reply === undefined) return Promise.reject(new Error(`the script has no reply left for ${what}`));
    if (!check(reply)) return Promise.reject(new Error(`the script's reply ${String(reply)} does not fit ${what}`));
    return Promise.resolve(reply);
  };
  return {
    shown,
    prose: () =>
      shown
        .map((s) => (s.kind === 'inform' ? `${s.title}\n${s.text}` : s.kind === 'note' ? s.text : s.kind === 'section' ? `── ${s.name}` : ''))
        .filter(Boolean)
        .join('\n'),
    left: () => queue,
    inform(title, paragraphs) {
      shown.push({ kind: 'inform', title, text: paragraphs.join(' ') });
    },
    section(name) {
      shown.push({ kind: 'section', name });
    },
    note(text) {
      shown.push({ kind: 'note', text });
    },
    clear() {
      shown.push({ kind: 'clear' });
    },
    scale(question) {
      shown.push({ kind: 'scale', question });
      return next(`question ${question.position}`, (r): r is ScaleAnswer => r === 'back' || r === 'na' || typeof r === 'number');
    },
    async choose<T extends string>(message: string, choices: readonly Choice<T>[]) {
      shown.push({ kind: 'choose', message, choices });
      const value = await next(`"${message}"`, (r): r is string => typeof r === 'string');
      const choice = choices.find((c) => c.value === value);
      if (choice === undefined) throw new Error(`"${value}" is not one of the choices of "${message}": ${choices.map((c) => c.value).join(', ')}`);
      return choice.value;
    },
    async text(message, options = {}) {
      shown.push({ kind: 'text', message, ...(options.initial === undefined ? {} : { initial: options.initial }) });
      const typed = await next(`"${message}"`, (r): r is string => typeof r === 'string');
      const value = typed === '' ? (options.initial ?? '') : typed;
      const problem = await options.validate?.(value);
      if (problem) throw new Error(`the script typed "${value}" at "${message}", which is refused: ${problem}`);
      return value;
    },
    confirm(message, initial) {
      shown.push({ kind: 'confirm', message, initial });
      return next(`"${message}"`, (r): r is boolean => typeof r === 'boolean');
    },
  };
}
