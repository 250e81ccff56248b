import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bank } from '../core/bank.js';

// Parsing and validating a built-in bank's 40 KB of YAML was most of a scripted run's time, and the
// built-in banks change only with a release: the build stores each validated, with a hash of each of
// its files. The files are hashed again on every use, so an edited questions/ folder is loaded from its files.

/** The compiled file of a built-in bank (by its name, such as `cash@2`) in dist/. */
export function compiledBankFile(name: string): string {
  return `builtin-bank-${name.replace('@', '-')}.json`;
}

export interface CompiledBank {
  /** sha256 of each file the bank was loaded from, by name in its folder. */
  files: Record<string, string>;
  bank: Bank;
}

export async function compileBank(dir: string, bank: Bank): Promise<CompiledBank> {
  const names = ['bank.yaml', ...bank.pillars.map((p) => `${p.id}.yaml`)];
  const files = Object.fromEntries(names.map((name) => [name, fileHash(join(dir, name))]));
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
  return Object.entries(files).every(([name, hash]) => {
    const bytes = readOrNull(join(dir, name));
    return bytes !== null && hashOf(bytes) === hash;
  })
    ? bank
    : null;
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function fileHash(file: string): string {
  return hashOf(readFileSync(file));
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
