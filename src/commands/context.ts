/** What a command may touch of the outside world; tests pass their own. */
export interface Context {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

export function processContext(): Context {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    now: () => new Date(),
  };
}
