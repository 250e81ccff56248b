import type { Response } from './answers.js';
import { allQuestions, type Bank, type Form, type Question } from './bank.js';
import { ROLES, type Role } from './roles.js';
import { itemScore, scoreRespondent } from './scoring.js';
import { alphaFromVariances, sampleVariance } from './stats.js';

// Many respondents, each scored alone, kept as compact columns so that a million rows fit in
// bounded memory: per respondent one byte for the role, one byte per item (the raw answer),
// and a float64 per pillar score and for the overall score. With the built-in bank's full form
// (4 pillars, 48 items) that is 1 + 48 + 5 · 8 = 89 bytes a respondent, about 89 MB a million.
// Raw rows are never kept; statistics are computed from these columns when the report is built.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const NO_ANSWER = 0;
const UNKNOWN = 255;

/** A column of numbers in fixed-size chunks: growing never copies, so memory stays what the data needs. */
class Column<T extends Float64Array | Uint8Array> {
  private readonly chunks: T[] = [];
  constructor(private readonly make: (length: number) => T) {}

  set(index: number, value: number): void {
    const c = index >>> CHUNK_BITS;
    while (this.chunks.length <= c) this.chunks.push(this.make(CHUNK));
    (this.chunks[c] as T)[index & (CHUNK - 1)] = value;
  }

  get(index: number): number {
    return (this.chunks[index >>> CHUNK_BITS] as T)[index & (CHUNK - 1)] as number;
  }
}

/** Which respondents a figure is about: a set of roles. */
export type Group = readonly Role[];

export const EVERYONE: Group = ROLES;

export class TeamData {
  readonly questions: readonly Question[];
  private count = 0;
  private readonly roles = new Column((n) => new Uint8Array(n));
  private readonly overall = new Column((n) => new Float64Array(n));
  private readonly pillarScores: Column<Float64Array>[];
  private readonly answers: Column<Uint8Array>[];
  private readonly names: string[] | null;

  constructor(
    readonly bank: Bank,
    readonly form: Form,
    options: { keepNames: boolean },
  ) {
    this.questions = allQuestions(bank, form);
    this.pillarScores = bank.pillars.map(() => new Column((n) => new Float64Array(n)));
    this.answers = this.questions.map(() => new Column((n) => new Uint8Array(n)));
    this.names = options.keepNames ? [] : null;
  }

  /** Scores one respondent alone and keeps what the team statistics need. */
  add(response: Response): void {
    const score = scoreRespondent(this.bank, this.form, response.answers);
    const i = this.count++;
    this.roles.set(i, ROLES.indexOf(response.respondent.role));
    this.overall.set(i, score.overall ?? Number.NaN);
    score.pillars.forEach((p, k) => this.pillarScores[k]?.set(i, p.score ?? Number.NaN));
    const { min } = this.bank.scale;
    this.questions.forEach((q, k) => {
      const value = Object.hasOwn(response.answers, q.id) ? response.answers[q.id] : undefined;
      this.answers[k]?.set(i, value === undefined ? NO_ANSWER : value === 'na' ? UNKNOWN : value - min + 1);
    });
    if (this.names !== null && response.respondent.name) this.names.push(response.respondent.name);
  }

  get size(): number {
    return this.count;
  }

  respondentNames(): string[] | null {
    return this.names === null ? null : [...this.names].sort((a, b) => a.localeCompare(b));
  }

  roleCounts(): Map<Role, number> {
    const counts = new Map<Role, number>(ROLES.map((r) => [r, 0]));
    for (let i = 0; i < this.count; i++) {
      const role = ROLES[this.roles.get(i)] as Role;
      counts.set(role, (counts.get(role) ?? 0) + 1);
    }
    return counts;
  }

  /** Overall scores of the group's respondents who have one. */
  overallScores(group: Group): number[] {
    return this.collect(group, (i) => this.overall.get(i));
  }

  /** Pillar scores (by the pillar's index in the bank) of the group's respondents who have one. */
  pillarScoresOf(pillar: number, group: Group): number[] {
    const column = this.pillarScores[pillar];
    return column ? this.collect(group, (i) => column.get(i)) : [];
  }

  /** 0-100 item scores (reversed where the question is) of the group's numeric answers. */
  itemScores(item: number, group: Group): number[] {
    const q = this.questions[item];
    if (!q) return [];
    const { scale } = this.bank;
    return this.collectAnswers(item, group, (value) => itemScore(value, scale, q.reverse));
  }

  /** The group's numeric answers as given, on the bank's scale. */
  itemValues(item: number, group: Group): number[] {
    return this.collectAnswers(item, group, (value) => value);
  }

  /** How many of the group were asked the item, and how many answered "don't know". */
  itemUnknown(item: number, group: Group): { asked: number; unknown: number } {
    const column = this.answers[item];
    const mask = roleMask(group);
    let asked = 0;
    let unknown = 0;
    if (column) {
      for (let i = 0; i < this.count; i++) {
        if (!mask[this.roles.get(i)]) continue;
        asked++;
        if (column.get(i) === UNKNOWN) unknown++;
      }
    }
    return { asked, unknown };
  }

  /**
   * Cronbach's alpha of a pillar's items (by index) over the respondents who gave a number to every
   * one of them; computed column by column so that memory does not grow with respondents × items.
   */
  alpha(items: readonly number[]): { complete: number; alpha: number | null } {
    const complete = new Uint8Array(this.count);
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      if (items.every((k) => isNumeric(this.answers[k]?.get(i) ?? NO_ANSWER))) {
        complete[i] = 1;
        n++;
      }
    }
    if (n < 2 || items.length < 2) return { complete: n, alpha: null };
    const totals = new Float64Array(n);
    const variances: number[] = [];
    for (const k of items) {
      const q = this.questions[k] as Question;
      const column = this.answers[k] as Column<Uint8Array>;
      const scores: number[] = [];
      for (let i = 0; i < this.count; i++) {
        if (complete[i] === 1) scores.push(itemScore(column.get(i) - 1 + this.bank.scale.min, this.bank.scale, q.reverse));
      }
      scores.forEach((s, j) => (totals[j] = (totals[j] ?? 0) + s));
      variances.push(sampleVariance(scores) ?? Number.NaN);
    }
    return { complete: n, alpha: alphaFromVariances(variances, sampleVariance(Array.from(totals)) ?? Number.NaN) };
  }

  private collect(group: Group, value: (i: number) => number): number[] {
    const mask = roleMask(group);
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) {
      if (!mask[this.roles.get(i)]) continue;
      const v = value(i);
      if (!Number.isNaN(v)) out.push(v);
    }
    return out;
  }

  private collectAnswers(item: number, group: Group, map: (value: number) => number): number[] {
    const column = this.answers[item];
    if (!column) return [];
    const { min } = this.bank.scale;
    const mask = roleMask(group);
    const out: number[] = [];
    for (let i = 0; i < this.count; i++) {
      if (!mask[this.roles.get(i)]) continue;
      const code = column.get(i);
      if (isNumeric(code)) out.push(map(code - 1 + min));
    }
    return out;
  }
}

function isNumeric(code: number): boolean {
  return code !== NO_ANSWER && code !== UNKNOWN;
}

function roleMask(group: Group): boolean[] {
  return ROLES.map((r) => group.includes(r));
}
