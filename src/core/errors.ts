/** Where in an input something is wrong. `line` and `col` are 1-based. */
export interface Problem {
  file?: string;
  line?: number;
  col?: number;
  message: string;
}

export type ExitCode = 0 | 1 | 2 | 130;

/** Bad input or usage: the run stops before anything is written. Exit 2. */
export class InputError extends Error {
  readonly exitCode = 2;
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
  constructor(readonly hint?: string) {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

export function inputError(message: string, hint?: string): InputError {
  return new InputError([{ message }], hint);
}

export function formatProblem(problem: Problem): string {
  if (problem.file === undefined) return problem.message;
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.col ?? 1}`;
  return `${problem.file}${position}: ${problem.message}`;
}
