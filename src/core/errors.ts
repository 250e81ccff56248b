/** Where in an input something is wrong. `line` and `col` are 1-based. */
export interface Problem {
  file?: string;
  line?: number;
  col?: number;
  message: string;
  /** What would help with it, when problems of several inputs are listed together: said once, after the last problem it helps. */
  hint?: string;
}

export type ExitCode = 0 | 1 | 2 | 130;

// The scripted run is bundled as one file with its own copy of this module, apart from the rest of the
// bundle: an error is known by its brand, not by the copy of the class that made it.
const INPUT_ERROR = Symbol.for('cash-test.InputError');
const INTERRUPTED_ERROR = Symbol.for('cash-test.InterruptedError');

const branded = (value: unknown, brand: symbol): boolean => typeof value === 'object' && value !== null && brand in value;

/** Bad input or usage: the run stops before anything is written. Exit 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  readonly [INPUT_ERROR] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, INPUT_ERROR);
  }
  constructor(
    readonly problems: readonly Problem[],
    readonly hint?: string,
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** The user pressed Ctrl-C; whatever had to be saved is saved. Exit 130. */
export class InterruptedError extends Error {
  readonly exitCode = 130;
  readonly [INTERRUPTED_ERROR] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, INTERRUPTED_ERROR);
  }
  constructor(readonly hint?: string) {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

export function inputError(message: string, hint?: string): InputError {
  return new InputError([{ message }], hint);
}

/** The error's problems, each carrying the error's hint: for listing them among the problems of other inputs. */
export function hintedProblems(error: InputError): Problem[] {
  const { hint } = error;
  return hint === undefined ? [...error.problems] : error.problems.map((p) => ({ ...p, hint: p.hint ?? hint }));
}

export function formatProblem(problem: Problem): string {
  if (problem.file === undefined) return problem.message;
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.col ?? 1}`;
  return `${problem.file}${position}: ${problem.message}`;
}
