import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bank } from '../core/bank.js';

// Parsing and validating a built-in bank's 40 KB of YAML was most of a scripted run's time, and the
// built-in banks change only with a release: the build stores each validated, with the text of each of
// its files. The files are compared with it on every use, so an edited questions/ folder is loaded from its
// files. (Comparing is exact and costs less than loading node:crypto to hash them.)

/** The compiled file of a built-in bank (by its name, such as `cash@2`) in dist/. */
export function compiledBankFile(name: string): string {
  return `builtin-bank-${name.replace('@', '-')}.json`;
}

export interface CompiledBank {
  /** The text of each file the bank was loaded from, by name in its folder. */
  files: Record<string, string>;
  bank: Bank;
}

export async function compileBank(dir: string, bank: Bank): Promise<CompiledBank> {
  const names = ['bank.yaml', ...bank.pillars.map((p) => `${p.id}.yaml`)];
  const files = Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  return { files, bank };
}

/**
 * The compiled bank when its files in `dir` are still the ones it was compiled from; null otherwise.
 * Read synchronously: six small files, read on every scripted run, cost about 9 ms more asynchronously.
 */
export async function readCompiledBank(compiled: string, dir: string): Promise<Bank | null> {
  const text = readOrNull(compiled);
  if (text === null) return null;
  const { files, bank } = JSON.parse(text.toString('utf8')) as CompiledBank;
  return Object.entries(files).every(([name, content]) => readOrNull(join(dir, name))?.equals(Buffer.from(content, 'utf8')) === true) ? bank : null;
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}
