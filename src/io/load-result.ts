import { readableResultSchema, type ReadableResult } from '../core/report/result-schema.js';
import { readTextFile } from './read-text.js';
import { parseInput } from './parse-input.js';
import { validate } from './yaml-document.js';

/** Reads a result file (`--format json` of run or aggregate, older team results too); problems are reported with positions. */
export async function loadResult(file: string): Promise<ReadableResult> {
  return validate(parseInput(await readTextFile(file), file), readableResultSchema);
}
