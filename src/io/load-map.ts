import { checkAnswerMap, type AnswerMap } from '../core/answer-map.js';
import { answerMapFileSchema, wellFormedEntries } from '../core/answer-map-schema.js';
import type { Bank } from '../core/bank.js';
import { InputError } from '../core/errors.js';
import { readTextFile } from './read-text.js';
import { parseInput } from './parse-input.js';
import { zodIssues } from './yaml-document.js';

/** Reads a --map file (YAML); every problem is reported with its position. */
export async function loadAnswerMap(file: string, bank: Bank): Promise<AnswerMap> {
  const doc = parseInput(await readTextFile(file), file);
  const parsed = answerMapFileSchema.safeParse(doc.data, { reportInput: true });
  const { map, issues } = checkAnswerMap(bank, parsed.success ? parsed.data : wellFormedEntries(doc.data));
  const all = [...(parsed.success ? [] : zodIssues(parsed.error.issues, answerMapFileSchema)), ...issues];
  if (map === null || all.length > 0) throw new InputError(all.map((issue) => doc.locate(issue)));
  return map;
}
