import type { Response } from '../core/answers.js';
import type { Bank, Form } from '../core/bank.js';
import { inputError } from '../core/errors.js';
import type { Context } from '../commands/context.js';
import type { RunOptions } from '../commands/run.js';

// Replaced by the interactive survey (issue 3).
export async function takeSurvey(_bank: Bank, _form: Form, _options: RunOptions, _ctx: Context): Promise<Response> {
  throw inputError('the interactive survey is not built yet', 'pass --answers FILE');
}
