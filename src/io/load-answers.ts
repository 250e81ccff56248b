import { extname } from 'node:path';
import { answersFileShapeSchema, checkAnswers, type Response } from '../core/answers.js';
import type { Bank, Form } from '../core/bank.js';
import type { Role } from '../core/bank-schema.js';
import { InputError } from '../core/errors.js';
import { readTextFile } from './read-text.js';
import { parseYaml, validate } from './yaml-document.js';

export const ANSWER_EXTENSIONS = ['.yaml', '.yml', '.json'];

export async function loadResponse(file: string, bank: Bank, form: Form, role?: Role): Promise<Response> {
  if (!ANSWER_EXTENSIONS.includes(extname(file).toLowerCase())) {
    throw new InputError([{ file, message: `answer files end in ${ANSWER_EXTENSIONS.join(', ')}` }]);
  }
  const doc = parseYaml(await readTextFile(file), file);
  const { response, issues } = checkAnswers(bank, form, validate(doc, answersFileShapeSchema), role);
  if (response === null) throw new InputError(issues.map((issue) => doc.locate(issue)));
  return response;
}
