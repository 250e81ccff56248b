import type { AnswerValue } from './answers.js';
import type { Bank } from './bank.js';
import type { Issue } from './issue.js';
import type { AnswerMapFile } from './answer-map-schema.js';
import type { Role } from './roles.js';
import { normalizeText } from './text-match.js';

// The --map file: what auto-matching of a CSV export cannot guess.
//   columns: { "<header>": <question id> | role | name | ignore }
//   labels:  { "<answer as written>": <number on the scale> | na }
//   roles:   { "<role as written>": sales | marketing | leadership | revops | other }

export const COLUMN_KEYWORDS = ['role', 'name', 'ignore'] as const;
export type ColumnTarget = { question: string } | { keyword: (typeof COLUMN_KEYWORDS)[number] };

/** The map with its keys normalised the way CSV headers and cells are. */
export interface AnswerMap {
  columns: ReadonlyMap<string, ColumnTarget>;
  labels: ReadonlyMap<string, AnswerValue>;
  roles: ReadonlyMap<string, Role>;
}

export const EMPTY_MAP: AnswerMap = { columns: new Map(), labels: new Map(), roles: new Map() };

export function checkAnswerMap(bank: Bank, file: AnswerMapFile): { map: AnswerMap | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const ids = new Map(bank.pillars.flatMap((p) => p.questions).map((q) => [q.id.toLowerCase(), q.id]));
  const columns = new Map<string, ColumnTarget>();
  for (const [header, target] of Object.entries(file.columns)) {
    const keyword = COLUMN_KEYWORDS.find((k) => k === target.trim().toLowerCase());
    const id = ids.get(target.trim().toLowerCase());
    if (keyword) columns.set(normalizeText(header), { keyword });
    else if (id) columns.set(normalizeText(header), { question: id });
    else issues.push({ path: ['columns', header], message: `"${target}" is neither a question id of the bank nor one of ${COLUMN_KEYWORDS.join(', ')}` });
  }
  const { min, max } = bank.scale;
  const labels = new Map<string, AnswerValue>();
  for (const [label, value] of Object.entries(file.labels)) {
    if (typeof value === 'number' && (value < min || value > max))
      issues.push({ path: ['labels', label], message: `${value} is off the scale ${min}..${max} (or na)` });
    else labels.set(normalizeText(label), value);
  }
  const roles = new Map(Object.entries(file.roles).map(([text, role]) => [normalizeText(text), role]));
  return issues.length > 0 ? { map: null, issues } : { map: { columns, labels, roles }, issues };
}
