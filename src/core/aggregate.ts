import { answerCode, NO_ANSWER, straightLined, UNKNOWN } from './answer-codes.js';
import type { Response } from './answers.js';
import { allQuestions, type Bank, type Form, type Question } from './bank.js';
import { FormScorer } from './form-scorer.js';
import { ROLES, type Role } from './roles.js';
import { itemScore } from './scoring.js';
import { alphaFromVariances, momentsOfCounts, sampleVariance } from './stats.js';

// Many respondents, each scored alone, kept as compact tables so that a million rows fit in
// bounded memory: per respondent one byte for the role, one byte per item (the raw answer),
// and a float64 per pillar score and for the overall score. With the built-in bank's full form
// (4 pillars, 48 items) that is 1 + 48 + 5 · 8 = 89 bytes a respondent, about 89 MB a million.
// Raw rows are never kept. The report reads the tables back in few passes: pillar scores as
// sorted arrays per role, one pillar at a time; answers as counts per item, role and scale point.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * `width` numbers a respondent, row after row, in chunks of CHUNK respondents: growing never copies,
 * so memory stays what the data needs. Respondent i's row is at (i mod CHUNK) · width in chunk i / CHUNK.
 */
class Table<T extends Float64Array | Uint8Array> {
  readonly chunks: T[] = [];
  constructor(
    readonly width: number,
    private readonly make: (length: number) => T,
  ) {}

  /** Respondents are added in order: row i comes after row i − 1. */
  setRow(index: number, values: T): void {
    const c = index >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(this.make(CHUNK * this.width));
    (this.chunks[c] as T).set(values, (index & (CHUNK - 1)) * this.width);
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
  private readonly named: Record<Form, number> = { full: 0, quick: 0 };
  private readonly perRole = new Uint32Array(ROLES.length);
  private readonly roles = new Table(1, (n) => new Uint8Array(n));
  /** Each pillar's score, then the overall score (NaN for none). */
  private readonly scores: Table<Float64Array>;
  /** The answer codes, indexed as `questions`. */
  private readonly answers: Table<Uint8Array>;
  private readonly names: string[] | null;
  private readonly scorer: FormScorer;
  /** One respondent's row of each table, reused from one respondent to the next. */
  private readonly role = new Uint8Array(1);
  private readonly codes: Uint8Array;
  private readonly scoreRow: Float64Array;

  constructor(
    readonly bank: Bank,
    readonly form: Form,
    options: { keepNames: boolean },
  ) {
    this.questions = allQuestions(bank, form);
    this.scores = new Table(bank.pillars.length + 1, (n) => new Float64Array(n));
    this.answers = new Table(this.questions.length, (n) => new Uint8Array(n));
    this.names = options.keepNames ? [] : null;
    this.scorer = new FormScorer(bank, form);
    this.codes = new Uint8Array(this.questions.length);
    this.scoreRow = new Float64Array(bank.pillars.length + 1);
  }

  /** Scores one respondent alone and keeps what the team statistics need. */
  add(response: Response): void {
    const { min } = this.bank.scale;
    this.questions.forEach((q, k) => {
      this.codes[k] = answerCode(Object.hasOwn(response.answers, q.id) ? response.answers[q.id] : undefined, min);
    });
    this.addCoded(response.respondent.role, this.codes, response.respondent.name, response.form);
  }

  /** The same for a respondent given as answer codes, indexed as `questions` (read only during the call); `form`: the one its file named. */
  addCoded(role: Role, codes: Uint8Array, name?: string, form: Form = 'full'): void {
    const i = this.count++;
    const r = ROLES.indexOf(role);
    this.perRole[r] = (this.perRole[r] ?? 0) + 1;
    this.role[0] = r;
    this.roles.setRow(i, this.role);
    this.scoreRow[this.bank.pillars.length] = this.scorer.score(codes, this.scoreRow);
    this.scores.setRow(i, this.scoreRow);
    this.answers.setRow(i, codes);
    if (this.names !== null && name) this.names.push(name);
    if (straightLined(codes)) this.sameAnswers++;
    this.named[form]++;
  }

  /** How many responses named each form; CSV rows, and files read on a form given for all (--quick), count as full. */
  get formsNamed(): Readonly<Record<Form, number>> {
    return this.named;
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
    return pillar >= 0 && pillar < this.bank.pillars.length ? this.split(pillar) : ROLES.map(() => new Float64Array(0));
  }

  /** The overall scores per role, ascending, respondents without one left out. */
  overallScores(): Float64Array[] {
    return this.split(this.bank.pillars.length);
  }

  /** Every item's counts, indexed as `questions`, from one pass over the answers. */
  itemCounts(): ItemCounts[] {
    const points = this.bank.scale.max - this.bank.scale.min + 1;
    const { width } = this.answers;
    // Per item, role and code (code 0 is no answer), in one flat table.
    const stride = UNKNOWN + 1;
    const perItem = ROLES.length * stride;
    const table = new Uint32Array(width * perItem);
    this.chunks((c, _start, length) => {
      const codes = this.answers.chunks[c] as Uint8Array;
      const roles = this.roles.chunks[c] as Uint8Array;
      for (let j = 0, row = 0; j < length; j++, row += width) {
        const role = (roles[j] as number) * stride;
        for (let k = 0, at = role; k < width; k++, at += perItem) {
          const cell = at + (codes[row + k] as number);
          table[cell] = (table[cell] as number) + 1;
        }
      }
    });
    return this.questions.map((_, k) => {
      const counts: ItemCounts = {
        values: ROLES.map(() => new Uint32Array(points)),
        unknown: new Uint32Array(ROLES.length),
        asked: Uint32Array.from(this.perRole),
      };
      ROLES.forEach((_, r) => {
        const at = k * perItem + r * stride;
        counts.unknown[r] = table[at + UNKNOWN] as number;
        (counts.values[r] as Uint32Array).set(table.subarray(at + 1, at + 1 + points));
      });
      return counts;
    });
  }

  /**
   * Cronbach's alpha of items (by index) over the respondents who gave a number to every one of
   * them, of the composite the pillar score is: Σ w·s with the items' weights, so alpha uses
   * w²·var(s) per item and the variance of the weighted totals (equal weights give the usual alpha).
   * Item variances come from counts and the totals are one float64 a respondent, so memory
   * does not grow with respondents × items. One pass over the answers, row by row.
   */
  alpha(items: readonly number[], group: Group = EVERYONE): { complete: number; alpha: number | null } {
    const counted = Uint8Array.from(ROLES, (r) => (group.includes(r) ? 1 : 0));
    const { scale } = this.bank;
    const points = Array.from({ length: scale.max - scale.min + 1 }, (_, v) => v + scale.min);
    const scores = items.map((k) => {
      const q = this.questions[k] as Question;
      return points.map((v) => q.weight * itemScore(v, scale, q.reverse));
    });
    // Per item (in the order given) and code: its weighted score, and how many complete respondents gave it.
    const stride = points.length + 1;
    const byCode = new Float64Array(items.length * stride);
    scores.forEach((s, i) => byCode.set(s, i * stride + 1));
    const counts = new Uint32Array(items.length * stride);
    const columns = Uint32Array.from(items);
    const totals = new Float64Array(this.count);
    let n = 0;
    const { width } = this.answers;
    this.chunks((c, _start, length) => {
      const codes = this.answers.chunks[c] as Uint8Array;
      const roles = this.roles.chunks[c] as Uint8Array;
      for (let j = 0, row = 0; j < length; j++, row += width) {
        if (counted[roles[j] as number] === 0) continue;
        let complete = true;
        for (let i = 0; i < columns.length; i++) {
          const code = codes[row + (columns[i] as number)] as number;
          if (code === NO_ANSWER || code === UNKNOWN) {
            complete = false;
            break;
          }
        }
        if (!complete) continue;
        let total = 0;
        for (let i = 0, at = 0; i < columns.length; i++, at += stride) {
          const cell = at + (codes[row + (columns[i] as number)] as number);
          counts[cell] = (counts[cell] as number) + 1;
          total += byCode[cell] as number;
        }
        totals[n++] = total;
      }
    });
    if (n < 2 || items.length < 2) return { complete: n, alpha: null };
    const variances = scores.map((s, i) => momentsOfCounts(s, counts.subarray(i * stride + 1, (i + 1) * stride))?.variance ?? Number.NaN);
    return { complete: n, alpha: alphaFromVariances(variances, sampleVariance(totals.subarray(0, n)) ?? Number.NaN) };
  }

  /** One column of the scores table per role, ascending, NaN left out. */
  private split(column: number): Float64Array[] {
    const parts = ROLES.map((_, r) => new Float64Array(this.perRole[r] ?? 0));
    const lengths = new Uint32Array(ROLES.length);
    const { width } = this.scores;
    this.chunks((c, _start, length) => {
      const values = this.scores.chunks[c] as Float64Array;
      const roles = this.roles.chunks[c] as Uint8Array;
      for (let j = 0; j < length; j++) {
        const value = values[j * width + column] as number;
        if (Number.isNaN(value)) continue;
        const role = roles[j] as number;
        (parts[role] as Float64Array)[lengths[role] as number] = value;
        lengths[role] = (lengths[role] as number) + 1;
      }
    });
    return parts.map((part, r) => part.subarray(0, lengths[r]).sort());
  }

  /** Visits the respondents a chunk at a time: the chunk's index, its first respondent's position, and how many it holds. */
  private chunks(visit: (chunk: number, start: number, length: number) => void): void {
    for (let c = 0; c * CHUNK < this.count; c++) visit(c, c * CHUNK, Math.min(CHUNK, this.count - c * CHUNK));
  }
}
