import { answerMapFileSchema, checkAnswerMap, type AnswerMap } from '../core/answer-map.js';
import type { Bank } from '../core/bank.js';
import { InputError } from '../core/errors.js';
import { readTextFile } from './read-text.js';
import { parseYaml, validate } from './yaml-document.js';

/** Reads a --map file (YAML); every problem is reported with its position. */
export async function loadAnswerMap(file: string, bank: Bank): Promise<AnswerMap> {
  const doc = parseYaml(await readTextFile(file), file);
  const { map, issues } = checkAnswerMap(bank, validate(doc, answerMapFileSchema));
  if (map === null) throw new InputError(issues.map((issue) => doc.locate(issue)));
  return map;
}
