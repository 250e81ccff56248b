import { extname } from 'node:path';
import { checkAnswers, checkAnswerValues, type AnswersFile, type Response } from '../core/answers.js';
import { allQuestions, type Bank, type Form } from '../core/bank.js';
import type { Role } from '../core/bank-schema.js';
import { InputError } from '../core/errors.js';
import { loadBank, loadBankFor } from './load-bank.js';
import { readPlainAnswers } from './plain-answer-file.js';
import { checkInputFile, readTextFile } from './read-text.js';

export const ANSWER_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * `run --answers` and `aggregate` alike: the file read as every input is, then the plain path, then the full one.
 * No form given: the file's own, as checkAnswers says.
 */
export async function loadResponse(file: string, bank: Bank, form: Form | undefined, role?: Role): Promise<Response> {
  if (file === '-') checkInputFile(file);
  const extension = extname(file).toLowerCase();
  if (!ANSWER_EXTENSIONS.includes(extension)) {
    throw new InputError([{ file, message: `answer files end in ${ANSWER_EXTENSIONS.join(', ')}` }]);
  }
  const text = await readTextFile(file);
  return (extension === '.json' ? null : plainResponse(text, bank, form, role)) ?? (await parsedResponse(file, text, bank, form, role));
}

/** The fast path: the response when the text is a plain answer file without a problem, otherwise null. */
export function plainResponse(text: string, bank: Bank, form: Form | undefined, role?: Role): Response | null {
  const plain = readPlainAnswers(text);
  return plain === null ? null : checkAnswers(bank, form, plain, role).response;
}

/** The full path: YAML (or JSON) with positions and the schema, loaded only when needed; every problem is reported where it is. */
export async function parsedResponse(file: string, text: string, bank: Bank, form: Form | undefined, role?: Role): Promise<Response> {
  const [{ parseInput }, { validate }, { answersFileShapeSchema }] = await Promise.all([
    import('./parse-input.js'),
    import('./yaml-document.js'),
    import('../core/answers-schema.js'),
  ]);
  const doc = parseInput(text, file);
  let data: AnswersFile;
  try {
    data = validate(doc, answersFileShapeSchema);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The answers are checked against the bank all the same, so that every problem in the file is listed at once.
    const given = answersOf(doc.data);
    const fileForm = isMapping(doc.data) && (doc.data.form === 'quick' || doc.data.form === 'full') ? doc.data.form : 'full';
    throw new InputError([...error.problems, ...(given ? checkAnswerValues(bank, form ?? fileForm, given).issues.map((issue) => doc.locate(issue)) : [])]);
  }
  const { response, issues } = checkAnswers(bank, form, data, role);
  if (response === null) {
    // A quick survey's answers read as the full form: one "no answer" a question, and the way out.
    const quickAnswered =
      form !== 'quick' && data.form !== 'quick' && allQuestions(bank, 'quick').length > 0 && checkAnswers(bank, 'quick', data, role).response !== null;
    throw new InputError(
      issues.map((issue) => doc.locate(issue)),
      quickAnswered ? 'every question of the quick form is answered: add `form: quick` to the file, or pass --quick' : undefined,
    );
  }
  return response;
}

/** The bank an answer file is scored with when no --bank was given: the built-in one its `bank: {id, version}` names. */
export async function loadBankForAnswers(file: string): Promise<Bank> {
  const extension = extname(file).toLowerCase();
  if (!ANSWER_EXTENSIONS.includes(extension)) return loadBank();
  // A file that cannot be read is reported when it is scored, with the rest of its problems.
  const text = await readTextFile(file).catch((error: unknown) => {
    if (error instanceof InputError) return null;
    throw error;
  });
  if (text === null) return loadBank();
  const plain = extension === '.json' ? null : readPlainAnswers(text);
  if (plain !== null) {
    try {
      return await loadBankFor(plain.bank, (message) => ({ file, message }));
    } catch (error) {
      // Reported again below, where it is in the file.
      if (!(error instanceof InputError)) throw error;
    }
  }
  const { parseInput } = await import('./parse-input.js');
  const doc = await Promise.resolve()
    .then(() => parseInput(text, file))
    .catch((error: unknown) => {
      if (error instanceof InputError) return null;
      throw error;
    });
  if (doc === null) return loadBank();
  const stamp = isMapping(doc.data) ? doc.data.bank : undefined;
  const known = isMapping(stamp) && typeof stamp.id === 'string' && typeof stamp.version === 'string';
  return loadBankFor(known ? { id: stamp.id as string, version: stamp.version as string } : undefined, (message) =>
    doc.locate({ path: ['bank', 'version'], message }),
  );
}

function answersOf(data: unknown): Record<string, unknown> | null {
  const answers = isMapping(data) ? data.answers : undefined;
  return isMapping(answers) ? answers : null;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
