import type { Response } from '../core/answers.js';
import type { Bank, Form } from '../core/bank.js';

// Where finished answer files go: a file the person named (--save), or a folder where each participant gets a name of their own.

export interface FinishedAnswers {
  bank: Bank;
  form: Form;
  response: Response;
}

export interface SavedAnswers {
  /** Where the answer file is now. */
  file: string;
  /** The name wanted, when it was taken by someone else meanwhile and `file` is another. */
  taken?: string;
}

export interface AnswerSink {
  /** Writes the answer file whole, never replacing another's; resolves once it is safely on disk. */
  save(answers: FinishedAnswers): Promise<SavedAnswers>;
}
