import { answerCode, NO_ANSWER, straightLined, UNKNOWN } from './answer-codes.js';
import type { Response } from './answers.js';
import { allQuestions, type Bank, type Form, type Question } from './bank.js';
import { FormScorer } from './form-scorer.js';
import { ROLES, type Role } from './roles.js';
import { itemScore } from './scoring.js';
import { alphaFromVariances, momentsOfCounts, sampleVariance } from './stats.js';

// Many respondents, each scored alone, kept as compact columns so that a million rows fit in
// bounded memory: per respondent one byte for the role, one byte per item (the raw answer),
// and a float64 per pillar score and for the overall score. With the built-in bank's full form
// (4 pillars, 48 items) that is 1 + 48 + 5 · 8 = 89 bytes a respondent, about 89 MB a million.
// Raw rows are never kept. The report reads the columns back one pillar or item at a time:
// pillar scores as sorted arrays per role, answers as counts per role and scale point.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/** A column of numbers in fixed-size chunks: growing never copies, so memory stays what the data needs. */
class Column<T extends Float64Array | Uint8Array> {
  readonly chunks: T[] = [];
  constructor(private readonly make: (length: number) => T) {}

  set(index: number, value: number): void {
    const c = index >>> CHUNK_BITS;
    while (this.chunks.length <= c) this.chunks.push(this.make(CHUNK));
    (this.chunks[c] as T)[index & (CHUNK - 1)] = value;
  }
}

/** Which respondents a figure is about: a set of roles. */
export type Group = readonly Role[];

export const EVERYONE: Group = ROLES;

/** One item's answers, per role (indexed as ROLES): counts per scale point, "don't know", and how many were asked. */
export interface ItemCounts {
  values: Uint32Array[];
  unknown: Uint32Array;
  asked: Uint32Array;
}

/** Where the respondents of a team go as they are read: answer files as responses, CSV rows as answer codes. */
export type TeamSink = Pick<TeamData, 'add' | 'addCoded'>;

export class TeamData {
  readonly questions: readonly Question[];
  private count = 0;
  private sameAnswers = 0;
  private readonly perRole = new Uint32Array(ROLES.length);
  private readonly roles = new Column((n) => new Uint8Array(n));
  private readonly overall = new Column((n) => new Float64Array(n));
  private readonly pillarColumns: Column<Float64Array>[];
  private readonly answers: Column<Uint8Array>[];
  private readonly names: string[] | null;
  private readonly scorer: FormScorer;
  /** One respondent's answer codes and pillar scores, reused from one respondent to the next. */
  private readonly codes: Uint8Array;
  private readonly pillarScratch: Float64Array;

  constructor(
    readonly bank: Bank,
    readonly form: Form,
    options: { keepNames: boolean },
  ) {
    this.questions = allQuestions(bank, form);
    this.pillarColumns = bank.pillars.map(() => new Column((n) => new Float64Array(n)));
    this.answers = this.questions.map(() => new Column((n) => new Uint8Array(n)));
    this.names = options.keepNames ? [] : null;
    this.scorer = new FormScorer(bank, form);
    this.codes = new Uint8Array(this.questions.length);
    this.pillarScratch = new Float64Array(bank.pillars.length);
  }

  /** Scores one respondent alone and keeps what the team statistics need. */
  add(response: Response): void {
    const { min } = this.bank.scale;
    this.questions.forEach((q, k) => {
      this.codes[k] = answerCode(Object.hasOwn(response.answers, q.id) ? response.answers[q.id] : undefined, min);
    });
    this.addCoded(response.respondent.role, this.codes, response.respondent.name);
  }

  /** The same for a respondent given as answer codes, indexed as `questions` (read only during the call). */
  addCoded(role: Role, codes: Uint8Array, name?: string): void {
    const i = this.count++;
    const r = ROLES.indexOf(role);
    this.perRole[r] = (this.perRole[r] ?? 0) + 1;
    this.roles.set(i, r);
    const pillars = this.pillarScratch;
    this.overall.set(i, this.scorer.score(codes, pillars));
    for (let p = 0; p < pillars.length; p++) (this.pillarColumns[p] as Column<Float64Array>).set(i, pillars[p] as number);
    for (let k = 0; k < codes.length; k++) (this.answers[k] as Column<Uint8Array>).set(i, codes[k] as number);
    if (this.names !== null && name) this.names.push(name);
    if (straightLined(codes)) this.sameAnswers++;
  }

  /** Respondents who gave the same answer to every statement of the form. */
  get straightLiners(): number {
    return this.sameAnswers;
  }

  get size(): number {
    return this.count;
  }

  respondentNames(): string[] | null {
    return this.names === null ? null : [...this.names].sort((a, b) => a.localeCompare(b));
  }

  roleCount(role: Role): number {
    return this.perRole[ROLES.indexOf(role)] ?? 0;
  }

  /** The scores of a pillar (by its index in the bank) per role, ascending, respondents without one left out. */
  pillarScores(pillar: number): Float64Array[] {
    const column = this.pillarColumns[pillar];
    return column ? this.split(column) : ROLES.map(() => new Float64Array(0));
  }

  /** The overall scores per role, ascending, respondents without one left out. */
  overallScores(): Float64Array[] {
    return this.split(this.overall);
  }

  itemCounts(item: number): ItemCounts {
    const points = this.bank.scale.max - this.bank.scale.min + 1;
    const counts: ItemCounts = {
      values: ROLES.map(() => new Uint32Array(points)),
      unknown: new Uint32Array(ROLES.length),
      asked: Uint32Array.from(this.perRole),
    };
    const column = this.answers[item];
    if (!column) return counts;
    this.scan(column, (code, role) => {
      if (code === UNKNOWN) counts.unknown[role] = (counts.unknown[role] ?? 0) + 1;
      else if (code !== NO_ANSWER) {
        const row = counts.values[role] as Uint32Array;
        row[code - 1] = (row[code - 1] ?? 0) + 1;
      }
    });
    return counts;
  }

  /**
   * Cronbach's alpha of items (by index) over the respondents who gave a number to every one of
   * them, of the composite the pillar score is: Σ w·s with the items' weights, so alpha uses
   * w²·var(s) per item and the variance of the weighted totals (equal weights give the usual alpha).
   * Item variances come from counts and the totals are one float64 a respondent, so memory
   * does not grow with respondents × items.
   */
  alpha(items: readonly number[], group: Group = EVERYONE): { complete: number; alpha: number | null } {
    const complete = new Uint8Array(this.count).fill(1);
    const counted = ROLES.map((r) => group.includes(r));
    this.scan(this.roles, (_code, role, i) => {
      if (!counted[role]) complete[i] = 0;
    });
    for (const k of items)
      this.scan(this.answers[k] as Column<Uint8Array>, (code, _role, i) => {
        if (code === NO_ANSWER || code === UNKNOWN) complete[i] = 0;
      });
    let n = 0;
    for (const c of complete) n += c;
    if (n < 2 || items.length < 2) return { complete: n, alpha: null };

    const { scale } = this.bank;
    const points = Array.from({ length: scale.max - scale.min + 1 }, (_, v) => v + scale.min);
    const totals = new Float64Array(this.count);
    const variances: number[] = [];
    for (const k of items) {
      const q = this.questions[k] as Question;
      const scores = points.map((v) => q.weight * itemScore(v, scale, q.reverse));
      const counts = new Uint32Array(points.length);
      this.scan(this.answers[k] as Column<Uint8Array>, (code, _role, i) => {
        if (complete[i] === 0) return;
        counts[code - 1] = (counts[code - 1] ?? 0) + 1;
        totals[i] = (totals[i] ?? 0) + (scores[code - 1] as number);
      });
      variances.push(momentsOfCounts(scores, counts)?.variance ?? Number.NaN);
    }
    const completeTotals = totals.filter((_, i) => complete[i] === 1);
    return { complete: n, alpha: alphaFromVariances(variances, sampleVariance(completeTotals) ?? Number.NaN) };
  }

  private split(column: Column<Float64Array>): Float64Array[] {
    const parts = ROLES.map((_, r) => new Float64Array(this.perRole[r] ?? 0));
    const lengths = new Uint32Array(ROLES.length);
    this.scan(column, (value, role) => {
      if (Number.isNaN(value)) return;
      (parts[role] as Float64Array)[lengths[role] ?? 0] = value;
      lengths[role] = (lengths[role] ?? 0) + 1;
    });
    return parts.map((part, r) => part.subarray(0, lengths[r]).sort());
  }

  /** Visits every respondent's value in a column, with their role (index in ROLES) and position. */
  private scan<T extends Float64Array | Uint8Array>(column: Column<T>, visit: (value: number, role: number, index: number) => void): void {
    for (let c = 0; c * CHUNK < this.count; c++) {
      const values = column.chunks[c] as T;
      const roles = this.roles.chunks[c] as Uint8Array;
      const length = Math.min(CHUNK, this.count - c * CHUNK);
      for (let j = 0; j < length; j++) visit(values[j] as number, roles[j] as number, c * CHUNK + j);
    }
  }
}
