import type { Response } from '../../core/answers.js';
import type { Bank, Form } from '../../core/bank.js';
import type { Role } from '../../core/roles.js';
import type { SingleFormat } from '../../render/formats.js';

export interface RunOptions {
  bank?: string;
  answers?: string;
  quick: boolean;
  role?: Role;
  format: SingleFormat;
  out?: string;
  save?: string;
  force: boolean;
  failUnder?: number;
  failPillarUnder?: number;
  /** true: the last unfinished run (a choice when there are several); a run's id: that run. */
  resume: boolean | string;
}

export interface SurveyResult {
  bank: Bank;
  form: Form;
  response: Response;
}
