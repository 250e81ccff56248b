import { extname } from 'node:path';
import { answersFileShapeSchema, checkAnswers, checkAnswerValues, type AnswersFile, type Response } from '../core/answers.js';
import type { Bank, Form } from '../core/bank.js';
import type { Role } from '../core/bank-schema.js';
import { InputError } from '../core/errors.js';
import { checkInputFile, readTextFile } from './read-text.js';
import { parseInput } from './parse-input.js';
import { validate } from './yaml-document.js';

export const ANSWER_EXTENSIONS = ['.yaml', '.yml', '.json'];

export async function loadResponse(file: string, bank: Bank, form: Form, role?: Role): Promise<Response> {
  if (file === '-') await checkInputFile(file);
  if (!ANSWER_EXTENSIONS.includes(extname(file).toLowerCase())) {
    throw new InputError([{ file, message: `answer files end in ${ANSWER_EXTENSIONS.join(', ')}` }]);
  }
  const doc = parseInput(await readTextFile(file), file);
  let data: AnswersFile;
  try {
    data = validate(doc, answersFileShapeSchema);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The answers are checked against the bank all the same, so that every problem in the file is listed at once.
    const given = answersOf(doc.data);
    throw new InputError([...error.problems, ...(given ? checkAnswerValues(bank, form, given).issues.map((issue) => doc.locate(issue)) : [])]);
  }
  const { response, issues } = checkAnswers(bank, form, data, role);
  if (response === null) throw new InputError(issues.map((issue) => doc.locate(issue)));
  return response;
}

function answersOf(data: unknown): Record<string, unknown> | null {
  const answers = isMapping(data) ? data.answers : undefined;
  return isMapping(answers) ? answers : null;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
