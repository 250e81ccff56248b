import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formatProblem, InputError } from '../../src/core/errors.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The problems an InputError lists, each as `file:line:col: message`, with `prefix` taken off the file names. */
export async function problemLines(promise: Promise<unknown>, prefix: string): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  const start = prefix.endsWith(sep) ? prefix : `${prefix}${sep}`;
  return (error as InputError).problems.map((p) => formatProblem(p).split(start).join(''));
}
