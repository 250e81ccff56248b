/** Where a command writes: a stream of the process, or what a test keeps. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What a command may touch of the outside world; tests pass their own. */
export interface Context {
  stdout: Output;
  stderr: Output;
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths are taken from. */
  cwd: string;
  now(): Date;
}

export function processContext(): Context {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
