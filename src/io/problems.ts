import { InputError, type Problem } from '../core/errors.js';

const MAX_LISTED = 200;

/**
 * Every problem in every input is collected before failing, but a million bad rows must neither
 * fill memory nor the screen: past a limit, the rest are counted, not kept.
 */
export class ProblemList {
  private readonly kept: Problem[] = [];
  private more = 0;

  constructor(private readonly limit = MAX_LISTED) {}

  add(problem: Problem): void {
    if (this.kept.length < this.limit) this.kept.push(problem);
    else this.more++;
  }

  addAll(problems: readonly Problem[]): void {
    for (const p of problems) this.add(p);
  }

  get size(): number {
    return this.kept.length + this.more;
  }

  throwIfAny(hint?: string): void {
    if (this.size === 0) return;
    const tail = this.more > 0 ? [{ message: `… and ${this.more} more problem${this.more === 1 ? '' : 's'} like these` }] : [];
    throw new InputError([...this.kept, ...tail], hint);
  }
}
