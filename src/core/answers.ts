import type { AnswersFile } from './answers-schema.js';
import { ROLES, type Role } from './roles.js';
import { allQuestions, majorVersion, type Bank, type Form, type Question } from './bank.js';
import { describeValue } from './describe-value.js';
import type { Issue } from './issue.js';

export type AnswerValue = number | 'na';
export type { AnswersFile } from './answers-schema.js';
export { MAX_NAME_LENGTH } from './name-length.js';

export interface Respondent {
  role: Role;
  name?: string;
  team?: string;
}

export interface Response {
  respondent: Respondent;
  answers: Record<string, AnswerValue>;
  takenAt?: string;
  /** The form the answers were checked on, when the file chose it (see checkAnswers). */
  form?: Form;
}

// A team report checks thousands of answer files against one bank: its indexes are built once.
interface BankIndex {
  byId: ReadonlyMap<string, Question>;
  forms: Record<Form, readonly Question[]>;
}
const indexes = new WeakMap<Bank, BankIndex>();

function indexOf(bank: Bank): BankIndex {
  let index = indexes.get(bank);
  if (index === undefined) {
    index = {
      byId: new Map(bank.pillars.flatMap((p) => p.questions).map((q) => [q.id, q])),
      forms: { full: allQuestions(bank, 'full'), quick: allQuestions(bank, 'quick') },
    };
    indexes.set(bank, index);
  }
  return index;
}

/**
 * Checks an answer file against the bank and the chosen form; the response is null when any issue was found.
 * No form chosen: the file's own (`form:`, full when it names none), recorded in the response.
 */
export function checkAnswers(bank: Bank, chosen: Form | undefined, file: AnswersFile, roleOverride?: Role): { response: Response | null; issues: Issue[] } {
  const issues: Issue[] = [];
  if (file.bank) {
    if (file.bank.id !== bank.id) {
      issues.push({ path: ['bank', 'id'], message: `answers are for bank "${file.bank.id}", not "${bank.id}"` });
    } else if (majorVersion(file.bank.version) !== majorVersion(bank.version)) {
      issues.push({
        path: ['bank', 'version'],
        message: `answers are for version ${file.bank.version} of the bank, which is now ${bank.version}: major versions differ`,
      });
    }
  }
  const role = roleOverride ?? file.respondent.role ?? undefined;
  if (role === undefined) {
    issues.push({ path: ['respondent'], atKey: true, message: `role is required (one of ${ROLES.join(', ')}), or pass --role` });
  }

  const form = chosen ?? file.form ?? 'full';
  const checked = checkAnswerValues(bank, form, file.answers);
  issues.push(...checked.issues);
  if (issues.length > 0 || role === undefined) return { response: null, issues };
  const respondent: Respondent = { role };
  if (file.respondent.name) respondent.name = file.respondent.name;
  if (file.respondent.team) respondent.team = file.respondent.team;
  return {
    response: { respondent, answers: checked.answers, ...(file.takenAt ? { takenAt: file.takenAt } : {}), ...(chosen === undefined ? { form } : {}) },
    issues,
  };
}

/** The answers against the bank: unknown ids, values off the scale, questions of the form left without an answer. */
export function checkAnswerValues(bank: Bank, form: Form, given: Readonly<Record<string, unknown>>): { answers: Record<string, AnswerValue>; issues: Issue[] } {
  const issues: Issue[] = [];
  const { byId: known, forms } = indexOf(bank);
  const { min, max } = bank.scale;
  const answers: Record<string, AnswerValue> = {};
  let wrong: Set<string> | undefined;
  for (const id of Object.keys(given)) {
    const value = given[id];
    if (!known.has(id)) {
      issues.push({ path: ['answers', id], atKey: true, message: `unknown question id "${id}"` });
    } else if (value !== null) {
      const problem = valueProblem(value, min, max);
      if (problem === null) {
        answers[id] = value as AnswerValue;
      } else {
        issues.push({ path: ['answers', id], message: problem });
        wrong ??= new Set();
        wrong.add(id);
      }
    }
  }
  for (const q of forms[form]) {
    if (Object.hasOwn(answers, q.id) || wrong?.has(q.id)) continue;
    issues.push(
      Object.hasOwn(given, q.id)
        ? { path: ['answers', q.id], atKey: true, message: `no answer ("${q.text}")` }
        : { path: ['answers'], atKey: true, message: `${q.id}: no answer ("${q.text}")` },
    );
  }
  return { answers, issues };
}

/** A value against the scale min..max: null when it is an answer (a whole number on the scale, or na). */
export function valueProblem(value: unknown, min: number, max: number): string | null {
  if (value === 'na' || (Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) return null;
  const what = Number.isInteger(value) ? `${String(value)} is off the scale` : `${describeValue(value)} is not a whole number on the scale`;
  return `${what} ${min}..${max} (or na)`;
}
