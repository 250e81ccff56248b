import { MAX_NAME_LENGTH, type AnswersFile } from '../core/answers.js';
import { ROLES } from '../core/roles.js';
import { readSimpleYaml } from './simple-yaml.js';

// The fast path of an answer file's text (read by readTextFile like every input): the plain YAML
// subset read by readSimpleYaml, and the common shape checked by hand instead of by the zod
// schema (so that neither YAML nor zod is loaded). Anything else — an error, an unusual key or value — returns null, and the caller takes
// the full path, which also reports every problem with its position.
// test/io/plain-answer-file.test.ts checks that whatever passes here, the schema reads the same.

export function readPlainAnswers(text: string): AnswersFile | null {
  const data = readSimpleYaml(text);
  return data === undefined ? null : plainAnswersFile(data);
}

/** The answer file as the schema would give it, when its shape is the plain one; otherwise null. */
export function plainAnswersFile(data: Record<string, unknown>): AnswersFile | null {
  if (!onlyKeys(data, ['respondent', 'answers', 'bank', 'takenAt', 'form'])) return null;
  const { respondent = {}, answers, bank, takenAt, form } = data;
  if (!(form === undefined || form === 'full' || form === 'quick')) return null;
  if (!isObject(answers) || !isObject(respondent) || !onlyKeys(respondent, ['role', 'name', 'team'])) return null;
  for (const value of Object.values(answers)) {
    if (!(value === 'na' || value === null || Number.isSafeInteger(value))) return null;
  }
  const { role, name, team } = respondent;
  if (!(role === undefined || role === null || (typeof role === 'string' && (ROLES as readonly string[]).includes(role)))) return null;
  if (!plainText(name) || !plainText(team)) return null;
  if (takenAt !== undefined && !plainDateTime(takenAt)) return null;
  if (bank !== undefined && !(isObject(bank) && onlyKeys(bank, ['id', 'version']) && typeof bank.id === 'string' && typeof bank.version === 'string'))
    return null;
  return { ...data, respondent } as AnswersFile;
}

// The form the survey writes, on a real calendar day; any other form the schema may accept takes the full path.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function plainDateTime(value: unknown): boolean {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

/** Absent, or a string the schema keeps as it is (already trimmed, not too long). */
function plainText(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value === value.trim() && value.length <= MAX_NAME_LENGTH);
}
