import type { AnswerValue } from '../core/answers.js';

// How the survey talks to a person. Inquirer implements it for a terminal; tests implement it too.
// Every text handed to an Asker is plain already (bank strings pass through plainText first).
// Ctrl-C in any prompt rejects with InterruptedError.

export interface ScaleQuestion {
  /** 1-based place in the form, and the form's length: "7/40". */
  position: number;
  total: number;
  pillar: string;
  text: string;
  /** The scale's points, lowest first, each with its label. */
  points: readonly { value: number; label: string }[];
  unknownLabel: string;
  /** The answer given before, when the person came back to this question. */
  current?: AnswerValue;
  canGoBack: boolean;
}

export type ScaleAnswer = AnswerValue | 'back';

export interface Choice<T extends string> {
  value: T;
  name: string;
}

export interface Asker {
  /** A screen of information: a title and its paragraphs. */
  inform(title: string, paragraphs: readonly string[]): void;
  /** A section starts: its name and what it is about. */
  section(name: string, summary: string): void;
  /** A short remark between prompts, such as where a file was saved. */
  note(text: string): void;
  scale(question: ScaleQuestion): Promise<ScaleAnswer>;
  /**
   * One of a list. A menu starts with its first choice under the cursor; an answer that goes into the
   * answer file (`{ answer: true }`, the role) starts with none, so that Enter alone picks nothing.
   */
  choose<T extends string>(message: string, choices: readonly Choice<T>[], options?: { answer?: boolean }): Promise<T>;
  /** Free text, trimmed; `validate` returns an error message or null. */
  text(message: string, options?: { initial?: string; validate?: (value: string) => string | null | Promise<string | null> }): Promise<string>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  /** A blank screen, so that the next person does not see the previous one's answers. */
  clear(): void;
}
