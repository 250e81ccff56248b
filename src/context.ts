import { fstatSync, type Stats, writeSync } from 'node:fs';
import { fileErrorMessage } from './io/read-text.js';

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
    stdout: standardOutput(),
    // Standard error and input are opened when first used: each costs a run that never uses it about a millisecond.
    get stderr() {
      return process.stderr;
    },
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/**
 * Standard output redirected to a file or a device (`> report.txt`, `> /dev/full`) is written here,
 * synchronously and whole: Node's own stream drops the rest of a short write, so a full disk would
 * give a cut report and exit 0. A pipe or a terminal is Node's stream (main.ts handles its errors).
 */
function standardOutput(): Context['stdout'] {
  let info: Stats;
  try {
    info = fstatSync(1);
  } catch {
    return process.stdout;
  }
  if (process.stdout.isTTY || !(info.isFile() || info.isCharacterDevice())) return process.stdout;
  return {
    isTTY: false,
    write(text: string) {
      const bytes = Buffer.from(text, 'utf8');
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(1, bytes, done);
      } catch (error) {
        throw new StandardOutputError(error as NodeJS.ErrnoException);
      }
      return true;
    },
  };
}

/**
 * Standard output could not be written (exit 2). Its own class, not an InputError: this module is
 * bundled into the entry, which reports it itself, apart from the lazily loaded error report.
 */
export class StandardOutputError extends Error {
  readonly exitCode = 2;
  constructor(error: NodeJS.ErrnoException) {
    super(`standard output: cannot write: ${fileErrorMessage(error)}`);
    this.name = 'StandardOutputError';
  }
}
