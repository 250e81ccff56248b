import type { AnswerValue } from './answers.js';
import type { AnswerMap } from './answer-map.js';
import { allQuestions, type Bank, type Form, type Question } from './bank.js';
import { ROLES, type Role } from './roles.js';
import { normalizeText, wordSimilarity } from './text-match.js';

// How a CSV export's columns and cells are read: headers matched to the bank's questions
// (by the text, by a Google Forms grid row `Title [Statement]`, or by an id in brackets `… [C1]`),
// one column for the role, optionally one for names; every other column is ignored unless it
// looks like a question that matches none.

export interface ColumnPlan {
  /** Column index → question id, for the questions of the chosen form. */
  questions: { column: number; id: string }[];
  role: number | null;
  name: number | null;
}

export interface ColumnIssue {
  /** 0-based column; null for a problem of the header as a whole. */
  column: number | null;
  message: string;
}

const SIMILAR_TEXT = 0.6;
const ID_LIKE = /^[A-Za-z]{1,4}[-_]?\d{1,3}$/;

export function matchColumns(headers: readonly string[], bank: Bank, form: Form, map: AnswerMap): { plan: ColumnPlan; issues: ColumnIssue[] } {
  const bankQuestions = bank.pillars.flatMap((p) => p.questions);
  const byId = new Map(bankQuestions.map((q) => [q.id.toLowerCase(), q]));
  const byText = new Map(bankQuestions.map((q) => [normalizeText(q.text), q]));
  const inForm = new Set(allQuestions(bank, form).map((q) => q.id));
  const issues: ColumnIssue[] = [];
  const plan: ColumnPlan = { questions: [], role: null, name: null };
  const taken = new Map<string, number>();
  const roleCandidates: number[] = [];
  let nameCandidate: number | null = null;
  let roleMapped = false;
  let nameMapped = false;

  const takeQuestion = (column: number, q: Question) => {
    const earlier = taken.get(q.id);
    if (earlier !== undefined) {
      issues.push({ column, message: `question ${q.id} already has column ${columnLetter(earlier)}` });
      return;
    }
    taken.set(q.id, column);
    if (inForm.has(q.id)) plan.questions.push({ column, id: q.id });
  };

  headers.forEach((header, column) => {
    const normal = normalizeText(header);
    const mapped = map.columns.get(normal);
    if (mapped) {
      if ('question' in mapped) {
        const q = byId.get(mapped.question.toLowerCase());
        if (q) takeQuestion(column, q);
      } else if (mapped.keyword === 'role') {
        if (roleMapped) issues.push({ column, message: `the map names two role columns (${columnLetter(plan.role ?? 0)} and ${columnLetter(column)})` });
        plan.role = column;
        roleMapped = true;
      } else if (mapped.keyword === 'name') {
        plan.name = column;
        nameMapped = true;
      }
      return;
    }
    const q = questionOf(header, normal, byId, byText);
    if (q) {
      takeQuestion(column, q);
      return;
    }
    const words = normal.split(' ');
    if (words.includes('role')) {
      roleCandidates.push(column);
      return;
    }
    if (words.includes('name') && words.length <= 3) {
      nameCandidate ??= column;
      return;
    }
    const unmatched = unmatchedQuestion(header, bankQuestions);
    if (unmatched !== null) issues.push({ column, message: unmatched });
  });

  if (!roleMapped) {
    if (roleCandidates.length === 1) plan.role = roleCandidates[0] ?? null;
    else if (roleCandidates.length > 1) {
      issues.push({
        column: roleCandidates[1] ?? null,
        message: `several columns could be the role (${roleCandidates.map(columnLetter).join(', ')}): name one in --map (columns: { "<header>": role })`,
      });
    } else {
      issues.push({ column: null, message: 'no role column: add a column whose header contains "role", or name it in --map (columns: { "<header>": role })' });
    }
  }
  if (!nameMapped) plan.name = nameCandidate;

  const missing = allQuestions(bank, form).filter((q) => !taken.has(q.id));
  if (missing.length > 0) {
    const quickExport = form === 'full' && missing.length === allQuestions(bank, 'full').filter((q) => !q.quick).length && missing.every((q) => !q.quick);
    issues.push({
      column: null,
      message: `no column for ${missing.length === 1 ? 'question' : `${missing.length} questions of the ${form} form:`} ${missing.map((q) => q.id).join(', ')}: ${
        quickExport ? 'this looks like an export of the quick form, pass --quick' : 'match headers to questions with --map'
      }`,
    });
  }
  return { plan, issues };
}

function questionOf(header: string, normal: string, byId: ReadonlyMap<string, Question>, byText: ReadonlyMap<string, Question>): Question | null {
  for (const inner of brackets(header)) {
    const q = byId.get(inner.trim().toLowerCase()) ?? byText.get(normalizeText(inner));
    if (q) return q;
  }
  return byText.get(normal) ?? byId.get(header.trim().toLowerCase()) ?? null;
}

/** Why a header that matched nothing looks like a question after all; null when it looks like any other column. */
function unmatchedQuestion(header: string, questions: readonly Question[]): string | null {
  const idLike = brackets(header).find((inner) => ID_LIKE.test(inner.trim()));
  if (idLike !== undefined) return `no question "${idLike.trim()}" in the bank: fix the header or map it with --map`;
  const candidates = [header, ...brackets(header)].filter((t) => normalizeText(t).split(' ').length >= 3);
  let best: { q: Question; similarity: number } | null = null;
  for (const text of candidates) {
    for (const q of questions) {
      const similarity = wordSimilarity(text, q.text);
      if (similarity >= SIMILAR_TEXT && (best === null || similarity > best.similarity)) best = { q, similarity };
    }
  }
  if (best === null) return null;
  return `looks like a question but matches none in the bank exactly (closest: ${best.q.id} "${best.q.text}"): fix the header or map it with --map`;
}

function brackets(header: string): string[] {
  return [...header.matchAll(/\[([^[\]]+)\]/g)].map((m) => m[1] ?? '');
}

/** A, B, …, Z, AA, AB, …: as a spreadsheet names the column. */
export function columnLetter(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export type CellResult = { value: AnswerValue | null } | { error: string };

/** Reads answer cells: the scale's labels or numbers, "don't know" words, the map's labels; empty is no answer. */
export function answerReader(bank: Bank, map: AnswerMap): (cell: string) => CellResult {
  const { scale } = bank;
  const labels = new Map<string, AnswerValue>(scale.labels.map((label, i) => [normalizeText(label), scale.min + i]));
  for (const word of ['na', 'n a', 'dont know', 'not applicable', normalizeText(scale.unknown)]) labels.set(word, 'na');
  for (const [label, value] of map.labels) labels.set(label, value);
  const legend = `${scale.labels.map((l) => `"${l}"`).join(', ')}, a number ${scale.min}-${scale.max}, or "na"`;
  return (cell) => {
    const text = cell.trim();
    if (text === '') return { value: null };
    const label = labels.get(normalizeText(text));
    if (label !== undefined) return { value: label };
    if (/^[+-]?\d+(?:\.\d+)?$/.test(text)) {
      const n = Number(text);
      if (!Number.isInteger(n)) return { error: `${text} is not a whole number on the scale ${scale.min}..${scale.max}` };
      if (n < scale.min || n > scale.max) return { error: `${text} is off the scale ${scale.min}..${scale.max}` };
      return { value: n };
    }
    return { error: `"${text}" is not an answer: use ${legend}, or map it with --map (labels: …)` };
  };
}

export type RoleResult = { role: Role } | { error: string };

export function roleReader(map: AnswerMap): (cell: string) => RoleResult {
  const roles = new Map<string, Role>(ROLES.map((r) => [r, r]));
  for (const [text, role] of map.roles) roles.set(text.replace(/ /g, ''), role);
  return (cell) => {
    const text = cell.trim();
    if (text === '') return { error: 'no role given' };
    const role = roles.get(normalizeText(text).replace(/ /g, ''));
    return role ? { role } : { error: `"${text}" is not a role (${ROLES.join(', ')}): map it with --map (roles: …)` };
  };
}
