import { createHash } from 'node:crypto';
import * as z from 'zod';
import { valueProblem, type AnswerValue, type Respondent } from './answers.js';
import { optionalText } from './answers-schema.js';
import { ROLES } from './bank-schema.js';
import { allQuestions, type Bank, type Form, type Question } from './bank.js';
import { canonicalJson } from './canonical-json.js';
import { describeValue } from './describe-value.js';
import type { Issue } from './issue.js';

// An unfinished interactive run, as the state folder keeps it between answers.

export const progressSchema = z.strictObject({
  format: z.literal(1),
  id: z.string().regex(/^run-[0-9A-Za-z-]+$/),
  bank: z.strictObject({
    id: z.string(),
    version: z.string(),
    hash: z.string(),
    /** The --bank folder the run was started with; null for the built-in bank. */
    dir: z.string().nullable(),
  }),
  form: z.enum(['full', 'quick']),
  /** What each question of the form said when it was asked, to tell which answers a changed bank leaves valid. */
  fingerprints: z.record(z.string(), z.string()),
  respondent: z.strictObject({ role: z.enum(ROLES), name: optionalText, team: optionalText }),
  answers: z.record(
    z.string(),
    z.union([z.int(), z.literal('na')], { error: (issue) => `${describeValue(issue.input)} is not a whole number on the scale (or na)` }),
  ),
  startedAt: z.iso.datetime({ offset: true, error: 'must be a date and time such as 2026-03-02T09:30:00Z' }),
  updatedAt: z.iso.datetime({ offset: true, error: 'must be a date and time such as 2026-03-02T09:30:00Z' }),
  /** The folder of the workshop this participant's run belongs to: only `workshop` continues it. */
  workshop: z.string().optional(),
});
export type Progress = z.infer<typeof progressSchema>;

export interface NewProgress {
  bank: Bank;
  bankDir: string | null;
  form: Form;
  respondent: Respondent;
  id: string;
  now: string;
  workshop?: string;
}

export function newProgress({ bank, bankDir, form, respondent, id, now, workshop }: NewProgress): Progress {
  return {
    format: 1,
    id,
    bank: { id: bank.id, version: bank.version, hash: bank.hash, dir: bankDir },
    form,
    fingerprints: fingerprints(bank, form),
    respondent,
    answers: {},
    startedAt: now,
    updatedAt: now,
    ...(workshop === undefined ? {} : { workshop }),
  };
}

/** A question's meaning for its answer: its wording, direction and the scale it was answered on. */
export function fingerprints(bank: Bank, form: Form): Record<string, string> {
  const scale = canonicalJson(bank.scale);
  const print = (q: Question) =>
    createHash('sha256')
      .update(canonicalJson({ text: q.text, reverse: q.reverse, scale }))
      .digest('hex')
      .slice(0, 16);
  return Object.fromEntries(allQuestions(bank, form).map((q) => [q.id, print(q)]));
}

export interface BankChange {
  from: { version: string };
  to: { version: string };
  /** Answers to questions that still read the same: safe to keep. */
  kept: Record<string, AnswerValue>;
  /** Ids answered before whose question changed or left the form. */
  dropped: string[];
}

/**
 * Compares a run's bank with the bank it continues on. null: the same bank.
 * A different bank id is not a change but another bank: the caller refuses it.
 */
export function bankChange(progress: Progress, bank: Bank): BankChange | null {
  if (progress.bank.hash === bank.hash) return null;
  const now = fingerprints(bank, progress.form);
  const kept: Record<string, AnswerValue> = {};
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(progress.answers)) {
    if (now[id] !== undefined && now[id] === progress.fingerprints[id]) kept[id] = value;
    else dropped.push(id);
  }
  return { from: { version: progress.bank.version }, to: { version: bank.version }, kept, dropped };
}

/** Where to go after question `from` (-1: the start): the next unanswered one, wrapping round; null when all are answered. */
export function nextUnanswered(questions: readonly Question[], answers: Readonly<Record<string, AnswerValue>>, from: number): number | null {
  for (let step = 1; step <= questions.length; step++) {
    const i = (from + step) % questions.length;
    const q = questions[i];
    if (q !== undefined && !Object.hasOwn(answers, q.id)) return i;
  }
  return null;
}

export function answeredCount(questions: readonly Question[], answers: Readonly<Record<string, AnswerValue>>): number {
  return questions.filter((q) => Object.hasOwn(answers, q.id)).length;
}

/**
 * A run's answers against the bank it continues on, as strictly as an answer file's: an answer to a question
 * the run never asked, or a value off the scale, is damage, not data. Answers that a changed bank drops are not checked.
 */
export function checkProgress(progress: Progress, bank: Bank): Issue[] {
  const issues: Issue[] = [];
  const asked = new Set(allQuestions(bank, progress.form).map((q) => q.id));
  const now = progress.bank.hash === bank.hash ? null : fingerprints(bank, progress.form);
  const { min, max } = bank.scale;
  for (const [id, value] of Object.entries(progress.answers)) {
    if (!Object.hasOwn(progress.fingerprints, id) || (now === null && !asked.has(id))) {
      issues.push({ path: ['answers', id], atKey: true, message: `unknown question id "${id}" (not a question of this run)` });
      continue;
    }
    const kept = now === null || now[id] === progress.fingerprints[id];
    const problem = kept ? valueProblem(value, min, max) : null;
    if (problem !== null) issues.push({ path: ['answers', id], message: problem });
  }
  return issues;
}

/** One answer against the bank and the form, as the room and the terminal give it; null when it is fine. */
export function answerProblem(bank: Bank, form: Form, questionId: string, value: unknown): string | null {
  if (!allQuestions(bank, form).some((q) => q.id === questionId)) return `unknown question id "${questionId}" (not in the ${form} form)`;
  return valueProblem(value, bank.scale.min, bank.scale.max);
}
